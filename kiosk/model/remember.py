"""Validation results kept by the bytes they were made from, so a start-up skips the validator.

Checking a file with pydantic costs ~150 ms of start-up (importing it and building its schema),
and the file is almost always the one checked last time. So a successful check is kept in the
user's cache directory together with the file's bytes and the rules it was checked under (the
Python version and the source of every module that decides what is valid). The next start reads
it back (a few ms) only if both are exactly the same: byte for byte, not by a hash, so no two
files can ever be mistaken for each other. Failed checks are never kept: their problems are
reported every time. A missing, damaged or unwritable cache only means the file is checked again.

The result is kept as plain data (kiosk.model.plain), never as a pickle: a cache file someone
else wrote can at worst describe a wrong dataset, and can never run code when it is read.
"""

from __future__ import annotations

import logging
import os
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

import platformdirs

from kiosk import APP_NAME
from kiosk.model import plain

log = logging.getLogger(__name__)
T = TypeVar("T")
KEEP = 8  # results kept; each is a few tens of kB
# Everything that decides whether a file is valid and what it becomes (paths inside kiosk/).
_RULES = ("model/rules.py", "model/dataset.py", "model/checks.py", "model/loader.py", "model/validation.py",
          "model/media.py", "model/upgrade.py", "model/plain.py", "config.py",
          "hours.py")


def remembered(kind: str, raw: bytes, check: Callable[[], T], folder: Path | None = None) -> T:
    """check(), or the result it gave last time for exactly these bytes under the same rules."""
    folder = folder or default_folder()
    rules = _rules()
    if rules is None:
        return check()
    # The name only finds the candidate quickly; what counts is the exact comparison in _read.
    path = folder / f"{kind}-{zlib.crc32(raw):08x}-{len(raw)}.kept"
    found = _read(path, rules, raw)
    if found is not None:
        return found[0]
    result = check()  # raises for an invalid file: nothing is kept
    _write(path, rules, raw, result)
    return result


def default_folder() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME)) / "validated"


def _rules() -> bytes | None:
    """Everything a result depends on besides the file itself, or None if it cannot be read."""
    try:
        parts = [sys.version.encode(), _pydantic_version_file().read_bytes()]
        parts += [(_PACKAGE / name).read_bytes() for name in _RULES]
    except (OSError, TypeError, AttributeError) as error:  # e.g. a build without sources
        log.debug("validation results not remembered: %s", error)
        return None
    return b"\0".join(parts)


_PACKAGE = Path(__file__).resolve().parent.parent


def _pydantic_version_file() -> Path:
    # Found without importing pydantic, which is what this module saves.
    return Path(find_spec("pydantic").origin).with_name("version.py")


def _read(path: Path, rules: bytes, raw: bytes) -> tuple | None:
    """(result,) if `path` holds a result for exactly these bytes under exactly these rules."""
    try:
        kept_rules, kept_raw, encoded = _split(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        return _damaged(path, error)
    if (kept_rules, kept_raw) != (rules, raw):
        return None  # other rules, or another file with the same checksum: replaced after the check
    try:
        result = plain.decode(encoded)
    except ValueError as error:
        return _damaged(path, error)
    try:
        os.utime(path)  # most recently used: kept longest
    except OSError:
        pass
    return (result,)


def _damaged(path: Path, error: Exception) -> None:
    log.warning("ignoring a damaged validation result %s: %s", path, error)
    _remove(path)
    return None


_MAGIC = b"kiosk-validated-1\n"
_LENGTHS = struct.Struct("<QQ")


def _joined(rules: bytes, raw: bytes, result) -> bytes:
    """The file: a header, the lengths of the rules and the data file, both, then the result."""
    return _MAGIC + _LENGTHS.pack(len(rules), len(raw)) + rules + raw + plain.encode(result)


def _split(content: bytes) -> tuple[bytes, bytes, bytes]:
    if not content.startswith(_MAGIC):
        raise ValueError("not a validation result of this kiosk")
    start = len(_MAGIC) + _LENGTHS.size
    try:
        rules_length, raw_length = _LENGTHS.unpack_from(content, len(_MAGIC))
    except struct.error:
        raise ValueError("cut short") from None
    raw_start, end = start + rules_length, start + rules_length + raw_length
    if end > len(content):
        raise ValueError("cut short")
    return content[start:raw_start], content[raw_start:end], content[end:]


def _write(path: Path, rules: bytes, raw: bytes, result) -> None:
    try:
        content = _joined(rules, raw, result)
    except TypeError as error:  # a result plain data cannot hold: it is simply not kept
        log.info("validation result not remembered: %s", error)
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")  # mode 0600
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, path)  # atomic: a killed process leaves no half result
    except OSError as error:
        log.info("could not remember a validation result in %s: %s", path.parent, error)
        _remove(locals().get("temporary"))
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    results = sorted(folder.glob("*.kept"), key=_mtime, reverse=True)
    for stale in results[KEEP:]:
        _remove(stale)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _remove(path) -> None:
    if path:
        try:
            os.unlink(path)
        except OSError:
            pass
