"""Rebuild resources/fonts/ from Debian's fonts-noto-cjk, reproducibly.

    apt-get install fonts-noto-cjk
    .venv/bin/pip install -e '.[fonts]'
    .venv/bin/python scripts/build_fonts.py

Keeps Noto Sans CJK SC's glyphs for GB 2312 (all 6,763 hanzi and its symbols), Latin,
punctuation and every character of the bundled dataset, in Regular and Bold. The subset is
a Modified Version under the SIL OFL 1.1 and is renamed "Kiosk Sans SC" so it is never
mistaken for the full font (the licence declares no Reserved Font Name).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
OUT_DIR = ROOT / "resources" / "fonts"
FAMILY = "Kiosk Sans SC"
SC_INDEX_NAME = "Noto Sans CJK SC"
STYLES = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}

EXTRA_RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1 and Latin Extended-A
    (0x2000, 0x206F),  # general punctuation
    (0x2150, 0x218F),  # number forms
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (≈, ≥, ×)
    (0x2460, 0x24FF),  # enclosed alphanumerics (ⓘ)
    (0x25A0, 0x25FF),  # geometric shapes
    (0x3000, 0x303F),  # CJK punctuation
    (0xFF00, 0xFFEF),  # full-width forms
)


def gb2312_characters() -> set[str]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def dataset_characters() -> set[str]:
    text = (ROOT / "data" / "jining-hightech-zone.json").read_text(encoding="utf-8")
    return set(json.dumps(json.loads(text), ensure_ascii=False))


def wanted_codepoints() -> list[int]:
    chars = gb2312_characters() | dataset_characters()
    points = {ord(c) for c in chars}
    for first, last in EXTRA_RANGES:
        points.update(range(first, last + 1))
    return sorted(points)


def subset_style(style: str, ttc_name: str, codepoints: list[int]) -> Path:
    collection = TTCollection(str(SOURCE_DIR / ttc_name), recalcTimestamp=False, lazy=False)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == SC_INDEX_NAME)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    _rename(font, style)
    out = OUT_DIR / f"KioskSansSC-{style}.otf"
    font.save(str(out))
    return out


def _rename(font, style: str) -> None:
    ps_name = f"{FAMILY.replace(' ', '')}-{style}"
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName(style, 2, 3, 1, 0x409)
    names.setName(f"{ps_name};subset of Noto Sans CJK SC", 3, 3, 1, 0x409)
    names.setName(f"{FAMILY} {style}", 4, 3, 1, 0x409)
    names.setName(ps_name, 6, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    top.FamilyName, top.FullName = FAMILY, f"{FAMILY} {style}"


def main() -> int:
    if not SOURCE_DIR.is_dir():
        print(f"{SOURCE_DIR} not found: run 'apt-get install fonts-noto-cjk' first", file=sys.stderr)
        return 1
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    codepoints = wanted_codepoints()
    for style, ttc_name in STYLES.items():
        out = subset_style(style, ttc_name, codepoints)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size:,} bytes, sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
