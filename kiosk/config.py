"""The operator's configuration: a TOML file with typed defaults. Qt-free.

A broken file never stops the kiosk: every problem is reported, naming the key, and the
defaults are used instead.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.model.checks import Problem

APP_NAME = "jining-kiosk"
CONFIG_VERSION = 1


class Config(BaseModel):
    """Every setting, with its default. Unknown keys and wrong types are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    config_version: int = Field(CONFIG_VERSION, ge=1, le=CONFIG_VERSION)
    idle_seconds: int = Field(90, ge=10, le=3600, description="Quiet time before the idle warning.")
    warning_seconds: int = Field(20, ge=20, le=120, description="Countdown of the idle warning (WCAG 2.2.1: >= 20).")
    attract_seconds: int = Field(8, ge=3, le=120, description="How long each attract-loop slide stays.")
    default_language: str = Field("en", pattern=r"^[a-z]{2,3}$")
    pin_hash: str | None = Field(None, description="Set with 'kiosk set-pin'; never the PIN itself.")
    data_path: str | None = Field(None, description="Operator's dataset; the bundled one if unset.")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    reduce_motion: bool = Field(False, description="No chart, slide or fade animations.")
    analytics: bool = Field(True, description="Record anonymous visitor analytics (see 'kiosk stats').")
    analytics_keep_days: int = Field(400, ge=1, le=3650, description="Analytics older than this are deleted.")


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
    defaults = LoadedConfig(Config(), path, {name: "default" for name in Config.model_fields})
    if not path.exists():
        return defaults
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        defaults.problems.append(Problem(str(path), f"cannot be read, using defaults: {error}"))
        return defaults
    try:
        config = Config.model_validate(values)
    except ValidationError as error:
        defaults.problems.extend(_problems(error, path))
        return defaults
    origins = {name: (str(path) if name in values else "default") for name in Config.model_fields}
    return LoadedConfig(config, path, origins)


def _problems(error: ValidationError, path: Path) -> list[Problem]:
    problems = []
    for item in error.errors():
        key = ".".join(str(p) for p in item["loc"])
        message = "unknown setting" if item["type"] == "extra_forbidden" else item["msg"]
        problems.append(Problem(f"{path}: {key}", f"{message}; using the defaults"))
    return problems


def describe(loaded: LoadedConfig) -> str:
    """The effective configuration and where each value came from (kiosk --print-config)."""
    lines = [f"# configuration file: {loaded.path}"]
    lines += [f"# problem: {p}" for p in loaded.problems]
    for name in Config.model_fields:
        value = getattr(loaded.config, name)
        shown = "(set)" if name == "pin_hash" and value else value
        lines.append(f"{name} = {shown!r:<40} # from {loaded.origins[name]}")
    return "\n".join(lines)


def set_value(path: Path, key: str, value) -> None:
    """Change one key in the file, keeping the operator's comments and other keys."""
    import tomlkit

    Config.model_fields[key]  # noqa: B018 (fails fast on a key that does not exist)
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
