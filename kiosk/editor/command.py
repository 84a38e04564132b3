"""``kiosk edit [FILE]``: open the content editor on a data file (by default the one the kiosk
shows: data_path in the configuration, else the bundled dataset)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.config import default_config_path, load_config


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk edit", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", nargs="?", type=Path, help="the data file to edit (default: the one the kiosk shows)")
    p.add_argument("--config", type=Path, help=f"configuration file (default {default_config_path()})")
    p.add_argument("--lang", help="the editor's language, e.g. en or zh (default: as last time, else the system's)")
    return p


def data_file(args) -> Path:
    """The file named, else the one the kiosk shows by default."""
    if args.file is not None:
        return args.file
    configured = load_config(args.config).config.data_path
    if configured:
        return Path(configured)
    from kiosk.resources import data_path

    return data_path()


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    path = data_file(args)
    from kiosk.editor.app import create_editor

    app, window = create_editor(sys.argv[:1], path, args.lang)
    window.show()
    return app.exec()
