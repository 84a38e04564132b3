"""The bundled fonts: present, loadable, and covering every character the kiosk shows."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.doctor import messages as m
from kiosk.doctor.checks.data import choose
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, Finding, say
from kiosk.resources import bundled_root
from kiosk.theme import FONT_FILES, Theme

SHOWN_MISSING = 20  # characters listed in the message; the rest are counted


def check_fonts(env: Environment) -> list[Finding]:
    files = [_font_dir(env) / name for name in FONT_FILES]
    family = Theme().font_family
    absent = [path for path in files if not path.is_file()]
    if absent:
        return [Finding("fonts", PROBLEM, say(m.FONT_MISSING, files=", ".join(map(str, absent))),
                        say(m.FONT_MISSING_FIX))]
    choice = choose(env)
    # A dataset the kiosk cannot show (the data check says why) has no text to draw.
    data = None if choice.shown == "bundled" and choice.bundled_problems else choice.shown_path
    args = [arg for path in files for arg in ("--font", str(path))]
    ran = env.probe("fonts", *args, "--family", family, *(["--data", str(data)] if data else []))
    if not ran.ok:
        return [Finding("fonts", PROBLEM, say(m.FONT_PROBE_FAILED, detail=ran.why()), say(m.CHECK_FAILED_FIX))]
    answer = json.loads(ran.stdout)
    found = []
    for entry in answer["files"]:
        if family not in entry["families"]:
            found.append(Finding("fonts", PROBLEM, say(m.FONT_UNLOADABLE, file=entry["path"], family=family),
                                 say(m.FONT_MISSING_FIX)))
        elif entry["missing"]:
            missing = entry["missing"]
            shown = " ".join(missing[:SHOWN_MISSING]) + (" …" if len(missing) > SHOWN_MISSING else "")
            found.append(Finding("fonts", PROBLEM, say(m.FONT_GAPS, file=Path(entry["path"]).name, count=len(missing),
                                                       characters=shown), say(m.FONT_GAPS_FIX)))
    return found or [Finding("fonts", OK, say(m.FONTS_OK, family=family, count=len(files),
                                              characters=answer["characters"]))]


def _font_dir(env: Environment) -> Path:
    return env.font_dir if env.font_dir is not None else bundled_root() / "resources" / "fonts"
