"""The operator's configuration: a TOML file with typed defaults. Qt-free.

A broken file never stops the kiosk: every problem is reported, naming the key, and the
defaults are used instead.
"""

from __future__ import annotations

import dataclasses
import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

import platformdirs

from kiosk import APP_NAME
from kiosk.hours import parse_clock, parse_range
from kiosk.model.checks import Problem
from kiosk.model.rules import Rules
from kiosk.model.remember import remembered

CONFIG_VERSION = 1


class Parsed:
    """A text field that `parse` must accept; the ValueError it raises is the message shown."""

    def __init__(self, parse, description: str):
        self.parse = parse
        self.description = description

    def __get_pydantic_core_schema__(self, source, handler):
        from pydantic_core import PydanticCustomError, core_schema

        def check(text: str) -> str:
            try:
                self.parse(text)
            except ValueError as error:  # braces would be read as placeholders of the message
                raise PydanticCustomError("bad_time", str(error).replace("{", "(").replace("}", ")")) from None
            return text

        return core_schema.no_info_after_validator_function(check, handler(source))

    def __get_pydantic_json_schema__(self, core_schema, handler):
        return {**handler(core_schema), "description": self.description}


class OneOrMore:
    """A list field that also takes a single value: `monday = "09:00-17:00"` means one range."""

    def __get_pydantic_core_schema__(self, source, handler):
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(
            lambda value: (value,) if isinstance(value, str) else value, handler(source))


ClockTime = Annotated[str, Rules(strict=True), Parsed(parse_clock, 'A time of day, 24-hour clock: "03:30".')]
TimeRange = Annotated[str, Rules(strict=True), Parsed(parse_range, 'Opening time, 24-hour clock: "09:00-17:30".')]
OpeningTimes = Annotated[tuple[TimeRange, ...], OneOrMore(),
                         Rules("This weekday's opening times; left out or []: closed all day.")]


@dataclass(frozen=True, kw_only=True)
class DisplayHours:
    """When the screen is on ([display_hours]); outside these times it is switched off."""

    __pydantic_config__ = {"extra": "forbid"}

    monday: OpeningTimes = ()
    tuesday: OpeningTimes = ()
    wednesday: OpeningTimes = ()
    thursday: OpeningTimes = ()
    friday: OpeningTimes = ()
    saturday: OpeningTimes = ()
    sunday: OpeningTimes = ()
    holidays: Annotated[tuple[datetime.date, ...], Rules("Dates closed all day, e.g. 2026-10-01.")] = ()
    wake_minutes: Annotated[int, Rules("A touch while closed lights the screen until this many minutes after "
                                       "the last touch; 0: it stays off.", ge=0, le=240, strict=True)] = 5


@dataclass(frozen=True, kw_only=True)
class Config:
    """Every setting, with its default. Unknown keys and wrong types (even "90" for 90) are errors."""

    __pydantic_config__ = {"extra": "forbid"}

    config_version: Annotated[int, Rules(ge=1, le=CONFIG_VERSION, strict=True)] = CONFIG_VERSION
    idle_seconds: Annotated[int, Rules("Quiet time before the idle warning.", ge=10, le=3600, strict=True)] = 90
    warning_seconds: Annotated[int, Rules("Countdown of the idle warning (WCAG 2.2.1: >= 20).",
                                          ge=20, le=120, strict=True)] = 20
    attract_seconds: Annotated[int, Rules("How long each attract-loop slide stays.", ge=3, le=120, strict=True)] = 8
    default_language: Annotated[str, Rules(pattern=r"^[a-z]{2,3}$", strict=True)] = "en"
    pin_hash: Annotated[str | None, Rules("Set with 'kiosk set-pin'; never the PIN itself.", strict=True)] = None
    data_path: Annotated[str | None, Rules("Operator's dataset; the bundled one if unset.", strict=True)] = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    reduce_motion: Annotated[bool, Rules("No chart, slide or fade animations.", strict=True)] = False
    analytics: Annotated[bool, Rules("Record anonymous visitor analytics (see 'kiosk stats').", strict=True)] = True
    analytics_keep_days: Annotated[int, Rules("Analytics older than this are deleted.", ge=1, le=3650, strict=True)] = 400
    display_hours: Annotated[DisplayHours | None, Rules("Opening hours; unset: the screen is always on.")] = None
    restart_at: Annotated[ClockTime | None, Rules("A fresh start every night at this time, when nobody is "
                                                  "using the kiosk; unset: never.")] = None


SETTINGS = tuple(f.name for f in dataclasses.fields(Config))


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME))


@dataclass
class LoadedConfig:
    config: Config
    path: Path
    origins: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load_config(path: Path | None = None) -> LoadedConfig:
    path = path or default_config_path()
    defaults = LoadedConfig(Config(), path, {name: "default" for name in SETTINGS})
    if not path.exists():
        return defaults
    try:
        raw = path.read_bytes()
        values = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        defaults.problems.append(Problem(str(path), f"cannot be read, using defaults: {error}"))
        return defaults
    try:
        config = remembered("config", raw, lambda: _validate(values, path))
    except _Rejected as rejected:
        defaults.problems.extend(rejected.problems)
        return defaults
    origins = {name: (str(path) if name in values else "default") for name in SETTINGS}
    return LoadedConfig(config, path, origins)


class _Rejected(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems


def _validate(values: dict, path: Path) -> Config:
    from kiosk.model import validation

    try:
        return validation.validate(Config, values)
    except validation.ValidationError as error:
        raise _Rejected(_problems(error, path)) from None


def _problems(error, path: Path) -> list[Problem]:
    problems = []
    for item in error.errors():
        key = ".".join(str(p) for p in item["loc"])
        unknown = item["type"] in ("extra_forbidden", "unexpected_keyword_argument")
        message = "unknown setting" if unknown else item["msg"]
        problems.append(Problem(f"{path}: {key}", f"{message}; using the defaults"))
    return problems


def describe(loaded: LoadedConfig) -> str:
    """The effective configuration and where each value came from (kiosk --print-config)."""
    lines = [f"# configuration file: {loaded.path}"]
    lines += [f"# problem: {p}" for p in loaded.problems]
    for name in SETTINGS:
        value = getattr(loaded.config, name)
        shown = "(set)" if name == "pin_hash" and value else value
        lines.append(f"{name} = {shown!r:<40} # from {loaded.origins[name]}")
    return "\n".join(lines)


def set_value(path: Path, key: str, value) -> None:
    """Change one key in the file, keeping the operator's comments and other keys."""
    import tomlkit

    if key not in SETTINGS:
        raise KeyError(key)
    document = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
    if "config_version" not in document:
        document["config_version"] = CONFIG_VERSION
    document[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(tomlkit.dumps(document), encoding="utf-8")
    # Only the kiosk's own user may read it: the PIN hash is slow to test, not impossible.
    temporary.chmod(0o600)
    temporary.replace(path)  # atomic: a crash never leaves half a config file
