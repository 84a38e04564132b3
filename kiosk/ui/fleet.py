"""The running kiosk's hook for a fleet ([fleet] in the configuration): polls the published
bundle on its own thread and installs new content as the operator data file, which the live
reload (kiosk.ui.reload) then swaps in. Stopped when the application quits."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject

from kiosk.config import Fleet
from kiosk.datastore import default_state_dir

log = logging.getLogger(__name__)


class FleetPolling(QObject):
    def __init__(self, settings: Fleet, parent: QObject | None = None, folder=None):
        super().__init__(parent)
        from kiosk.fleet import FOLDER, keys
        from kiosk.fleet.pull import PollingThread, Puller

        puller = Puller(settings.url, keys.public_key(settings.public_key), folder or default_state_dir() / FOLDER)
        self.thread = PollingThread(puller, settings.poll_seconds)
        QCoreApplication.instance().aboutToQuit.connect(self.thread.stop)
        self.destroyed.connect(self.thread.stop)
        self.thread.start()
        log.info("fleet: polling %s every %d s", settings.url, settings.poll_seconds)


def start(settings: Fleet, parent: QObject) -> FleetPolling | None:
    """Polling the fleet's store; a missing 'fleet' extra is logged, not fatal."""
    try:
        return FleetPolling(settings, parent)
    except ImportError as error:
        log.error("fleet: [fleet] is configured but the optional 'fleet' extra is not installed (%s); "
                  "showing the content on screen without updates: pip install 'jining-kiosk[fleet]'", error.name)
    except Exception as error:  # noqa: BLE001 (e.g. a bad public key: the kiosk still runs)
        log.error("fleet: cannot poll %s: %s", settings.url, error)
    return None
