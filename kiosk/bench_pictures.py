"""The benchmark with pictures: the bundled data plus 20 large photos in every place.

    python -m kiosk.bench --pictures 20

Photos are made here (no photo of the zone ships with the kiosk): 6000x4000 JPEGs with a
smooth texture, a few MB each like a camera's, so decoding costs what a real photo costs.
Reported: cold start to the first frame (the first start also checks every picture), tab
switches, and memory after every tab and every gallery picture has been shown.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

PHOTO_SIZE = (6000, 4000)


def make_photo(path: Path, seed: int, size: tuple[int, int] = PHOTO_SIZE) -> None:
    """A camera-sized JPEG: a coarse random field blown up smoothly, so it compresses like a photo."""
    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, 256, (size[1] // 100, size[0] // 100, 4), dtype=np.uint8)
    coarse[..., 3] = 255
    small = QImage(coarse.tobytes(), coarse.shape[1], coarse.shape[0], QImage.Format.Format_RGBA8888)
    image = small.scaled(*size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "JPEG", 90):
        raise OSError(f"could not write {path}")


def photo_dataset(folder: Path, count: int) -> Path:
    """The bundled data with `count` photos: a banner on every tab, a picture for each industry
    and company, and a tab with a photo and a gallery of the rest."""
    from kiosk.resources import data_path

    data = json.loads(data_path().read_text(encoding="utf-8"))
    ids = [f"photo-{n + 1}" for n in range(count)]
    for n, media_id in enumerate(ids):
        make_photo(folder / "media" / f"{media_id}.jpg", n)
    data["media"] = [{"id": i, "file": f"{i}.jpg", "alt": {"en": f"Benchmark photo {i}", "zh": f"测试照片{i}"},
                      "credit": {"en": "Benchmark", "zh": "基准测试"}, "licence": "CC0 1.0"} for i in ids]
    places = iter(ids)
    for tab in data["views"]:
        tab["banner"] = next(places)
    for record in (*data["industries"], *data["companies"]):
        record["photo"] = next(places, None)
    rest = list(places)
    if len(rest) >= 3:
        data["views"].append({"id": "pictures", "title": {"en": "Pictures", "zh": "图片"},
                              "headline": {"en": "Benchmark pictures", "zh": "测试图片"},
                              "blocks": [{"kind": "photo", "media": rest[0]},
                                         {"kind": "gallery", "media": rest[1:], "width": 2}]})
    path = folder / "data.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def measure(size: tuple[int, int], count: int, quick: bool) -> dict:
    from kiosk import bench
    from kiosk.memory import release_freed, rss_mb

    results: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        data = photo_dataset(Path(folder), count)
        megabytes = sum(f.stat().st_size for f in (Path(folder) / "media").iterdir()) / 1e6
        results[f"pictures: {count} photos of {PHOTO_SIZE[0]}x{PHOTO_SIZE[1]} ({megabytes:.0f} MB of JPEG)"] = {}
        results.update({f"pictures: {name}": value for name, value in
                        bench.cold_start(size, 3 if quick else 10, data=data).items()})
        with_pictures = bench.Bench(size, data_file=data)
        results["pictures: rss after start (MB)"] = rss_mb()
        shown, _ = bench.tab_switches(with_pictures, 2 if quick else 10)
        results[f"pictures: tab switch, touch to new view on screen, {size[0]}x{size[1]}"] = bench.stats(shown)
        _show_every_picture(with_pictures)
        release_freed()
        results["pictures: rss after every picture shown (MB)"] = rss_mb()
    return results


def _show_every_picture(bench) -> None:
    from kiosk.harness import settle
    from kiosk.ui.blocks.photos import Gallery
    from kiosk.ui.pictures import loader

    window = bench.window
    for tab in window.tab_ids:
        window.show_view(tab)
        settle()
        loader().wait()
        for gallery in window.views[tab].findChildren(Gallery):
            for _ in gallery.pictures:
                gallery.take_swipe(1)
                settle()
                loader().wait()
    settle()


if __name__ == "__main__":
    sys.exit("run it as: python -m kiosk.bench --pictures 20")
