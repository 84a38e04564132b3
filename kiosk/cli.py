"""Command line: ``kiosk`` runs the kiosk; subcommands render, set the PIN, install autostart.

One ``main()`` serves the ``kiosk`` script and ``python -m kiosk``.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
import time
from pathlib import Path

from kiosk.config import LoadedConfig, default_config_path, default_log_dir, describe, load_config
from kiosk.logs import catch_native_crashes, install_excepthook, route_qt_messages, setup_logging
from kiosk.datastore import DataStore
from kiosk.model.loader import DatasetError
from kiosk.platform_check import PLUGIN_FAILED, platform_problem

log = logging.getLogger("kiosk")
SUBCOMMANDS = ("screenshot", "validate", "edit", "history", "doctor", "stats", "speak", "set-pin",
               "install-autostart", "uninstall-autostart", "publish", "fleet")
_STARTED = time.perf_counter()


def size_arg(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1920x1080, got {text!r}") from None
    if not (320 <= width <= 16384 and 320 <= height <= 16384):
        raise argparse.ArgumentTypeError(f"{text}: each side must be between 320 and 16384")
    return width, height


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help=f"configuration file (default {default_config_path()})")
    parser.add_argument("--data", type=Path, help="dataset to show (default: data_path in the config, else the bundled one)")
    parser.add_argument("--lang", help="language to start in, e.g. en or zh (default: the config's default_language)")
    parser.add_argument("--stretch-text", type=float, default=0.0, metavar="FRACTION",
                        help="layout check: make every interface text longer, e.g. 0.4 for +40%%")
    parser.add_argument("--size", type=size_arg, default=(1920, 1080), metavar="WxH",
                        help="window size in logical pixels (default 1920x1080)")


def run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Touch-screen kiosk for the Jining High-tech Zone.",
        epilog=f"Subcommands (each has --help): {', '.join(SUBCOMMANDS)}.")
    _common(parser)
    parser.add_argument("--windowed", action="store_true",
                        help="a normal resizable window, without the kiosk lockdown")
    parser.add_argument("--print-config", action="store_true",
                        help="show the effective configuration and where each value came from")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS",
                        help="quit this long after the first frame is painted (for tests)")
    return parser


def screenshot_parser() -> argparse.ArgumentParser:
    from kiosk.ui.overlay_registry import OVERLAYS

    parser = argparse.ArgumentParser(prog="kiosk screenshot", description="Render one view to PNG, without a display.")
    _common(parser)
    parser.add_argument("--view", metavar="TAB", help="the id of the tab to show (default: the dataset's first)")
    parser.add_argument("--overlay", choices=tuple(OVERLAYS), help="show this layer over the view")
    parser.add_argument("--out", type=Path, required=True, help="PNG file to write")
    parser.add_argument("--text-scale", type=float, choices=(1.0, 1.25, 1.5), default=1.0,
                        help="as after the visitor's text-size button")
    parser.add_argument("--high-contrast", action="store_true", help="as after the visitor's contrast button")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        code = _command(sys.argv[1:] if argv is None else argv)
        sys.stdout.flush()  # here, not at exit, so that a reader that has gone shows up below
        return code
    except BrokenPipeError:
        # The reader of a pipe stopped reading (kiosk stats | head): normal, not an error. Later
        # writes, and Python's own flush at exit, go nowhere instead of failing again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _command(argv: list[str]) -> int:
    command = argv[0] if argv[:1] and argv[0] in SUBCOMMANDS else None
    if command == "screenshot":
        return screenshot(screenshot_parser().parse_args(argv[1:]))
    if command == "validate":
        from kiosk.validate import validate

        return validate(argv[1:])
    if command == "edit":
        from kiosk.editor.command import main as edit

        return edit(argv[1:])
    if command == "history":
        from kiosk.history import main as history

        return history(argv[1:])
    if command == "doctor":
        from kiosk.doctor.command import main as doctor

        return doctor(argv[1:])
    if command == "stats":
        from kiosk.analytics.command import main as stats

        return stats(argv[1:])
    if command == "speak":
        from kiosk.speech.command import main as speak

        return speak(argv[1:])
    if command == "set-pin":
        from kiosk.admin import set_pin

        return set_pin(argv[1:])
    if command == "publish" or argv[1:2] == ["keygen"]:  # content: kiosk publish, kiosk fleet keygen
        from kiosk.fleet.command import fleet_main, publish_main

        return (publish_main if command == "publish" else fleet_main)(argv[1:])
    if command == "fleet" and argv[1:2] == ["stats"]:  # the zone's visitor analytics: needs no broker
        from kiosk.fleet.command import stats_main

        return stats_main(argv[2:])
    if command == "fleet":  # status and commands: kiosk fleet list|reload|screenshot|...
        return _fleet_command(argv[1:])
    if command in ("install-autostart", "uninstall-autostart"):
        from kiosk.autostart import autostart

        return autostart(command, argv[1:])
    return run(run_parser().parse_args(argv))


def _fleet_command(argv: list[str]) -> int:
    try:
        from kiosk.fleet.staff import main as fleet
    except ImportError as error:
        print(f"kiosk fleet needs the kiosk's fleet extra ({error}): pip install 'jining-kiosk[fleet]'",
              file=sys.stderr)
        return 2
    return fleet(argv)


def _settings(args, parser, loaded: LoadedConfig | None = None) -> tuple[LoadedConfig, DataStore, str]:
    """Configuration, data and language, each problem logged; bad data falls back to the last good."""
    loaded = loaded or load_config(args.config)
    for problem in loaded.problems:
        log.error("config %s", problem)
    if not loaded.found and not loaded.problems:
        log.info("no configuration file at %s yet: every setting uses its default ('kiosk set-pin' creates it)",
                 loaded.path)
    fleet_file = None if args.data else _fleet_data_file(loaded)
    operator_path = args.data or fleet_file or (Path(loaded.config.data_path) if loaded.config.data_path else None)
    store = DataStore(operator_path, made_by="the fleet's first download" if fleet_file else None)
    try:
        dataset = store.load_at_start().dataset
    except DatasetError as error:
        log.error("%s", error)
        raise SystemExit(1) from None
    if store.rejected is not None and getattr(args, "strict_data", False):
        raise SystemExit(1)  # a content check must never silently show other data
    language = args.lang or loaded.config.default_language
    if language not in dataset.languages:
        parser.error(f"language {language}: the dataset has {', '.join(dataset.languages)}")
    return loaded, store, language


def _fleet_data_file(loaded: LoadedConfig) -> Path | None:
    """The file a fleet keeps up to date ([fleet] set); it stands in for data_path."""
    fleet = loaded.config.fleet
    if fleet is None or not fleet.pulls_content:
        return None
    if fleet.public_key is None:
        log.error("config: [fleet] url is set without public_key, so nothing downloaded could be checked: "
                  "this kiosk pulls no content; add the public_key line 'kiosk fleet keygen' printed")
        return None
    from kiosk.datastore import default_state_dir
    from kiosk.fleet import FOLDER, content_file

    if loaded.config.data_path:
        log.warning("config: data_path is ignored while [fleet] is set: the content comes from %s",
                    loaded.config.fleet.url)
    return content_file(default_state_dir() / FOLDER)


def screenshot(args) -> int:
    setup_logging("WARNING", None)
    from kiosk.ui.overlay_registry import OVERLAYS

    # A content check must never silently show other data; the staff pages are where a
    # rejected file is explained, so they may be rendered with one.
    args.strict_data = args.overlay is None or not OVERLAYS[args.overlay].explains_data_problems
    loaded, store, language = _settings(args, screenshot_parser())
    # A picture of the content, whatever the time: no dark screen outside opening hours.
    loaded = dataclasses.replace(loaded, config=dataclasses.replace(loaded.config, display_hours=None, restart_at=None))
    from kiosk import harness

    kiosk = _build(["kiosk", "-platform", "offscreen"], store, language, loaded, kiosk_mode=False,
                   stretch=args.stretch_text, key_numbers=_Analytics(loaded.config).key_numbers(), data=args.data)
    kiosk.set_look(args.text_scale, args.high_contrast)
    tabs = harness.tab_ids(kiosk)
    if args.view is not None and args.view not in tabs:
        screenshot_parser().error(f"--view {args.view}: this dataset's tabs are {', '.join(tabs)}")
    image = harness.picture(kiosk, args.view or tabs[0], args.overlay, args.size)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(args.out)):
        raise OSError(f"could not write {args.out}")
    print(args.out)
    return 0


def run(args) -> int:
    if args.print_config:
        print(describe(load_config(args.config)))
        return 0
    loaded = load_config(args.config)  # read once; its problems are logged once logging is set up
    log_file = setup_logging(loaded.config.log_level, default_log_dir())
    catch_native_crashes(log_file.parent if log_file is not None else None)
    loaded, store, language = _settings(args, run_parser(), loaded)
    dataset = store.shown.dataset
    problem = platform_problem(os.environ, sys.argv)
    if problem:
        log.error("%s", problem)
        return 3
    install_excepthook()
    route_qt_messages(on_fatal=_explain_plugin_failure)
    from PySide6.QtWidgets import QApplication

    log.info("starting; log file %s; config %s", log_file or "(none)", loaded.path)
    analytics = _Analytics(loaded.config)
    # The running kiosk follows changes to its configuration file, except what the command line set.
    fixed = frozenset(name for name, given in (("default_language", args.lang), ("data_path", args.data)) if given)
    service = _service_notifier()
    kiosk = _build(sys.argv[:1], store, language, loaded, kiosk_mode=not args.windowed,
                   stretch=args.stretch_text, key_numbers=analytics.key_numbers(), watch_config=fixed,
                   data=args.data)
    window = kiosk.window
    if _fleet_data_file(loaded) is not None:  # a kiosk of its own loads nothing of the fleet
        from kiosk.ui import fleet

        window._fleet = fleet.start(loaded.config.fleet, window)
    # Analytics start once the first frame is up: start-up does not wait for SQLite, and no
    # visitor can touch a screen that shows nothing yet.
    # Started outside opening hours, the black layer is what is painted first: the window under
    # it is not painted at all.
    painted = [window] if kiosk.display is None else [window, kiosk.display.curtain]
    fleet = []  # the fleet link, once started
    _after_first_paint(painted, args.quit_after,
                       lambda: (_after_start(kiosk, analytics, language, service), fleet.extend(_fleet(kiosk))))
    if args.windowed:
        show_windowed(window, args.size)
    else:
        from kiosk.ui.lockdown import show_full_screen

        show_full_screen(window)
    log.info("showing %s in %s, %dx%d, %s", dataset.zone.short_name[language], language,
             window.width(), window.height(), "windowed" if args.windowed else "full screen")
    code = QApplication.instance().exec()
    if service is not None:
        service.stopping()  # before the analytics' last write, which may take a moment
    for link in fleet:
        link.stop()
    analytics.stop(code)
    log.info("stopped, exit code %d", code)
    from kiosk.restart import RESTART_EXIT_CODE, replace_process, supervised

    if code == RESTART_EXIT_CODE and not supervised():
        replace_process()
    return code


# Room a window manager's frame (title bar, borders) takes around a window, at most.
FRAME_ALLOWANCE = (16, 48)


def show_windowed(window, size: tuple[int, int]) -> None:
    """A normal window of `size`; maximised instead when it would not fit on the screen with
    the window manager's title bar (which would push the tab bar off the bottom)."""
    available = window.screen().availableGeometry()
    if size[0] > available.width() - FRAME_ALLOWANCE[0] or size[1] > available.height() - FRAME_ALLOWANCE[1]:
        log.info("a %dx%d window and its frame do not fit the %dx%d free on this screen: maximised instead",
                 *size, available.width(), available.height())
        window.showMaximized()
        return
    window.resize(*size)
    window.show()


