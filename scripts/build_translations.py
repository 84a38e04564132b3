"""Update the interface translations and compile them, reproducibly.

    .venv/bin/python scripts/build_translations.py            # update .ts from the code, build .qm
    .venv/bin/python scripts/build_translations.py --check    # exit 1 if anything is out of date

pyside6-lupdate collects every QT_TRANSLATE_NOOP string in kiosk/ into each
resources/i18n/kiosk_<language>.ts (translators fill in new entries there); pyside6-lrelease
compiles each .ts into the .qm the kiosk loads. Adding a language means adding its .ts file
(copy an existing one, set its language attribute, translate) and running this script.
The model's field descriptions (the content editor's help) are first written out as
kiosk/editor/field_notes.py, so that lupdate finds them too.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def tool(name: str) -> str:
    """The PySide6 wrapper next to this interpreter (a venv need not be activated)."""
    local = Path(sysconfig.get_path("scripts")) / name
    return str(local) if local.exists() else name


def update_ts(ts: Path, sources: Path = ROOT / "kiosk") -> None:
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-no-obsolete",
                    "-locations", "none", str(sources), "-ts", str(ts)], check=True)


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
                   check=True)


FIELD_NOTES = ROOT / "kiosk" / "editor" / "field_notes.py"


def field_notes() -> str:
    """The model's field descriptions as a module pyside6-lupdate reads: the editor's help text
    comes from the model, not from QT_TRANSLATE_NOOP calls lupdate could find there."""
    sys.path.insert(0, str(ROOT))
    from kiosk.editor.fields import descriptions

    lines = "".join(f"    QT_TRANSLATE_NOOP(\"Kiosk\", {json.dumps(text, ensure_ascii=False)}),\n"
                    for text in descriptions())
    return ('"""The model\'s field descriptions (kiosk.model.dataset), marked for translation: the content\n'
            'editor shows them as help in its own language. Written by scripts/build_translations.py from\n'
            'kiosk.editor.fields.descriptions(); do not edit."""\n\n'
            "from PySide6.QtCore import QT_TRANSLATE_NOOP\n\n"
            f"NOTES = (\n{lines})\n")


def build(directory: Path) -> None:
    FIELD_NOTES.write_text(field_notes(), encoding="utf-8")
    for ts in sorted(directory.glob("kiosk_*.ts")):
        update_ts(ts)
        compile_qm(ts, ts.with_suffix(".qm"))


def out_of_date() -> list[str]:
    """Files that building in a scratch copy would change."""
    if not FIELD_NOTES.exists() or FIELD_NOTES.read_text(encoding="utf-8") != field_notes():
        return [str(FIELD_NOTES.relative_to(ROOT))]  # the .ts files are read from it: build first
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "i18n"
        shutil.copytree(I18N, copy)
        build(copy)
        return ["resources/i18n/" + path.name for path in sorted(copy.iterdir())
                if not (I18N / path.name).exists() or (I18N / path.name).read_bytes() != path.read_bytes()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report files that are out of date")
    if parser.parse_args().check:
        stale = out_of_date()
        for name in stale:
            print(f"out of date: {name} (run scripts/build_translations.py)")
        return 1 if stale else 0
    build(I18N)
    return 0


if __name__ == "__main__":
    sys.exit(main())
