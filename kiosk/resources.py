"""Find bundled files, from a checkout or from an installed wheel. Qt-free.

In a checkout (and an editable install) ``data/`` and ``resources/`` sit at the top of the
repository; a built wheel carries them as ``kiosk/_bundled/``. Nothing else in the code
knows where files live.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

BUNDLED_DATASET = "jining-hightech-zone.json"


class ResourceMissing(FileNotFoundError):
    """A bundled file is not where the package expects it: the installation is broken."""


@cache
def bundled_root() -> Path:
    installed = Path(str(files("kiosk"))) / "_bundled"
    checkout = Path(__file__).resolve().parent.parent
    for root in (installed, checkout):
        if (root / "data").is_dir() and (root / "resources").is_dir():
            return root
    raise ResourceMissing(f"bundled data/ and resources/ not found in {installed} or {checkout}")


def data_path(name: str = BUNDLED_DATASET) -> Path:
    return _existing(bundled_root() / "data", name)


def resource_path(*parts: str) -> Path:
    return _existing(bundled_root() / "resources", *parts)


def _existing(folder: Path, *parts: str) -> Path:
    path = folder.joinpath(*parts)
    if not path.exists():
        parent = path.parent
        valid = sorted(p.name for p in parent.iterdir()) if parent.is_dir() else []
        raise ResourceMissing(f"{path} does not exist; {parent} holds: {', '.join(valid) or 'nothing'}")
    return path
