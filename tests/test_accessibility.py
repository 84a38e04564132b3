"""Every interactive element can be found and understood by assistive technology, in both languages."""

import pytest
from PySide6.QtGui import QAccessible

from conftest import settle
from kiosk.harness import open_overlay
from kiosk.model.loader import load_dataset
from kiosk.ui.charts import StaticPlot
from kiosk.ui.overlay_registry import OVERLAYS
from kiosk.ui.pictures import Picture
from pictures import with_pictures
from ui_helpers import explorer

INTERACTIVE = {QAccessible.Role.Button, QAccessible.Role.PageTab, QAccessible.Role.CheckBox,
               QAccessible.Role.Link}


def walk(interface, depth=0):
    if interface is None or not interface.isValid() or depth > 60:
        return
    yield interface
    for index in range(interface.childCount()):
        yield from walk(interface.child(index), depth + 1)


def unnamed(window):
    """Interactive elements and charts on screen without an accessible name or description."""
    problems = []
    for node in walk(QAccessible.queryAccessibleInterface(window)):
        if node.state().invisible:
            continue
        widget = node.object()
        role = node.role()
        is_chart = isinstance(widget, (StaticPlot, Picture))
        if role in INTERACTIVE or is_chart or getattr(widget, "provenance", None) is not None:
            name = node.text(QAccessible.Text.Name)
            description = node.text(QAccessible.Text.Description)
            if not name.strip() or not description.strip():
                problems.append(f"{type(widget).__name__} role {role.name}: name {name!r}, description {description!r}")
    return problems


@pytest.fixture(params=["bundled", "pictures"])
def shown(request, dataset, raw, tmp_path):
    """The bundled data, and the same with pictures in every place (a banner, a photo block,
    a gallery, an industry's, a company's and a fact's): (dataset, its media folder)."""
    if request.param == "bundled":
        return dataset, None
    path = with_pictures(raw, tmp_path / "site")
    return load_dataset(path), path.parent / "media"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_button_tab_source_line_chart_and_picture_is_named_and_described(make_kiosk, shown, language):
    data, media = shown
    kiosk = make_kiosk(language=language, data=data, context={"media": media})
    problems, pictures = [], {}
    for view in kiosk.window.tab_ids:
        kiosk.window.show_view(view)
        settle()
        problems += [f"{view}: {p}" for p in unnamed(kiosk.window)]
        pictures.update({p.media.id: p for p in kiosk.window.findChildren(Picture)})  # a gallery's hidden ones too
    for name in OVERLAYS:
        overlay = open_overlay(kiosk, name)
        settle()
        problems += [f"{name}: {p}" for p in unnamed(kiosk.window)]
        overlay.reset_state()
    assert problems == [], "\n".join(problems)
    # A picture is told by its alt text in the visitor's language, then its credit.
    assert {m.id for m in data.media} <= set(pictures)
    for media_id, picture in pictures.items():
        media = next(m for m in data.media if m.id == media_id)
        node = QAccessible.queryAccessibleInterface(picture)
        assert node.text(QAccessible.Text.Name) == media.alt[language]
        assert media.credit[language] in node.text(QAccessible.Text.Description)


def test_the_check_catches_an_unnamed_button(make_kiosk):
    kiosk = make_kiosk()
    kiosk.window.tabs.buttons[1].setAccessibleName("")
    kiosk.window.tabs.buttons[1].setText("")
    assert any("name ''" in p for p in unnamed(kiosk.window))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_charts_have_a_text_alternative_with_every_value(make_kiosk, dataset, language):
    kiosk = make_kiosk(language=language)
    kiosk.window.show_view("industries")
    settle()
    chart = explorer(kiosk.window).chart
    description = QAccessible.queryAccessibleInterface(chart).text(QAccessible.Text.Description)
    for industry in dataset.industries:
        assert industry.name[language] in description
        share = dataset.figure(industry.share)
        assert f"{share.value:g}%" in description
