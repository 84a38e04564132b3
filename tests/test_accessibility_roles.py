"""What the kiosk's controls are to a screen reader, read in this process as Qt hands them to the
platform's bridge: page tabs in a page tab list with the current one selected, source lines as
links whose press opens the source card, the idle warning as an alert that is announced, and
pictures as images (tests/test_atspi.py reads the same back over AT-SPI)."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAccessibleWidget
from PySide6.QtTest import QTest

from conftest import settle
from kiosk.harness import open_overlay
from kiosk.model.loader import load_dataset
from kiosk.ui.pictures import Picture
from kiosk.ui.widgets import SourceLink, descendants
from pictures import with_pictures

Role = QAccessible.Role
PRESS = QAccessibleWidget.pressAction()  # the action a screen reader's "activate" calls


def interface(widget):
    return QAccessible.queryAccessibleInterface(widget)


def tab_states(kiosk) -> list[tuple[str, bool]]:
    return [(interface(b).text(QAccessible.Text.Name), bool(interface(b).state().selected))
            for b in kiosk.window.tabs.buttons]


def tap_at_window(window, point: QPoint, touch_device) -> None:
    """One finger down and up where a visitor touches: at the window, in its coordinates."""
    handle = window.windowHandle()
    QTest.touchEvent(handle, touch_device).press(0, point).commit()
    QTest.touchEvent(handle, touch_device).release(0, point).commit()
    settle()


def test_the_tabs_are_page_tabs_in_a_page_tab_list_and_the_current_one_is_selected(make_kiosk, touch_device):
    kiosk = make_kiosk()
    tabs = kiosk.window.tabs.buttons
    nodes = [interface(tab) for tab in tabs]
    assert [node.role() for node in nodes] == [Role.PageTab] * len(tabs)
    row = nodes[0].parent()
    assert row.role() == Role.PageTabList
    assert [row.child(i).object() for i in range(row.childCount())] == tabs  # the list holds the tabs alone
    assert [name for name, _ in tab_states(kiosk)] == [view.title["en"] for view in kiosk.ctx.dataset.views]
    assert [selected for _, selected in tab_states(kiosk)] == [True, False, False, False]
    assert not any(node.state().checked or node.state().checkable for node in nodes)  # not check boxes

    third = tabs[2]
    tap_at_window(kiosk.window, third.mapTo(kiosk.window, third.rect().center()), touch_device)
    assert kiosk.window.current_view == kiosk.window.tab_ids[2]
    assert [selected for _, selected in tab_states(kiosk)] == [False, False, True, False]


def test_a_selected_tab_tells_assistive_technology(make_kiosk, monkeypatch):
    kiosk = make_kiosk()
    tabs = kiosk.window.tabs.buttons
    for tab in tabs:
        interface(tab)  # a screen reader has read the tabs
    sent = record_events(monkeypatch)
    kiosk.window.show_view(kiosk.window.tab_ids[1])
    selection = [(obj, kind) for obj, kind, _ in sent
                 if kind in (QAccessible.Event.SelectionAdd, QAccessible.Event.SelectionRemove)]
    assert (tabs[1], QAccessible.Event.SelectionAdd) in selection
    assert (tabs[0], QAccessible.Event.SelectionRemove) in selection


def test_a_pressed_tab_shows_its_view(make_kiosk):
    kiosk = make_kiosk()
    node = interface(kiosk.window.tabs.buttons[3])
    assert PRESS in node.actionNames()
    node.doAction(PRESS)
    settle()
    assert kiosk.window.current_view == kiosk.window.tab_ids[3]


def test_a_source_line_is_a_link_whose_press_opens_the_source_card(make_kiosk):
    kiosk = make_kiosk()
    line = next(link for link in descendants(kiosk.window, SourceLink) if link.isVisible())
    node = interface(line)
    assert node.role() == Role.Link
    assert node.text(QAccessible.Text.Name) == line.text()
    assert PRESS in node.actionNames()
    assert kiosk.built("source_card") is None or not kiosk.source_card.isVisible()
    node.doAction(PRESS)
    settle()
    assert kiosk.source_card.isVisible()
    assert kiosk.source_card.records == line.provenance.records


def record_events(monkeypatch) -> list[tuple]:
    """The accessibility events the kiosk sends from here on, as (object, type, message): PySide6
    has no update handler hook (QAccessible.installUpdateHandler), so the one function every
    event goes through to the platform is watched."""
    sent = []
    original = QAccessible.updateAccessibility

    def record(event):
        message = event.message() if isinstance(event, QAccessibleAnnouncementEvent) else ""
        sent.append((event.object(), event.type(), message))
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return sent


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_idle_warning_is_an_alert_and_is_announced_when_it_opens(make_kiosk, monkeypatch, language):
    kiosk = make_kiosk(language=language)
    sent = record_events(monkeypatch)
    warning = open_overlay(kiosk, "warning")
    settle()
    node = interface(warning)
    assert node.role() == Role.AlertMessage
    name = node.text(QAccessible.Text.Name)
    for part in (warning.headline, warning.countdown, warning.hint):
        assert part.text() and part.text() in name
    alerts = [obj for obj, kind, _ in sent if kind == QAccessible.Event.Alert]
    assert alerts == [warning]
    announced = [message for _, kind, message in sent if kind == QAccessible.Event.Announcement]
    assert announced == [name]


def test_the_alert_is_sent_each_time_the_warning_opens_and_only_then(make_kiosk, monkeypatch):
    kiosk = make_kiosk()
    sent = record_events(monkeypatch)
    for name in kiosk.window.tab_ids:
        kiosk.window.show_view(name)
    settle()
    assert not [kind for _, kind, _ in sent if kind == QAccessible.Event.Alert]
    warning = open_overlay(kiosk, "warning")
    warning.hide()
    warning.open()
    settle()
    assert [obj for obj, kind, _ in sent if kind == QAccessible.Event.Alert] == [warning, warning]


def test_pictures_are_images_named_by_their_alt_text(make_kiosk, raw, tmp_path):
    path = with_pictures(raw, tmp_path / "site")
    data = load_dataset(path)
    kiosk = make_kiosk(data=data, context={"media": path.parent / "media"})
    pictures = {}
    for view in kiosk.window.tab_ids:
        kiosk.window.show_view(view)
        settle()
        pictures.update({p.media.id: p for p in descendants(kiosk.window, Picture)})
    assert pictures
    for picture in pictures.values():
        node = interface(picture)
        assert node.role() == Role.Graphic
        assert node.text(QAccessible.Text.Name) == picture.media.alt["en"]
