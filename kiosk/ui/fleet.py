"""The running kiosk's hook for a fleet ([fleet] in the configuration): polls the published
bundle on its own thread and installs new content as the operator data file, which the live
reload (kiosk.ui.reload) then swaps in; uploads the closed days of visitor analytics, on another
thread. Stopped when the application quits."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject

from kiosk.config import Fleet
from kiosk.datastore import default_state_dir

log = logging.getLogger(__name__)


def _until_quit(owner: QObject, thread):
    """The thread started, and stopped when the application quits or its owner goes."""
    QCoreApplication.instance().aboutToQuit.connect(thread.stop)
    owner.destroyed.connect(thread.stop)
    thread.start()
    return thread


class FleetPolling(QObject):
    def __init__(self, settings: Fleet, parent: QObject | None = None, folder=None):
        super().__init__(parent)
        from kiosk.fleet import FOLDER, keys
        from kiosk.fleet.pull import PollingThread, Puller

        puller = Puller(settings.url, keys.public_key(settings.public_key), folder or default_state_dir() / FOLDER)
        self.thread = _until_quit(self, PollingThread(puller, settings.poll_seconds))
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


class AnalyticsUploading(QObject):
    """Uploads the closed days of visitor analytics ([fleet] analytics_url) on its own thread, at
    start and just after each midnight; stopped when the application quits."""

    def __init__(self, settings: Fleet, database, parent: QObject | None = None, folder=None):
        super().__init__(parent)
        from kiosk.fleet import FOLDER
        from kiosk.fleet.analytics_upload import UploadThread, uploader_for

        self.thread = _until_quit(self, UploadThread(uploader_for(settings, database,
                                                                  folder or default_state_dir() / FOLDER)))
        log.info("analytics: uploading closed days to %s", settings.analytics_url)


def start_analytics_upload(settings: Fleet, database, parent: QObject) -> AnalyticsUploading | None:
    """Uploading the analytics; a missing 'fleet' extra or a bad setting is logged, not fatal."""
    try:
        return AnalyticsUploading(settings, database, parent)
    except ImportError as error:
        log.error("analytics: [fleet] analytics_url is set but the optional 'fleet' extra is not installed (%s); "
                  "nothing is uploaded: pip install 'jining-kiosk[fleet]'", error.name)
    except Exception as error:  # noqa: BLE001 (e.g. a bad URL: the kiosk still runs)
        log.error("analytics: cannot upload to %s: %s", settings.analytics_url, error)
    return None
