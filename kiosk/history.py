"""``kiosk history [FILE] [--restore N] [--json]``: the kept versions of a data file, and going
back to one. Qt-free.

Lists the versions newest first: number, time saved, and what changed for visitors against the
version before. ``--restore N`` makes version N the file again, saved as a new version (so a
restore can be undone with another). FILE defaults to the data file the kiosk shows (data_path
in the configuration). A restore on that file publishes it: a running kiosk shows it within
seconds, as after any save.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from kiosk.content_history import KEEP, ContentHistory, HistoryError, Version
from kiosk.model.loader import DatasetError

EXIT_OK, EXIT_FAILED, EXIT_BAD_ARGUMENT = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk history", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, nargs="?", metavar="FILE",
                   help="the data file (default: data_path in the configuration)")
    p.add_argument("--restore", type=int, metavar="N", help="make version N the file again")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--config", type=Path, help="configuration file naming the data file (default: the kiosk's)")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    path = args.path or _configured_data_file(args.config)
    if path is None:
        return EXIT_BAD_ARGUMENT
    history = ContentHistory(path)
    try:
        if args.restore is not None:
            return _restore(history, args.restore, args.json)
        return _list(history, args.json)
    except HistoryError as error:
        return _fail(str(error), args.json, EXIT_FAILED)


def _configured_data_file(config_path: Path | None) -> Path | None:
    from kiosk.config import load_config

    loaded = load_config(config_path)
    if loaded.config.data_path:
        return Path(loaded.config.data_path)
    print(f"kiosk history: no data file is set (data_path in {loaded.path}), so the kiosk shows the bundled "
          "dataset, which is not edited in place; name a FILE", file=sys.stderr)
    return None


def _list(history: ContentHistory, as_json: bool) -> int:
    versions = list(reversed(history.versions()))
    if not versions and not history.data_file.exists():
        return _fail(f"{history.data_file} does not exist", as_json, EXIT_FAILED)
    current = history.current_version()
    if as_json:
        print(json.dumps({"file": str(history.data_file), "history": str(history.folder),
                          "current": current.number if current else None,
                          "versions": [v.as_dict() for v in versions]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not versions:
        print(f"{history.data_file} has no history yet: versions are kept from its first save "
              "('kiosk edit' or a restore here).")
        return EXIT_OK
    print(f"{history.data_file}: {len(versions)} version(s), newest first (the last {KEEP} are kept)")
    for version in versions:
        mark = "  (the file now)" if version == current else ""
        print(f"{version.number:>5}  {_local_time(version)}  {version.summary}{mark}")
    if current is None:
        print("The file has changed since the newest version; the next save keeps it as a version first.")
    print("Go back to one with: kiosk history --restore N")
    return EXIT_OK


def _restore(history: ContentHistory, number: int, as_json: bool) -> int:
    try:
        wanted = history.version(number)
    except HistoryError as error:
        return _fail(str(error), as_json, EXIT_BAD_ARGUMENT)
    current = history.current_version()
    if current is not None and current.sha256 == wanted.sha256:
        message = f"{history.data_file} already is version {number}; nothing changed"
        print(json.dumps({"file": str(history.data_file), "restored": None, "message": message}) if as_json
              else message)
        return EXIT_OK
    try:
        version = history.restore(number)
    except DatasetError as error:
        return _fail(f"version {number} is not restored: the kiosk would not show it now", as_json, EXIT_FAILED,
                     [str(problem) for problem in error.problems])
    except OSError as error:
        return _fail(f"version {number} is not restored, the file is as it was: {error.strerror or error}",
                     as_json, EXIT_FAILED)
    if as_json:
        print(json.dumps({"file": str(history.data_file), "restored": number, "version": version.as_dict()},
                         ensure_ascii=False, indent=2))
    else:
        print(f"Restored version {number} of {history.data_file} as version {version.number}: "
              f"{version.summary.split(': ', 1)[-1]}.\nA kiosk showing this file shows it within seconds; "
              f"undo with: kiosk history --restore {version.number - 1}")
    return EXIT_OK


def _fail(message: str, as_json: bool, code: int, problems: list[str] | None = None) -> int:
    if as_json:
        print(json.dumps({"error": message, "problems": problems or []}, ensure_ascii=False, indent=2))
    else:
        print(f"kiosk history: {message}", file=sys.stderr)
        for problem in problems or []:
            print(f"  {problem}", file=sys.stderr)
    return code


def _local_time(version: Version) -> str:
    saved = datetime.datetime.fromisoformat(version.saved_at).astimezone()
    return saved.strftime("%Y-%m-%d %H:%M:%S")
