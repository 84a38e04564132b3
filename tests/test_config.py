"""Operator configuration: typed defaults, clear messages naming the key, never a stopped kiosk."""

import subprocess
import sys

import pytest

from kiosk import admin
from kiosk.config import Config, describe, load_config
from kiosk.pin import verify_pin


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults(tmp_path):
    loaded = load_config(tmp_path / "missing.toml")
    assert loaded.config == Config() and loaded.problems == []
    assert loaded.config.idle_seconds == 90 and loaded.config.warning_seconds >= 20


def test_values_and_where_they_came_from(tmp_path):
    path = write(tmp_path, "config_version = 1\nidle_seconds = 120\ndefault_language = 'zh'\n")
    loaded = load_config(path)
    assert loaded.config.idle_seconds == 120 and loaded.config.default_language == "zh"
    assert loaded.origins["idle_seconds"] == str(path) and loaded.origins["attract_seconds"] == "default"
    line = next(l for l in describe(loaded).splitlines() if l.startswith("idle_seconds"))
    assert "120" in line and line.endswith(f"# from {path}")


@pytest.mark.parametrize(("text", "key"), [
    ("idel_seconds = 30\n", "idel_seconds"),          # a typo
    ("idle_seconds = 'ninety'\n", "idle_seconds"),     # wrong type
    ("warning_seconds = 5\n", "warning_seconds"),      # below the WCAG minimum
    ("log_level = 'LOUD'\n", "log_level"),
])
def test_bad_settings_are_named_and_defaults_used(tmp_path, text, key):
    loaded = load_config(write(tmp_path, text))
    assert loaded.config == Config()
    assert any(problem.path.endswith(f": {key}") for problem in loaded.problems), loaded.problems


def test_a_broken_file_does_not_stop_the_kiosk(tmp_path):
    loaded = load_config(write(tmp_path, "idle_seconds = [\n"))
    assert loaded.config == Config()
    assert "cannot be read" in loaded.problems[0].message


def test_print_config_shows_the_effective_values(tmp_path):
    path = write(tmp_path, "attract_seconds = 12\n")
    result = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(path), "--print-config"],
                            capture_output=True, text=True, check=True)
    line = next(l for l in result.stdout.splitlines() if l.startswith("attract_seconds"))
    assert "12" in line and str(path) in line


def test_set_pin_asks_twice_and_stores_only_a_hash(tmp_path, monkeypatch):
    path = write(tmp_path, "# chosen by the visitor centre\nidle_seconds = 120\n")
    answers = iter(["482913", "482913"])
    monkeypatch.setattr(admin.getpass, "getpass", lambda prompt="": next(answers))
    assert admin.set_pin(["--config", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert "482913" not in text and "# chosen by the visitor centre" in text
    loaded = load_config(path)
    assert loaded.problems == [] and loaded.config.idle_seconds == 120
    assert verify_pin("482913", loaded.config.pin_hash)
    assert not verify_pin("482914", loaded.config.pin_hash)
    assert path.stat().st_mode & 0o077 == 0  # nobody else can read the hash


@pytest.mark.parametrize("answers", [["1234", "1235"], ["12a4", "12a4"], ["12", "12"]])
def test_set_pin_refuses_mismatch_and_bad_pins(tmp_path, monkeypatch, answers):
    path = tmp_path / "config.toml"
    it = iter(answers)
    monkeypatch.setattr(admin.getpass, "getpass", lambda prompt="": next(it))
    assert admin.set_pin(["--config", str(path)]) == 1
    assert not path.exists()
