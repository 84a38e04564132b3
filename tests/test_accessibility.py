"""Every interactive element can be found and understood by assistive technology, in both languages."""

import pytest
from PySide6.QtGui import QAccessible

from conftest import settle
from kiosk.harness import open_overlay
from kiosk.ui.charts import StaticPlot
from kiosk.ui.overlay_registry import OVERLAYS
from ui_helpers import TABS, explorer

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
        is_chart = isinstance(widget, StaticPlot)
        if role in INTERACTIVE or is_chart or getattr(widget, "provenance", None) is not None:
            name = node.text(QAccessible.Text.Name)
            description = node.text(QAccessible.Text.Description)
            if not name.strip() or not description.strip():
                problems.append(f"{type(widget).__name__} role {role.name}: name {name!r}, description {description!r}")
    return problems


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_button_tab_source_line_and_chart_is_named_and_described(make_kiosk, language):
    kiosk = make_kiosk(language=language)
    problems = []
    for view in TABS:
        kiosk.window.show_view(view)
        settle()
        problems += [f"{view}: {p}" for p in unnamed(kiosk.window)]
    for name in OVERLAYS:
        overlay = open_overlay(kiosk, name)
        settle()
        problems += [f"{name}: {p}" for p in unnamed(kiosk.window)]
        overlay.reset_state()
    assert problems == [], "\n".join(problems)


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
