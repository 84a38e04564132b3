"""One kiosk in this process, built as the program builds it; and, without the program's event
loop, shown at a size, settled, put under an overlay, pictured and closed: what
`kiosk screenshot`, the tests, the benchmark and the monkey do with it.

    app()
    kiosk = build(dataset, language="zh", size=(1080, 1920))
    open_overlay(kiosk, "staff")
    picture(kiosk).save("staff.png")
    close(kiosk)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.config import Config
    from kiosk.model.dataset import Dataset
    from kiosk.theme import Theme
    from kiosk.ui.shell import Kiosk

# What returning to a running event loop takes: the first pass lays out, the next let adaptive
# rows settle at the final size, and a change deep in nested layouts (an industry selected, its
# card's texts taller) reaches the page one level per pass: as many passes as the widget tree
# is deep (11 levels from the window to a card's label).
SETTLE_PASSES = 12


def app(argv: list[str] | None = None, theme: Theme | None = None) -> QApplication:
    """The application, styled; created on first use."""
    from kiosk.theme import Theme
    from kiosk.ui.app import create_app

    return create_app(argv or ["kiosk"], theme or Theme())


def tab_ids(kiosk: Kiosk) -> tuple[str, ...]:
    """The kiosk's tabs, in the order of its tab bar (the dataset's)."""
    return kiosk.window.tab_ids


def build(dataset: Dataset | None = None, *, language: str = "en", config: Config | None = None,
          theme: Theme | None = None, context: dict | None = None, look: tuple[float, bool] | None = None,
          size: tuple[int, int] | None = None, **options) -> Kiosk:
    """A Kiosk showing `dataset` (by default the store's, else the bundled one) in `language`,
    with `config` (by default every setting's default). `context` goes to make_context
    (stretch, reduce_motion, translation_dirs); `look` (text scale, high contrast) is as after
    the visitor's buttons; `options` go to the Kiosk (kiosk_mode, store, visits, ...). Shown
    at `size` if given."""
    from kiosk.config import Config
    from kiosk.ui.shell import Kiosk

    store = options.get("store")
    if store is not None:  # the pictures of the data it shows are where the store found them
        context = {"media": store.shown.media, **(context or {})}
    ctx = _context(dataset or (store.shown.dataset if store is not None else None), language, theme, context)
    kiosk = Kiosk(ctx, config or Config(), options.pop("kiosk_mode", False), **options)
    if look is not None:
        kiosk.set_look(*look)
    if size is not None:
        show(kiosk.window, size)
    return kiosk


def build_window(dataset: Dataset | None = None, *, language: str = "en", theme: Theme | None = None,
                 context: dict | None = None, size: tuple[int, int] | None = None):
    """The main window alone (no session, overlays or gestures), as build() makes it."""
    from kiosk.ui.main_window import MainWindow

    window = MainWindow(_context(dataset, language, theme, context))
    if size is not None:
        show(window, size)
    return window


def _context(dataset: Dataset | None, language: str, theme: Theme | None, context: dict | None):
    """The ViewContext for `dataset` (None: the bundled one); windows closed before are deleted
    first, because making it switches the language, and a switch reaches every window."""
    from kiosk.theme import Theme
    from kiosk.ui.context import make_context

    settle()
    return make_context(dataset or _bundled(), theme or Theme(), language, **(context or {}))


def _bundled() -> Dataset:
    from kiosk.model.loader import load_dataset
    from kiosk.resources import data_path

    return load_dataset(data_path())


def show(window: QWidget, size: tuple[int, int]) -> None:
    window.resize(*size)
    window.show()
    settle()


def settle(wait_ms: int = 0) -> None:
    """What returning to the running event loop does (after `wait_ms` of it, if given):
    posted events, layouts, and deleting discarded widgets (processEvents alone never does:
    deferred deletes wait for the loop)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if wait_ms:
        from PySide6.QtTest import QTest

        QTest.qWait(wait_ms)
    for _ in range(SETTLE_PASSES):
        QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_overlay(kiosk: Kiosk, name: str, still: bool = False):
    """Open the overlay `name` (kiosk.ui.overlay_registry) over the view on screen, as the kiosk
    opens it; `still`: and let it reach what a still picture shows. Returns the overlay."""
    from kiosk.ui.overlay_registry import OVERLAYS

    spec = OVERLAYS[name]
    overlay = getattr(kiosk, spec.attribute)
    spec.open(kiosk, overlay)
    if still:
        spec.still(overlay)
    return overlay


def picture(kiosk: Kiosk, view: str, overlay: str | None, size: tuple[int, int]) -> QImage:
    """`view` at exactly `size`, under `overlay` if given, as a still picture: where every
    animation ends up. Raises RuntimeError if the layout needs a larger window."""
    window = kiosk.window
    window.resize(*size)
    window.show_view(view)
    window.show()
    # Charts where they end up, from the first frame: text drawn while they move leaves the
    # glyph caches as far as the animation got, and the picture would differ by a few pixels.
    window.finish_animations()
    _settle_with_pictures()
    if overlay:
        open_overlay(kiosk, overlay, still=True)
        _settle_with_pictures()
    image = window.grab().toImage()
    if (window.width(), window.height()) != tuple(size):
        raise RuntimeError(f"the layout needs {window.width()}x{window.height()}; "
                           f"it does not fit {size[0]}x{size[1]}")
    return image


def _settle_with_pictures() -> None:
    """Settled, with the pictures the painting asked for decoded (off the UI thread) and painted."""
    from kiosk.ui.pictures import loader

    settle()
    loader().wait()
    settle()


def close(kiosk: Kiosk) -> None:
    """The kiosk ended (Kiosk.close) and its window deleted."""
    kiosk.close()
    settle()
