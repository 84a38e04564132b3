"""What Qt sees, asked in a short-lived subprocess: ``python -m kiosk.doctor.probe screen|fonts``.

Qt aborts the process when it cannot open a display, and may wait for ever on a display server
that accepts the connection but never answers: run here, either is an exit code or a timeout
for the doctor to explain. Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def screens() -> dict:
    """Every screen Qt finds on the display the kiosk would use (the same environment)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    primary = app.primaryScreen()
    return {"platform": app.platformName(),
            "screens": [_screen(screen, screen == primary) for screen in app.screens()]}


def _screen(screen, primary: bool) -> dict:
    geometry = screen.geometry()
    size = screen.physicalSize()
    return {"name": screen.name(), "primary": primary, "width": geometry.width(), "height": geometry.height(),
            "logical_dpi": screen.logicalDotsPerInch(), "physical_dpi": screen.physicalDotsPerInch(),
            "width_mm": size.width(), "height_mm": size.height(), "pixel_ratio": screen.devicePixelRatio(),
            "refresh_hz": screen.refreshRate(), "orientation": screen.orientation().name}


def fonts(files: list[Path], family: str, data: Path | None) -> dict:
    """Which font files load, the families they give, and the characters of the shown text
    (the dataset's, and the interface's in every language) that a font lacks."""
    from PySide6.QtGui import QFontDatabase, QGuiApplication, QRawFont

    # The fonts do not depend on the display: the offscreen platform always works.
    app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])  # noqa: F841 (Qt needs it alive)
    text = shown_text(data)
    result = {"family": family, "files": [], "characters": len(set(text))}
    for path in files:
        entry = {"path": str(path), "exists": path.is_file(), "families": [], "missing": []}
        if entry["exists"]:
            font_id = QFontDatabase.addApplicationFont(str(path))
            entry["families"] = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            raw = QRawFont(str(path), 24)
            # PySide6's supportsCharacter(str) wrongly says no for many CJK characters (的, 网,
            # full-width punctuation): ask by code point.
            entry["missing"] = sorted(c for c in text if not raw.supportsCharacter(ord(c))) if raw.isValid() else []
        result["files"].append(entry)
    return result


def shown_text(data: Path | None) -> set[str]:
    """Every character the kiosk may draw: the dataset's texts and the interface text, in all languages."""
    from kiosk.model.loader import load_dataset
    from kiosk.resources import resource_path
    from kiosk.ui import strings
    from kiosk.ui.i18n import Translations

    characters: set[str] = set()
    if data is not None:
        for text in texts(load_dataset(data)):
            characters.update(text)
    translations = Translations([resource_path("i18n")])
    for language in translations.languages:
        for source in strings.interface_strings():
            characters.update(translations.text(language, source))
    return {c for c in characters if not c.isspace() and c.isprintable()}


def texts(node):
    """Every visible text of a dataset record, in every language."""
    from kiosk.model.dataset import all_texts

    for text in all_texts(node):
        yield from text.root.values()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.doctor.probe")
    parser.add_argument("what", choices=("screen", "fonts"))
    parser.add_argument("--font", type=Path, action="append", default=[])
    parser.add_argument("--family", default="")
    parser.add_argument("--data", type=Path)
    args = parser.parse_args(argv)
    result = screens() if args.what == "screen" else fonts(args.font, args.family, args.data)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
