"""Pictures in the dataset: checked where they are used, shown at their place, kept as last good."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from conftest import settle
from kiosk.datastore import DataStore
from kiosk.model.loader import DatasetError, load_dataset, parse_dataset
from kiosk.model.media import BANNER, MAX_BYTES
from kiosk.ui.attract import AttractScreen
from kiosk.ui.blocks.photos import Gallery
from kiosk.ui.pictures import Picture, loader
from pictures import COLOURS, make_picture, with_pictures
from ui_helpers import layout_problems

SIZES = [(1920, 1080), (1080, 1920)]


@pytest.fixture
def pictured(raw, tmp_path) -> Path:
    return with_pictures(raw, tmp_path / "site")


def problems(path: Path) -> list[str]:
    with pytest.raises(DatasetError) as error:
        parse_dataset(path.read_bytes(), path, remember=False)
    return [str(p) for p in error.value.problems]


def edit(path: Path, change) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def media_index(path: Path, media_id: str) -> int:
    return next(i for i, m in enumerate(json.loads(path.read_text(encoding="utf-8"))["media"]) if m["id"] == media_id)


def test_a_dataset_with_pictures_in_every_place_is_valid(pictured):
    dataset = load_dataset(pictured)
    assert {m.id for m in dataset.media} == set(COLOURS)


def test_a_missing_picture_file_is_named(pictured):
    (pictured.parent / "media" / "lab.webp").unlink()
    i = media_index(pictured, "lab")
    assert problems(pictured) == [f"media.{i}.file: lab.webp is not in the media folder {pictured.parent / 'media'}"]


def test_a_picture_that_leads_out_of_the_media_folder_is_refused(pictured, tmp_path):
    outside = make_picture(tmp_path / "elsewhere" / "secret.png", "#000000")
    (pictured.parent / "media" / "link.png").symlink_to(outside)
    i = media_index(pictured, "campus")
    edit(pictured, lambda d: d["media"][i].update(file="link.png"))
    [problem] = problems(pictured)
    assert problem.startswith(f"media.{i}.file: link.png leads out of the media folder")


def test_a_path_in_the_file_name_is_refused_before_any_file_is_read(pictured):
    i = media_index(pictured, "campus")
    edit(pictured, lambda d: d["media"][i].update(file="../../etc/passwd.png"))
    assert [p.split(":")[0] for p in problems(pictured)] == [f"media.{i}.file"]


def test_a_file_that_is_no_picture_is_refused(pictured):
    (pictured.parent / "media" / "campus.png").write_text("not a picture", encoding="utf-8")
    i = media_index(pictured, "campus")
    [problem] = problems(pictured)
    assert problem.startswith(f"media.{i}.file: campus.png cannot be read as a picture")


def test_a_half_copied_picture_is_refused(pictured):
    """Its header is whole, its data is not: only decoding all of it finds that."""
    path = pictured.parent / "media" / "harbour.jpg"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    i = media_index(pictured, "harbour")
    [problem] = problems(pictured)
    assert problem.startswith(f"media.{i}.file: harbour.jpg cannot be read as a picture")


def test_a_picture_too_large_is_refused_without_being_decoded(pictured):
    with open(pictured.parent / "media" / "campus.png", "r+b") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: large on paper, nothing written
    i = media_index(pictured, "campus")
    [problem] = problems(pictured)
    assert problem.startswith(f"media.{i}.file: campus.png is ") and "the limit is" in problem


def test_a_picture_too_small_for_its_place_is_named_where_it_is_used(pictured):
    make_picture(pictured.parent / "media" / "harbour.jpg", COLOURS["harbour"], (BANNER.min_width - 1, 400))
    tab = next(i for i, t in enumerate(json.loads(pictured.read_text())["views"]) if t.get("banner") == "harbour")
    [problem] = problems(pictured)
    assert problem.startswith(f'views.{tab}.banner: "harbour" is {BANNER.min_width - 1}x400 pixels')


def test_every_picture_needs_alt_text_in_every_language_and_an_existing_id(pictured):
    i = media_index(pictured, "lab")
    edit(pictured, lambda d: (d["media"][i]["alt"].pop("zh"), d["industries"][1].update(photo="nowhere")))
    assert sorted(problems(pictured)) == sorted([f'media.{i}.alt: missing the "zh" text',
                                                 'industries.1.photo: unknown media id "nowhere"'])


def test_a_gallery_that_shows_a_picture_twice_is_told_which(pictured):
    tab = next(i for i, t in enumerate(json.loads(pictured.read_text())["views"]) if t["id"] == "pictures")
    edit(pictured, lambda d: d["views"][tab]["blocks"][0]["media"].append("park"))
    assert problems(pictured) == [f'views.{tab}.blocks.0.media.3: "park" is in the gallery already; '
                                  "give each picture once"]


def test_the_remembered_check_notices_a_changed_picture(pictured):
    load_dataset(pictured)  # checked and remembered
    (pictured.parent / "media" / "campus.png").write_text("not a picture any more", encoding="utf-8")
    with pytest.raises(DatasetError):
        load_dataset(pictured)


def test_the_last_good_copy_keeps_its_pictures(pictured, tmp_path):
    store = DataStore(pictured, tmp_path / "state")
    store.load_at_start()
    for name in ("lab.webp", "harbour.jpg"):
        (pictured.parent / "media" / name).unlink()  # the operator's folder loses pictures
    shown = DataStore(pictured, tmp_path / "state").load_at_start()
    assert shown.origin == "last good copy"
    assert (shown.media / "lab.webp").exists() and shown.media != pictured.parent / "media"


def colour_at(widget, point: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(point)


def near(colour: QColor, expected: str, tolerance: int = 16) -> bool:
    """Within JPEG's and the banner veil's small shifts of the expected colour."""
    want = QColor(expected)
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], want.getRgb()[:3]))


def wait_for_pictures():
    for _ in range(3):
        settle()
        loader().wait()


def test_pictures_show_at_their_places_with_alt_text_and_credit(make_window, pictured):
    window = make_window(data=load_dataset(pictured), media=pictured.parent / "media")
    window.show_view("overview")
    wait_for_pictures()
    banner = window.views["overview"].banner
    assert banner.accessibleName() == "A test picture called harbour"
    assert "Test suite" in banner.accessibleDescription()
    # The picture's own colour, away from its veil at the foot and its white marker corner.
    assert near(colour_at(banner, QPoint(banner.width() // 2, 2)), COLOURS["harbour"])


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_tab_with_pictures_passes_the_layout_check(make_window, pictured, language):
    dataset = load_dataset(pictured)
    found = []
    for size in SIZES:
        window = make_window(language, size, data=dataset, media=pictured.parent / "media")
        for name in window.tab_ids:
            window.show_view(name)
            wait_for_pictures()
            found += [f"{size} {name}: {p}" for p in layout_problems(window)]
        assert window.findChildren(Picture)
    assert found == [], "\n".join(found)


def test_a_swipe_on_a_gallery_turns_its_pictures_not_the_tab(make_kiosk, pictured, touch_path, qtbot, tap):
    kiosk = make_kiosk(data=load_dataset(pictured), context={"media": pictured.parent / "media"})
    window = kiosk.window
    window.show_view("pictures")
    wait_for_pictures()
    gallery = window.views["pictures"].findChild(Gallery)
    centre = gallery.stack.mapTo(window, gallery.stack.rect().center())
    touch_path(window, [centre + QPoint(200 - 80 * i, 0) for i in range(6)])
    settle()
    assert window.current_view == "pictures" and gallery.stack.currentIndex() == 1
    assert gallery.position.text() == "Picture 2 of 3"
    tap(gallery.next)
    assert gallery.stack.currentIndex() == 2
    kiosk.window.reset_state()
    assert gallery.stack.currentIndex() == 0


def test_the_attract_loop_shows_the_pictures_moving_slowly_closer(make_kiosk, pictured):
    kiosk = make_kiosk(data=load_dataset(pictured), context={"media": pictured.parent / "media",
                                                              "reduce_motion": False})
    attract: AttractScreen = kiosk.attract
    slides = [(i, s) for i, s in enumerate(attract.slides) if getattr(s, "motion", None) is not None]
    assert len(slides) == len(COLOURS)
    index, slide = slides[0]
    attract.start()
    attract.show_slide(index, animate=False)
    assert slide.motion.state() == slide.motion.State.Running
    picture = slide.findChild(Picture)
    slide.motion.setCurrentTime(slide.motion.duration())
    assert picture.zoom > 1.0


def test_a_picture_that_cannot_be_decoded_at_show_time_leaves_its_place_plain(make_window, pictured):
    """Valid when checked, broken by the time it is shown (replaced on disk): no crash, the
    place keeps the theme's track colour."""
    dataset = load_dataset(pictured)
    (pictured.parent / "media" / "harbour.jpg").write_bytes(b"broken")
    window = make_window(data=dataset, media=pictured.parent / "media")
    wait_for_pictures()
    banner = window.views["overview"].banner
    assert near(colour_at(banner, QPoint(banner.width() // 2, 2)), window.ctx.theme.track)
