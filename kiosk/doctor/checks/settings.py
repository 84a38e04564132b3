"""The configuration file and the staff PIN it holds."""

from __future__ import annotations

import tomllib

from kiosk.doctor import messages as m
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, Finding, say


def check_config(env: Environment) -> list[Finding]:
    loaded = env.loaded
    if loaded.problems:
        # Each problem costs its own setting, which falls back to its default.
        return [Finding("config", PROBLEM, say(m.CONFIG_PROBLEM, problem=problem),
                        say(m.CONFIG_PROBLEM_FIX, path=loaded.path, kiosk=env.kiosk_command(),
                            option=env.config_option()))
                for problem in loaded.problems]
    if not loaded.path.exists():
        return [Finding("config", OK, say(m.CONFIG_ABSENT, path=loaded.path))]
    return [Finding("config", OK, say(m.CONFIG_OK, path=loaded.path))]


def check_pin(env: Environment) -> Finding:
    loaded = env.loaded
    fix = say(m.SET_PIN_FIX, kiosk=env.kiosk_command(), option=env.config_option())
    stored = loaded.config.pin_hash
    if stored:
        if _looks_like_scrypt(stored):
            return Finding("pin", OK, say(m.PIN_OK))
        return Finding("pin", PROBLEM, say(m.PIN_MALFORMED, path=loaded.path), fix)
    if any(problem.path.endswith(": pin_hash") for problem in loaded.problems) and _mentions_pin(loaded.path):
        return Finding("pin", PROBLEM, say(m.PIN_IGNORED, path=loaded.path),
                       say(m.CONFIG_PROBLEM_FIX, path=loaded.path, kiosk=env.kiosk_command(), option=env.config_option()))
    return Finding("pin", PROBLEM, say(m.NO_PIN), fix)


def _looks_like_scrypt(stored: str) -> bool:
    """The form kiosk.pin.hash_pin writes: scrypt$N$r$p$salt$digest."""
    parts = stored.split("$")
    return len(parts) == 6 and parts[0] == "scrypt" and all(p.isdigit() for p in parts[1:4]) and all(parts[4:])


def _mentions_pin(path) -> bool:
    """Whether the file sets pin_hash (read as text when it is not valid TOML)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return "pin_hash" in tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return any(line.strip().startswith("pin_hash") for line in text.splitlines())
