"""The staff panel's self-test page: the display as Qt sees it, and the doctor's findings."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QWidget

from kiosk.doctor import messages
from kiosk.doctor.findings import OK, PROBLEM, WARNING, Finding, Message, by_severity, say
from kiosk.doctor.invocation import DoctorCommand
from kiosk.ui import strings
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr, localise
from kiosk.ui.overlays import Overlay
from kiosk.ui.widgets import AdaptiveRow, Button, FingerScrolled, Panel, label, vbox

STATUS_TEXT = {OK: strings.STATUS_OK, WARNING: strings.STATUS_WARNING, PROBLEM: strings.STATUS_PROBLEM}
ORIENTATIONS = {"LandscapeOrientation": messages.LANDSCAPE, "PortraitOrientation": messages.PORTRAIT,
                "InvertedLandscapeOrientation": messages.INVERTED_LANDSCAPE,
                "InvertedPortraitOrientation": messages.INVERTED_PORTRAIT}


class Checks(QObject):
    """One run of the doctor; ``done`` once its findings (or why there are none) are known."""

    done = Signal()
    TIMEOUT_MS = 120_000  # longer than every check's own time limits together

    def __init__(self, command: DoctorCommand, parent: QObject):
        super().__init__(parent)
        self.findings: list[Finding] | None = None
        self.process = QProcess(self)
        if command.environ is not None:
            environment = QProcessEnvironment()
            for name, value in command.environ.items():
                environment.insert(name, value)
            self.process.setProcessEnvironment(environment)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._failed)
        QTimer.singleShot(self.TIMEOUT_MS, self, self._too_slow)
        argv = command.argv()
        self.process.start(argv[0], argv[1:])

    def running(self) -> bool:
        return self.findings is None

    def stop(self) -> None:
        """End the doctor now (the page closed, the kiosk quits); its findings are not wanted."""
        self.process.blockSignals(True)
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()
            self.process.waitForFinished(2000)

    def wait(self, seconds: float) -> bool:
        """Block until the findings are in (screenshots and tests only: the kiosk never waits)."""
        if self.running():
            self.process.waitForFinished(int(seconds * 1000))  # emits finished: the findings are set
        return not self.running()

    def _finished(self, code: int, status) -> None:
        output = bytes(self.process.readAllStandardOutput()).decode("utf-8", "replace")
        try:
            self._set([Finding.from_parts(parts) for parts in json.loads(output)])
        except (ValueError, KeyError, TypeError):
            errors = bytes(self.process.readAllStandardError()).decode("utf-8", "replace").strip().splitlines()
            self._set([_failure(errors[-1] if errors else f"exit code {code}")])

    def _failed(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._set([_failure(self.process.errorString())])

    def _too_slow(self) -> None:
        if self.running():
            self.stop()
            self._set([_failure(f"no answer in {self.TIMEOUT_MS // 1000} s")])

    def _set(self, findings: list[Finding]) -> None:
        if self.findings is None:
            self.findings = findings
            self.done.emit()


def _failure(why: str) -> Finding:
    return Finding("self-test", PROBLEM, say(messages.CHECK_FAILED, check="kiosk doctor", error=why),
                   say(messages.CHECK_FAILED_FIX))


class SelfTestPage(Overlay):
    """Display details and every check's finding with its fix; checks run each time it opens."""

    back_requested = Signal()
    touch_test_requested = Signal()

    def __init__(self, parent: QWidget, ctx: ViewContext, doctor: DoctorCommand):
        super().__init__(parent, "Overlay", with_card=False)
        self.ctx = ctx
        self.doctor = doctor
        self.checks: Checks | None = None
        self.findings_shown: list[Finding] = []
        self.card = Panel()
        self.card.setObjectName("self-test")
        outer = vbox(self, margin=32)
        outer.addWidget(self.card)
        self.card.add(label(ctx.ui(strings.SELF_TEST), "headline"))
        self.display = label("", "label")
        self.display.setObjectName("display-details")
        self.summary = label("", "label-strong")
        self.summary.setObjectName("checks-summary")
        self.list = FingerScrolled()
        self.list.setObjectName("findings")
        self.list.viewport().setObjectName("findings-viewport")
        self.card.add(_Columns(self._column(strings.DISPLAY_HEADING, self.display),
                               self._column(strings.CHECKS_HEADING, self.summary, self.list)), 1)
        self.card.body.addLayout(self._buttons())

    def _column(self, heading: str, *widgets: QWidget) -> QWidget:
        host = QWidget()
        layout = vbox(host, spacing=10)
        layout.addWidget(label(self.ctx.ui(heading), "heading"))
        for widget in widgets:
            layout.addWidget(widget, 1 if isinstance(widget, QScrollArea) else 0)
        if not any(isinstance(w, QScrollArea) for w in widgets):
            layout.addStretch(1)
        return host

    def _buttons(self) -> QHBoxLayout:
        ui = self.ctx.ui
        row = QHBoxLayout()
        row.setSpacing(16)
        self.touch_button = Button(ui(strings.TOUCH_TEST), "primary", ui(strings.TOUCH_TEST_DESCRIPTION))
        self.touch_button.clicked.connect(self.touch_test_requested)
        self.again_button = Button(ui(strings.CHECK_AGAIN), "secondary", ui(strings.CHECK_AGAIN_DESCRIPTION))
        self.again_button.clicked.connect(self.start_checks)
        self.back_button = Button(ui(strings.BACK), "secondary", ui(strings.BACK_DESCRIPTION))
        self.back_button.clicked.connect(self._back)
        for button in (self.touch_button, self.again_button, self.back_button):
            row.addWidget(button)
        return row

    def _place_card(self) -> None:
        """The page fills the screen in both orientations; its buttons are at the bottom."""

    def open(self) -> None:
        self.display.set_text(self._describe_display())
        super().open()
        self.start_checks()

    def _back(self) -> None:
        self.hide()
        self.back_requested.emit()

    def hide(self) -> None:
        """Closed (Back, an idle reset): checks still running are stopped; opening runs them again."""
        self.stop_checks()
        super().hide()

    def stop_checks(self) -> None:
        checks = getattr(self, "checks", None)  # Overlay hides itself while it is being built
        if checks is not None and checks.running():
            checks.stop()
            checks.deleteLater()
            self.checks = None

    # ---- the checks ----------------------------------------------------------------------

    def start_checks(self) -> None:
        """Run the checks in another process; show 'Checking…' until they are done."""
        if self.checks is not None and self.checks.running():
            return  # still running: the same results are coming
        self.again_button.setEnabled(False)
        self.summary.set_text(self.ctx.ui(strings.CHECKING))
        self._show_findings([])
        if self.checks is not None:
            self.checks.deleteLater()
        checks = self.checks = Checks(self.doctor, self)
        checks.done.connect(lambda: self._show_result(checks))

    def _show_result(self, checks: Checks) -> None:
        if checks is not self.checks:
            return  # an earlier run, stopped
        findings = checks.findings
        problems = sum(f.status == PROBLEM for f in findings)
        warnings = sum(f.status == WARNING for f in findings)
        self.summary.set_text(self.ctx.ui(strings.CHECKS_SUMMARY, problems=problems, warnings=warnings)
                              if problems or warnings else self.ctx.ui(strings.CHECKS_FINE))
        self._show_findings(by_severity(findings))
        self.again_button.setEnabled(True)

    def wait_for_checks(self, seconds: float) -> bool:
        """Block until the findings are shown (screenshots and tests; the kiosk never waits)."""
        return self.checks is not None and self.checks.wait(seconds)

    def _show_findings(self, findings: list[Finding]) -> None:
        content = QWidget()
        content.setObjectName("findings-list")
        layout = vbox(content, spacing=6)
        for finding in findings:
            layout.addWidget(self._finding(finding))
        layout.addStretch(1)
        old = self.list.takeWidget()
        self.list.setWidget(content)
        if old is not None:
            old.deleteLater()
        self.findings_shown = findings

    def _finding(self, finding: Finding) -> QWidget:
        ui = self.ctx.ui
        box = QWidget()
        box.setObjectName(f"finding-{finding.status}")
        layout = vbox(box, spacing=2)
        title = messages.TITLES.get(finding.id)
        layout.addWidget(label(ui(strings.FINDING_TITLE, status=ui(STATUS_TEXT[finding.status]),
                                  check=ui(title) if title else finding.id), "label-strong"))
        layout.addWidget(label(self.translated(finding.message)))
        if str(finding.fix):
            layout.addWidget(label(ui(strings.FINDING_FIX, fix=self.translated(finding.fix)), "muted"))
        layout.setContentsMargins(0, 0, 0, 12)
        return box

    def translated(self, text: Message | str) -> Tr | str:
        """A finding's message in the kiosk's language (plain strings, e.g. a tool's output, as they are)."""
        if not isinstance(text, Message):
            return text
        translations = self.ctx.translations
        return lambda language: translations.said(language, text)

    # ---- the display -----------------------------------------------------------------------

    def _describe_display(self) -> Tr:
        """The screen the kiosk's window is on, as Qt reports it."""
        ui = self.ctx.ui
        screen = self.window().screen()
        size, ratio = screen.geometry().size(), screen.devicePixelRatio()
        physical = screen.physicalSize()
        orientation = ORIENTATIONS.get(screen.orientation().name, messages.UNKNOWN)
        lines = [ui(strings.DISPLAY_NAME, name=screen.name() or "-"),
                 ui(strings.DISPLAY_SIZE, width=size.width(), height=size.height(),
                    device_width=round(size.width() * ratio), device_height=round(size.height() * ratio)),
                 ui(strings.DISPLAY_DPI, dpi=f"{screen.logicalDotsPerInch():.0f}"),
                 ui(strings.DISPLAY_PHYSICAL, width=f"{physical.width():.0f}", height=f"{physical.height():.0f}"),
                 ui(strings.DISPLAY_RATIO, ratio=f"{ratio:g}"),
                 ui(strings.DISPLAY_ORIENTATION, orientation=ui(orientation)),
                 ui(strings.DISPLAY_REFRESH, hz=f"{screen.refreshRate():.0f}"),
                 ui(strings.DISPLAY_PLATFORM, platform=QGuiApplication.platformName())]
        return lambda language: "\n".join(localise(line, language) for line in lines)


class _Columns(AdaptiveRow):
    """Display details beside the findings in landscape; above them in portrait, where the
    findings take all the height the details leave."""

    def __init__(self, details: QWidget, findings: QWidget):
        super().__init__([(details, 2), (findings, 3)])

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.box.setStretch(0, 0 if self.box.direction() == self.box.Direction.TopToBottom else 2)