def _service_notifier():
    """systemd's notify socket and watchdog (Type=notify units), or None when not run by one."""
    if not os.environ.get("NOTIFY_SOCKET"):
        return None
    from kiosk.ui.service import ServiceNotifier

    return ServiceNotifier.from_environment()


def _after_start(kiosk, analytics: _Analytics, language: str, service=None) -> None:
    """What the first frame does not need."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.app import set_icon

    if service is not None:
        service.ready(kiosk.status())  # start-up is complete: the screen shows the kiosk
        kiosk.status_changed.connect(service.status)
    _report_screen_blanking()
    kiosk.after_first_frame()
    set_icon(QApplication.instance())
    analytics.start(kiosk, language)


def _fleet(kiosk) -> list:
    """The link to the fleet's broker ([fleet] mqtt_host), started; none without it."""
    settings = kiosk.config.fleet
    if settings is None or settings.mqtt_host is None:
        return []
    try:
        from kiosk.ui.fleet_link import FleetLink

        link = FleetLink(kiosk, settings)
    except ImportError as error:
        log.error("fleet: [fleet] mqtt_host is set but %s; install the kiosk with its extra: pip install "
                  "'jining-kiosk[fleet]'", error)
        return []
    except OSError as error:
        log.error("fleet: cannot read the password file: %s; not reporting to the broker", error)
        return []
    link.start()
    return [link]


