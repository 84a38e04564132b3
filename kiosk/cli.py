"""Command line: ``kiosk`` runs the kiosk, ``kiosk screenshot`` renders a view to PNG.

One ``main()`` serves the ``kiosk`` script and ``python -m kiosk``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from kiosk.model.dataset import Dataset
from kiosk.model.loader import DatasetError, load_dataset
from kiosk.platform_check import PLUGIN_FAILED, platform_problem
from kiosk.resources import data_path

log = logging.getLogger("kiosk")
VIEWS = ("overview", "industries", "innovation", "living")
_STARTED = time.perf_counter()


def size_arg(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1920x1080, got {text!r}") from None
    if not (320 <= width <= 16384 and 320 <= height <= 16384):
        raise argparse.ArgumentTypeError(f"{text}: each side must be between 320 and 16384")
    return width, height


def _common(parser: argparse.ArgumentParser, default_size: str) -> None:
    parser.add_argument("--data", type=Path, help="dataset to show (default: the bundled one)")
    parser.add_argument("--lang", default="en", help="language to start in, e.g. en or zh")
    parser.add_argument("--size", type=size_arg, default=size_arg(default_size), metavar="WxH",
                        help=f"window size in logical pixels (default {default_size})")


def run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Touch-screen kiosk for the Jining High-tech Zone.",
        epilog="Subcommand: 'kiosk screenshot --help' renders a view to PNG without a display.")
    _common(parser, "1920x1080")
    parser.add_argument("--windowed", action="store_true",
                        help="a normal resizable window instead of full screen")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS",
                        help="quit this long after the first frame is painted (for tests)")
    return parser


def screenshot_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk screenshot", description="Render one view to PNG.")
    _common(parser, "1920x1080")
    parser.add_argument("--view", choices=VIEWS, default="overview")
    parser.add_argument("--out", type=Path, required=True, help="PNG file to write")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if argv[:1] == ["screenshot"]:
        return screenshot(screenshot_parser().parse_args(argv[1:]))
    return run(run_parser().parse_args(argv))


def _load(args, parser_error, fall_back: bool) -> Dataset:
    path = args.data or data_path()
    try:
        dataset = load_dataset(path)
    except DatasetError as error:
        log.error("%s", error)
        if not fall_back or args.data is None:
            raise SystemExit(1) from None
        log.warning("showing the bundled dataset instead of %s", path)
        dataset = load_dataset(data_path())
    if args.lang not in dataset.languages:
        parser_error(f"--lang {args.lang}: the dataset has {', '.join(dataset.languages)}")
    return dataset


def screenshot(args) -> int:
    dataset = _load(args, screenshot_parser().error, fall_back=False)
    from PySide6.QtCore import QSize

    from kiosk.ui.screenshot import render_view

    app, window = _build(["kiosk", "-platform", "offscreen"], dataset, args.lang)
    render_view(window, args.view, QSize(*args.size), args.out)
    print(args.out)
    return 0


def run(args) -> int:
    dataset = _load(args, run_parser().error, fall_back=True)
    problem = platform_problem(os.environ, sys.argv)
    if problem:
        print(problem, file=sys.stderr)
        return 3
    _guard_qt_fatal()
    app, window = _build(sys.argv[:1], dataset, args.lang)
    _after_first_paint(window, args.quit_after, app)
    if args.windowed:
        window.resize(*args.size)
        window.show()
    else:
        screen = app.primaryScreen()
        # Without a window manager showFullScreen() alone does not resize the window.
        window.setGeometry(screen.geometry())
        window.showFullScreen()
    log.info("showing %s in %s, %dx%d, %s", dataset.zone.short_name[args.lang], args.lang,
             window.width(), window.height(), "windowed" if args.windowed else "full screen")
    return app.exec()


def _build(qt_argv: list[str], dataset: Dataset, language: str):
    from kiosk.theme import Theme
    from kiosk.ui.app import create_app
    from kiosk.ui.context import ViewContext
    from kiosk.ui.main_window import MainWindow

    theme = Theme()
    app = create_app(qt_argv, theme)
    return app, MainWindow(ViewContext(dataset, language, theme))


def _after_first_paint(window, quit_after: float | None, app) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, self._painted)
            return False

        def _painted(self):
            log.info("first frame painted %.0f ms after start", (time.perf_counter() - _STARTED) * 1000)
            if quit_after is not None:
                QTimer.singleShot(int(quit_after * 1000), app.quit)

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)


def _guard_qt_fatal() -> None:
    """Route Qt messages into logging; turn a platform-plugin abort into a plain message."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind, _context, message):
        logging.getLogger("qt").log(levels.get(kind, logging.WARNING), "%s", message)
        if kind == QtMsgType.QtFatalMsg and "platform plugin" in message:
            print(PLUGIN_FAILED.format(detail=message.splitlines()[0]), file=sys.stderr)
            os._exit(3)

    qInstallMessageHandler(handler)
