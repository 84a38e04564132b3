"""A page that goes on below the screen says so (kiosk.ui.scroll_hint): a fade and an arrow at
the bottom, a fade at the top once scrolled, nothing on a page that fits; the hints take no
touch, and follow the theme."""

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QColor

from conftest import settle
from kiosk.theme import visitor_theme
from kiosk.ui.scroll_hint import EdgeFade
from kiosk.ui.widgets import SourceLink
from test_accessibility_roles import tap_at_window

SMALL = (1366, 768)  # a small panel keeps the readable text size: its pages scroll


def hints(page) -> tuple[bool, bool]:
    return page.hints.top.isVisible(), page.hints.bottom.isVisible()


def test_a_page_that_goes_on_below_says_so_and_its_top_once_it_is_scrolled(make_kiosk):
    kiosk = make_kiosk(size=SMALL)
    page = kiosk.window.stack.currentWidget()
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0  # this page does go on below on a small panel
    assert hints(page) == (False, True)
    viewport = page.viewport().geometry()
    assert page.hints.bottom.geometry().bottom() == viewport.bottom()
    assert page.hints.top.geometry().top() == viewport.top()
    bar.setValue(bar.maximum() // 2)
    settle()
    assert hints(page) == (True, True)
    bar.setValue(bar.maximum())
    settle()
    assert hints(page) == (True, False)
    kiosk.reset()  # the idle reset puts every page back at its top
    assert hints(page) == (False, True)


def test_a_page_that_fits_has_no_hint(make_kiosk):
    kiosk = make_kiosk(size=(1920, 1080))
    window = kiosk.window
    fitting = 0
    for tab in window.tab_ids:
        window.show_view(tab)
        settle()
        page = window.stack.currentWidget()
        if page.verticalScrollBar().maximum() == 0:
            fitting += 1
            assert hints(page) == (False, False), tab
    assert fitting > 0


class Received(QObject):
    """The input events a widget is given."""

    def __init__(self, widget):
        super().__init__()
        self.events = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            self.events.append(event.type())
        return False


def test_a_tap_on_the_hint_reaches_what_is_under_it(make_kiosk, touch_device):
    kiosk = make_kiosk(size=SMALL)
    window = kiosk.window
    page = window.stack.currentWidget()
    hint = page.hints.bottom
    bar = page.verticalScrollBar()

    def below_the_fade(link) -> int:
        return link.mapTo(window, link.rect().center()).y() - hint.mapTo(window, hint.rect().center()).y()

    # A source line the page can be scrolled to put under the middle of the fade.
    links = window.views[window.current_view].findChildren(SourceLink)
    link = next(link for link in links if link.isVisible() and 0 <= below_the_fade(link) <= bar.maximum())
    bar.setValue(below_the_fade(link))
    settle()
    point = link.mapTo(window, link.rect().center())
    assert hint.isVisible() and hint.geometry().contains(hint.parentWidget().mapFrom(window, point))
    assert not isinstance(window.childAt(point), EdgeFade)
    received = Received(hint)
    tap_at_window(window, point, touch_device)
    assert received.events == []
    assert kiosk.source_card.isVisible()


def test_the_fade_is_the_background_of_the_theme_in_use(make_kiosk):
    kiosk = make_kiosk(size=SMALL)
    page = kiosk.window.stack.currentWidget()
    for high_contrast in (False, True):
        kiosk.set_look(1.0, high_contrast)
        settle()
        hint = kiosk.window.stack.currentWidget().hints.bottom
        window = kiosk.window
        bottom_left = hint.mapTo(window, QPoint(hint.width() // 4, hint.height() - 1))  # away from the arrow
        edge = QColor(window.grab(QRect(bottom_left, QSize(1, 1))).toImage().pixel(0, 0))
        background = QColor(visitor_theme(1.0, high_contrast).background)
        assert max(abs(a - b) for a, b in zip(edge.getRgb()[:3], background.getRgb()[:3])) <= 3, \
            (high_contrast, edge.name(), background.name())
    assert page is kiosk.window.stack.currentWidget()  # pages outlive restyles: the hint follows
