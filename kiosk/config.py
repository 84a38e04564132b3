"""The operator's configuration: a TOML file with typed defaults. Qt-free.

A broken file never stops the kiosk, and a bad setting costs only that setting: each problem
is reported with the setting's name (or the line that could not be read), what is wrong and
the default used instead, and every other setting in the file still applies. The staff PIN
in particular survives a typo elsewhere in the file.

The check of a file (reading, then validating each setting) is remembered by its exact bytes
(kiosk.model.remember), together with its problems: they are reported at every start, but the
validator is loaded only for a file it has not seen.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
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
from kiosk.speech.voices import DEFAULT_OUTPUT, DEFAULT_VOLUME

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


# Constraints go on the value's own type: on "X | None" as a whole pydantic would not apply them.
TopicLevel = Annotated[str, Rules(pattern=r"^[A-Za-z0-9_.-]+$", strict=True)]  # no "/", "+" or "#"
Port = Annotated[int, Rules(ge=1, le=65535, strict=True)]
Text = Annotated[str, Rules(min_length=1, strict=True)]
TabId = Annotated[str, Rules(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", strict=True)]  # as the data's ids
Url = Annotated[str, Rules(pattern=r"^https?://\S+$", strict=True)]
S3Url = Annotated[str, Rules(pattern=r"^s3://[^/\s]+(/\S*)?$", strict=True)]
PublicKey = Annotated[str, Rules(pattern=r"^RW[A-Za-z0-9+/]{54}$", strict=True)]


@dataclass(frozen=True, kw_only=True)
class Fleet:
    """Many kiosks from one place ([fleet]; see the README's Fleet sections): content pulled from
    a store where url is set, status and staff's commands over MQTT where mqtt_host is set.
    Absent (or with neither), nothing of the fleet is imported."""

    __pydantic_config__ = {"extra": "forbid"}

    mqtt_host: Annotated[Text | None, Rules("The MQTT broker's host name; unset: no status is reported and "
                                            "no command is taken.")] = None
    mqtt_port: Annotated[Port | None, Rules("The broker's port; unset: 8883 with mqtt_tls_ca, else 1883.")] = None
    mqtt_tls_ca: Annotated[Text | None, Rules("CA certificate file (PEM) of the broker; set: TLS.")] = None
    mqtt_tls_cert: Annotated[Text | None, Rules("This kiosk's client certificate (PEM), if the broker asks.")] = None
    mqtt_tls_key: Annotated[Text | None, Rules("The key of mqtt_tls_cert (PEM).")] = None
    mqtt_username: Annotated[Text | None, Rules("This kiosk's user name at the broker (its ACL allows it "
                                                "only its own topics).")] = None
    mqtt_password_file: Annotated[Text | None, Rules("A file holding the password (kept out of this file).")] = None
    site: Annotated[TopicLevel, Rules("Where the kiosk stands, a topic level: kiosks/<site>/<kiosk_id>/...")] = \
        "default"
    kiosk_id: Annotated[TopicLevel | None, Rules("This kiosk's name in the fleet; unset: the host name.")] = None
    status_seconds: Annotated[int, Rules("A status every this many seconds, besides one at each change.",
                                         ge=10, le=3600, strict=True)] = 300
    # Content pulled from the store (kiosk.fleet.pull): only where url is set, with public_key.
    url: Annotated[Url | None, Rules("Where the published bundle is read, e.g. "
                                     "\"https://s3.example.com/bucket/prefix\" (the folder of manifest.json); "
                                     "unset: the kiosk shows its own data file.")] = None
    public_key: Annotated[PublicKey | None, Rules("The fleet's public key: the second line of the .pub file "
                                                  "'kiosk fleet keygen' wrote; needed with url.")] = None
    poll_seconds: Annotated[int, Rules("How often to ask whether new content is published (one small "
                                       "request when nothing is).", ge=10, le=86400, strict=True)] = 300
    # Visitor analytics uploaded (kiosk.fleet.analytics_upload): only where analytics_url is set.
    analytics_url: Annotated[S3Url | None, Rules("Where this kiosk uploads its closed days of visitor analytics, "
                                                 "\"s3://bucket/prefix\" (credentials as boto3 finds them: "
                                                 "AWS_ACCESS_KEY_ID... or a profile); unset: none are uploaded.")] = None
    analytics_endpoint: Annotated[Url | None, Rules("The address of analytics_url's S3-compatible store; unset: "
                                                    "Amazon S3.")] = None

    @property
    def pulls_content(self) -> bool:
        return self.url is not None


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
    tabs: Annotated[Annotated[tuple[TabId, ...], Rules(min_length=1)] | None,
                    Rules("The data's tabs this kiosk shows, by id, in this order (a site's own choice); unset: "
                          "every tab, in the data file's order.")] = None
    pin_hash: Annotated[str | None, Rules("Set with 'kiosk set-pin'; never the PIN itself.", strict=True)] = None
    data_path: Annotated[str | None, Rules("Operator's dataset; the bundled one if unset.", strict=True)] = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    reduce_motion: Annotated[bool, Rules("No chart, slide or fade animations.", strict=True)] = False
    analytics: Annotated[bool, Rules("Record anonymous visitor analytics (see 'kiosk stats').", strict=True)] = True
    analytics_keep_days: Annotated[int, Rules("Analytics older than this are deleted.", ge=1, le=3650, strict=True)] = 400
    display_hours: Annotated[DisplayHours | None, Rules("Opening hours; unset: the screen is always on.")] = None
    restart_at: Annotated[ClockTime | None, Rules("A fresh start every night at this time, when nobody is "
                                                  "using the kiosk; unset: never.")] = None
    speech_output: Annotated[str, Rules("Where speech for blind visitors is played: \"default\" (the desktop's "
                                        "sound output), a playback device's name as 'kiosk doctor' lists it, or "
                                        "\"null\" (silent).", min_length=1, strict=True)] = DEFAULT_OUTPUT
    speech_volume: Annotated[float, Rules("Speech volume at the start of each visit, 0 (silent) to 1 (the "
                                          "output's full level); visitors may change it until they walk away.",
                                          ge=0.0, le=1.0, strict=True)] = DEFAULT_VOLUME
    fleet: Annotated[Fleet | None, Rules("Many kiosks from one place: content from a store, status and "
                                         "commands over MQTT; unset: a kiosk on its own.")] = None


SETTINGS = tuple(f.name for f in dataclasses.fields(Config))
DEFAULTS = Config()


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME))


WHOLE_FILE = ""  # Issue.where of a problem with the file as a whole


@dataclass(frozen=True)
class Issue:
    """One thing wrong in a configuration file, independent of where the file is."""

    where: str  # a setting's name, "line N" where the file could not be read, or WHOLE_FILE
    what: str  # what is wrong, in the operator's words
    setting: str | None = None  # the setting it costs, if it is a known one


@dataclass(frozen=True)
class Checked:
    """What a file's bytes amount to: remembered between starts, so it holds no path."""

    config: Config
    given: frozenset[str] = frozenset()  # settings the file sets to a valid value
    issues: tuple[Issue, ...] = ()

    @property
    def invalid(self) -> frozenset[str]:
        """Settings the file sets, but not usably: the default (or, while the kiosk runs, the
        value in use) stands in for them. Every setting, if the file cannot be read at all."""
        if any(issue.where == WHOLE_FILE for issue in self.issues):
            return frozenset(SETTINGS)
        return frozenset(issue.setting for issue in self.issues if issue.setting)


@dataclass
class LoadedConfig:
    config: Config
    path: Path
    origins: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # for the log, with what was used instead
    checked: Checked | None = None  # None: there is no file at `path`, every value is the default

    @property
    def found(self) -> bool:
        return self.checked is not None

    @property
    def readable(self) -> bool:
        return self.checked is None or self.checked.invalid != frozenset(SETTINGS)


def load_config(path: Path | None = None) -> LoadedConfig:
    """The configuration in `path` (by default the user's config.toml), setting by setting.

    A file named explicitly (``--config``) that does not exist is a problem; the default file
    not existing yet is normal (``kiosk set-pin`` creates it), and only noted.
    """
    # Named, but the default file all the same (as the doctor and the self-test name it): normal.
    explicit = path is not None and path != default_config_path()
    path = path or default_config_path()
    if not path.exists():
        problems = [Problem(str(path), "there is no such file; every setting uses its default")] if explicit else []
        return LoadedConfig(DEFAULTS, path, _origins(path, Checked(DEFAULTS)), problems)
    try:
        raw = path.read_bytes()
    except OSError as error:
        checked = Checked(DEFAULTS, issues=(Issue(WHOLE_FILE, f"cannot be read ({error.strerror or error})"),))
    else:
        checked = remembered("config", raw, lambda: check(raw))
    return LoadedConfig(checked.config, path, _origins(path, checked), _problems(path, checked.issues), checked)


def _origins(path: Path, checked: Checked) -> dict[str, str]:
    def origin(name: str) -> str:
        if name in checked.given:
            return str(path)
        bad = any(issue.setting == name for issue in checked.issues)
        return f"default: the value in {path} is not valid" if bad else "default"

    return {name: origin(name) for name in SETTINGS}


def _problems(path: Path, issues: tuple[Issue, ...], in_use: Config | None = None) -> list[Problem]:
    return [Problem(f"{path}: {issue.where}" if issue.where else str(path),
                    f"{issue.what}; {_instead(issue, in_use)}") for issue in issues]


def _instead(issue: Issue, in_use: Config | None) -> str:
    """What the kiosk does about an issue: at start the default, while running the value in use."""
    if issue.where == WHOLE_FILE:
        return "every setting uses its default" if in_use is None else "keeping every setting in use"
    if issue.setting is None:
        return "ignored"
    if in_use is not None:
        return f"keeping the value in use, {shown_value(issue.setting, getattr(in_use, issue.setting))}"
    return f"using the default, {shown_value(issue.setting, getattr(DEFAULTS, issue.setting))}"


def updated(in_use: Config, loaded: LoadedConfig) -> tuple[Config, list[Problem]]:
    """A new version of the file while the kiosk runs: its valid values, and the value in use
    for each setting it sets badly; with the problems to log. A file that is gone changes
    nothing (a moment without the file must not remove the PIN)."""
    if loaded.checked is None:
        return in_use, [Problem(str(loaded.path), "the file is gone; keeping every setting in use "
                                                  "(the next start uses the defaults)")]
    keep = {name: getattr(in_use, name) for name in loaded.checked.invalid}
    return dataclasses.replace(loaded.config, **keep), _problems(loaded.path, loaded.checked.issues, in_use)


def shown_value(name: str, value) -> str:
    """A value for the log: the PIN hash is never written out."""
    if value is None:
        return "not set"
    return "set (not shown)" if name == "pin_hash" else toml_value(value)


# ---- reading and checking a file's bytes -----------------------------------------------------

def check(raw: bytes) -> Checked:
    """Each setting of the file on its own: a bad one falls back alone, the others apply."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return Checked(DEFAULTS, issues=(Issue(WHOLE_FILE, f"is not UTF-8 text ({error})"),))
    values, issues = _parse(text)
    config, bad = _validate(values)
    issues += tuple(Issue(where, message, key if key in SETTINGS else None) for key, (where, message) in bad.items())
    return Checked(config, frozenset(values) - set(bad), issues)


_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")


def _parse(text: str) -> tuple[dict, tuple[Issue, ...]]:
    """The file's values. The configuration is one flat table, so where the file as a whole is
    not valid TOML each line is read on its own: a line that cannot be read costs its setting."""
    try:
        return tomllib.loads(text), ()
    except tomllib.TOMLDecodeError:
        pass
    values, issues = {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key = _KEY.match(line)
        setting = key.group(1) if key and key.group(1) in SETTINGS else None
        try:
            parsed = tomllib.loads(line)
        except tomllib.TOMLDecodeError as error:
            reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
            issues.append(Issue(f"line {number}", f"{line.strip()!r} is not valid TOML ({reason}{_hint(line, setting)})",
                                setting))
            continue
        repeated = parsed.keys() & values.keys()
        if repeated:
            issues.append(Issue(f"line {number}", f"{', '.join(sorted(repeated))} is set a second time",
                                None))
            continue
        values.update(parsed)
    return values, tuple(issues)


def _hint(line: str, setting: str | None) -> str:
    """How to write the value the setting takes, for a line whose value is not TOML."""
    kind = type(getattr(DEFAULTS, setting)) if setting else str
    if kind is bool:
        return "; write true or false"
    if kind is int:
        return "; write a whole number, without quotes"
    if kind is float:
        return "; write a number, without quotes"
    return "; text needs quotes, as in \"...\""


def _validate(values: dict) -> tuple[Config, dict[str, tuple[str, str]]]:
    """The Config, and for each setting that could not be used where in it (a nested value:
    display_hours.monday.0) and what is wrong."""
    from kiosk.model import validation

    bad: dict[str, tuple[str, str]] = {}
    usable = dict(values)
    while True:
        try:
            return validation.validate(Config, usable), bad
        except validation.ValidationError as error:
            found = {_key(item): (_where(item), _message(item)) for item in reversed(error.errors())}
        if not found.keys() & usable.keys():  # not a setting's fault: nothing left to drop
            return DEFAULTS, {**bad, **found}
        for key, message in found.items():
            usable.pop(key, None)
            bad[key] = message


def _key(item: dict) -> str:
    return str(item["loc"][0]) if item["loc"] else ""


def _where(item: dict) -> str:
    return ".".join(str(part) for part in item["loc"])


def _message(item: dict) -> str:
    key = _key(item)
    if item["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        close = difflib.get_close_matches(key, SETTINGS, n=1)
        return "unknown setting" + (f" (did you mean {close[0]}?)" if close else "")
    value = item.get("input")
    text = item["msg"][:1].lower() + item["msg"][1:]
    hint = " (write numbers without quotes)" if isinstance(value, str) and value.strip().isdigit() else ""
    return f"{_shown_input(value)} is not allowed: {text}{hint}"


def _shown_input(value) -> str:
    try:
        return toml_value(value)
    except TypeError:
        return repr(value)


# ---- writing ---------------------------------------------------------------------------------

def toml_value(value) -> str:
    """A setting's value as TOML writes it: true/false, a number, a quoted string, a date, an
    array, or a section as an inline table."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + "".join(_escape(ch) for ch in value) + '"'
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if dataclasses.is_dataclass(value):  # a section ([display_hours], [fleet]) as an inline table
        items = ((f.name, getattr(value, f.name)) for f in dataclasses.fields(value))
        return "{ " + ", ".join(f"{name} = {toml_value(item)}" for name, item in items if item is not None) + " }"
    raise TypeError(f"not a TOML scalar: {value!r}")


def _escape(ch: str) -> str:
    if ch in '"\\':
        return "\\" + ch
    return f"\\u{ord(ch):04x}" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch


def describe(loaded: LoadedConfig) -> str:
    """The effective configuration as TOML that can be pasted into a configuration file, with
    where each value came from as a comment (kiosk --print-config). Unset values, and the PIN
    hash (which this output must not spread), are comments."""
    if not loaded.found:
        state = "not found: every value below is the default"
    elif not loaded.readable:
        state = "cannot be read: every value below is the default"
    else:
        state = "read"
    lines = [f"# configuration file: {loaded.path} ({state})"]
    lines += [f"# problem: {p}" for p in loaded.problems]
    for name in SETTINGS:
        value = getattr(loaded.config, name)
        if value is None:
            setting = f"# {name} is not set"
        elif name == "pin_hash":
            setting = f"# {name} is set (not shown here)"
        else:
            setting = f"{name} = {toml_value(value)}"
        lines.append(f"{setting:<48} # from {loaded.origins[name]}")
    return "\n".join(lines)


def set_value(path: Path, key: str, value) -> None:
    """Change one key in the file, keeping the operator's comments and other keys."""
    if key not in SETTINGS:
        raise KeyError(key)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(_with_value(text, key, value), encoding="utf-8")
    # Only the kiosk's own user may read it: the PIN hash is slow to test, not impossible.
    temporary.chmod(0o600)
    temporary.replace(path)  # atomic: a crash never leaves half a config file


def _with_value(text: str, key: str, value) -> str:
    import tomlkit
    from tomlkit.exceptions import ParseError

    try:
        document = tomlkit.parse(text)
    except ParseError:
        # A mistake elsewhere in the file must not stop this change (nor be "repaired" by it):
        # the file is one flat table, so the key's own lines are replaced and the rest is kept.
        kept = [line for line in text.splitlines() if (_KEY.match(line) or [None, None])[1] != key]
        tables = [n for n, line in enumerate(kept) if line.lstrip().startswith("[")]
        at = tables[0] if tables else len(kept)  # top-level keys go before any [table]
        return "\n".join([*kept[:at], f"{key} = {toml_value(value)}", *kept[at:], ""])
    if "config_version" not in document:
        document["config_version"] = CONFIG_VERSION
    document[key] = value
    return tomlkit.dumps(document)