def _report_screen_blanking() -> None:
    """X11 settings that would blank the screen while the kiosk is open, with the fix."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() != "xcb":
        return
    from kiosk.display_power import find_screen_blanking

    for finding in find_screen_blanking():
        log.warning("screen blanking: %s; fix: %s (in the session's autostart, see resources/linux/README.md)",
                    finding.problem, finding.fix)


class _Analytics:
    """The anonymous visitor analytics (config: analytics, analytics_keep_days), if on."""

    def __init__(self, config):
        self.config = config
        self.writer = None
        self.visits = None
        self.upload = None

    def start(self, kiosk, language: str) -> None:
        if not self.config.analytics:
            log.info("visitor analytics off")
            return
        from kiosk.analytics import db
        from kiosk.analytics.visits import Visits
        from kiosk.analytics.writer import Writer

        self.writer = Writer(db.default_path(), self.config.analytics_keep_days)
        self.visits = Visits(self.writer.put, language, kiosk.window.tab_ids[0])
        kiosk.record(self.visits)
        self.writer.start()
        log.info("visitor analytics: %s", self.writer.path)
        fleet = self.config.fleet
        if fleet is not None and fleet.analytics_url is not None:  # the zone's report: closed days uploaded
            from kiosk.ui.fleet import start_analytics_upload

            self.upload = start_analytics_upload(fleet, self.writer.path, kiosk.window)

    def key_numbers(self):
        """What the staff panel reads: today's and this week's numbers, or None if analytics are off."""
        if not self.config.analytics:
            return None

        def read():
            import datetime

            from kiosk.analytics import db, stats

            if self.writer is not None:
                self.writer.flush(timeout=0.5)  # include this visit's records
            return stats.key_numbers(db.default_path(), datetime.date.today())

        return read

    def stop(self, code: int) -> None:
        if self.writer is not None:
            self.visits.end("exit")
            self.writer.stop(code)


def _build(qt_argv: list[str], store: DataStore, language: str, loaded: LoadedConfig, kiosk_mode: bool,
           stretch: float = 0.0, key_numbers=None, watch_config: frozenset[str] | None = None,
           data: Path | None = None):
    """The kiosk; with watch_config (the settings the command line fixed), it follows its
    configuration file while running."""
    from kiosk import harness
    from kiosk.ui.app import quit_on_signals

    quit_on_signals(harness.app(qt_argv))
    watched = {} if watch_config is None else {"config_path": loaded.path, "fixed": watch_config}
    return harness.build(language=language, config=loaded.config, kiosk_mode=kiosk_mode,
                         context={"stretch": stretch, "reduce_motion": loaded.config.reduce_motion}, store=store,
                         key_numbers=key_numbers, doctor=_doctor_command(loaded.path, data), **watched)


def _doctor_command(config_path: Path, data: Path | None):
    """What the staff panel's self-test checks: this kiosk's own configuration and data file."""
    from kiosk.doctor.invocation import DoctorCommand

    # The default file is the doctor's default too; named, a missing one would read as a mistake.
    config = ("--config", str(config_path)) if config_path != default_config_path() else ()
    return DoctorCommand((*config, *(("--data", str(data)) if data else ())))


def _after_first_paint(widgets: list, quit_after: float | None, then=None) -> None:
    """Run `then` once the first of `widgets` (the window first) has been painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    window = widgets[0]

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                for widget in widgets:
                    widget.removeEventFilter(self)
                QTimer.singleShot(0, self._painted)
            return False

        def _painted(self):
            # The wall-clock moment lets the benchmark measure from process launch.
            log.info("first frame painted %.0f ms after start (at %.4f)", (time.perf_counter() - _STARTED) * 1000,
                     time.time())
            if then is not None:
                then()
            if quit_after is not None:
                QTimer.singleShot(int(quit_after * 1000), lambda: QApplication.instance().exit(0))

    window._first_paint = FirstPaint(window)
    for widget in widgets:
        widget.installEventFilter(window._first_paint)


def _explain_plugin_failure(message: str) -> None:
    if "platform plugin" in message:
        print(PLUGIN_FAILED.format(detail=message.splitlines()[0]), file=sys.stderr)
        os._exit(3)
