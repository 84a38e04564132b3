"""Content for many kiosks: published once as a signed bundle, pulled and verified by each.

Only imported when the configuration has a [fleet] section or a fleet command runs; it needs the
optional extra ``fleet`` (``pip install '.[fleet]'``). Qt-free except kiosk.ui.fleet.
"""

from pathlib import Path

FOLDER = "fleet"  # in the kiosk's data directory (kiosk.datastore.default_state_dir)


def content_file(folder: Path) -> Path:
    """The data file a fleet kiosk shows (its pictures in media/ beside it): its operator file."""
    return folder / "content" / "data.json"
