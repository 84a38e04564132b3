"""Pictures made at test time (the bundled dataset ships none): plain colour fields with a
marker, written as PNG, JPEG or WebP into a media folder, and a dataset that uses them."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

COLOURS = {"harbour": "#2E7D32", "campus": "#6A1B9A", "lab": "#EF6C00", "factory": "#1565C0",
           "park": "#AD1457", "station": "#00838F"}


def make_picture(path: Path, colour: str, size: tuple[int, int] = (2400, 1350)) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.fillRect(0, 0, size[0] // 10, size[1] // 10, Qt.GlobalColor.white)  # a corner to tell crops apart
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path)), path
    return path


def media_record(media_id: str, file: str) -> dict:
    return {"id": media_id, "file": file,
            "alt": {"en": f"A test picture called {media_id}", "zh": f"测试图片{media_id}"},
            "credit": {"en": "Test suite", "zh": "测试"}, "licence": "CC0 1.0"}


def with_pictures(raw: dict, folder: Path) -> Path:
    """The bundled data with pictures in every place: a banner, a photo block, a gallery, an
    industry's, a company's and a fact's picture; written to folder/data.json with folder/media/."""
    data = copy.deepcopy(raw)
    files = {"harbour": "harbour.jpg", "campus": "campus.png", "lab": "lab.webp", "factory": "factory.jpg",
             "park": "park.png", "station": "station.jpg"}
    for media_id, file in files.items():
        make_picture(folder / "media" / file, COLOURS[media_id])
    data["media"] = [media_record(i, f) for i, f in files.items()]
    tabs = {tab["id"]: tab for tab in data["views"]}
    tabs["overview"]["banner"] = "harbour"
    tabs["innovation"]["blocks"][0] = {"kind": "photo", "media": "lab",
                                       "caption": {"en": "A laboratory", "zh": "实验室"}}
    data["views"].append({"id": "pictures", "title": {"en": "Pictures", "zh": "图片"},
                          "headline": {"en": "The zone in pictures", "zh": "图说高新区"},
                          "blocks": [{"kind": "gallery", "media": ["park", "station", "campus"], "width": 2,
                                      "title": {"en": "Around the zone", "zh": "区内一览"}},
                                     {"kind": "text", "title": {"en": "About these pictures", "zh": "关于图片"},
                                      "text": {"en": "Test pictures made by the test suite.",
                                               "zh": "测试程序生成的图片。"}},
                                     {"kind": "facts", "facts": ["high-speed-rail"], "below": True}]})
    data["industries"][0]["photo"] = "factory"
    data["companies"][0]["photo"] = "factory"
    # The fact with a picture moves from the full Living tab to the Pictures tab below.
    next(f for f in data["facts"] if f["id"] == "high-speed-rail")["photo"] = "station"
    transport = next(b for b in tabs["living"]["blocks"] if "high-speed-rail" in b.get("facts", ()))
    transport["facts"].remove("high-speed-rail")
    path = folder / "data.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
