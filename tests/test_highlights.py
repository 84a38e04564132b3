"""The highlights grid takes as many columns (up to three) as leave every word of its values and
captions room: a narrow block, large text or a long word gets fewer columns, never a cut word."""

import json

from PySide6.QtCore import QEvent, QObject

from conftest import settle
from kiosk.model.loader import parse_dataset
from kiosk.ui.blocks.cards import HIGHLIGHT_COLUMNS, HighlightGrid
from kiosk.ui.widgets import descendants
from ui_helpers import layout_problems

LONG_WORD = "Semiconductorcomponents"  # one word, wider than a third of a narrow card


def with_long_unit(raw: dict) -> object:
    data = json.loads(json.dumps(raw))
    data["units"]["long"] = {"format": {"en": "{} " + LONG_WORD, "zh": "{}半导体元器件与集成电路组件"}}
    overview = next(view for view in data["views"] if any(b["kind"] == "highlights" for b in view["blocks"]))
    block = next(b for b in overview["blocks"] if b["kind"] == "highlights")
    for figure in data["figures"]:
        if figure["id"] in block["figures"][:3]:
            figure["unit"] = "long"
            figure.pop("qualifier", None)
    return parse_dataset(json.dumps(data, ensure_ascii=False).encode(), "long.json", remember=False), overview["id"]


def grid_of(kiosk, tab: str) -> HighlightGrid:
    kiosk.window.show_view(tab)
    settle()
    [grid] = descendants(kiosk.window.views[tab], HighlightGrid)
    return grid


def test_the_bundled_highlights_keep_three_columns(make_kiosk, dataset):
    kiosk = make_kiosk()
    tab = next(view.id for view in dataset.views if any(type(b).__name__ == "Highlights" for b in view.blocks))
    assert grid_of(kiosk, tab)._columns == HIGHLIGHT_COLUMNS


def test_a_word_too_long_for_a_third_gets_fewer_columns_and_is_never_cut(make_kiosk, raw):
    data, tab = with_long_unit(raw)
    for language in ("en", "zh"):
        for size in ((1920, 1080), (1080, 1920)):
            kiosk = make_kiosk(data=data, language=language, size=size)
            kiosk.set_look(1.5, False)  # A++: the largest text
            grid = grid_of(kiosk, tab)
            problems = layout_problems(kiosk.window, scrolling=True, root=grid)
            assert problems == [], (language, size, problems)
            assert grid._columns < HIGHLIGHT_COLUMNS or language == "zh", (language, size)


class LayoutRequests(QObject):
    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def test_a_laid_out_grid_stays_still(make_kiosk, dataset):
    """Setting a column's minimum width asks for a new layout; asked again for the same widths,
    the grid reflowed itself for ever (a busy loop on a screen nobody touches)."""
    kiosk = make_kiosk()
    tab = next(view.id for view in dataset.views if any(type(b).__name__ == "Highlights" for b in view.blocks))
    requests = LayoutRequests(grid_of(kiosk, tab))
    settle()
    assert requests.count == 0
