"""Many kiosks from one place. Content published once as a signed bundle, pulled and verified by
each (bundle, keys, publish, pull); status reported to an MQTT broker and staff's commands taken
(status, topics, broker), listed and sent with `kiosk fleet` (staff).

Only imported when the configuration's [fleet] section sets url or mqtt_host, or a fleet command
runs; it needs the optional extra ``fleet`` (``pip install '.[fleet]'``). Qt-free (the Qt glue is
kiosk.ui.fleet and kiosk.ui.fleet_link).
"""

from pathlib import Path

FOLDER = "fleet"  # in the kiosk's data directory (kiosk.datastore.default_state_dir)


def content_file(folder: Path) -> Path:
    """The data file a fleet kiosk shows (its pictures in media/ beside it): its operator file."""
    return folder / "content" / "data.json"
