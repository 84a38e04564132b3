"""Operator configuration: typed defaults, clear messages naming the key, never a stopped kiosk."""

import dataclasses
import io
import subprocess
import sys
import tomllib

import pytest

from kiosk import admin
from kiosk.config import Config, describe, load_config, set_value
from kiosk.model import remember, validation
from kiosk.pin import hash_pin, verify_pin


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # the default file, before set-pin makes it
    loaded = load_config()
    assert loaded.config == Config() and loaded.problems == [] and not loaded.found
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
    assert loaded.problems[0].path.endswith(": line 1") and "not valid TOML" in loaded.problems[0].message


PIN_HASH = hash_pin("482913")
GOOD = f'pin_hash = "{PIN_HASH}"\ndata_path = "/srv/kiosk/data.json"\nidle_seconds = 120\n'


@pytest.mark.parametrize(("bad", "key", "wrong"), [
    ("idle_secnds = 30", "idle_secnds", "unknown setting (did you mean idle_seconds?)"),
    ('warning_seconds = "twenty"', "warning_seconds", '"twenty" is not allowed'),
    ("attract_seconds = 2", "attract_seconds", "2 is not allowed"),
    ("reduce_motion = yes", "line 1", "write true or false"),  # not TOML at all: the file cannot be parsed
    ("default_language = 'zh", "line 1", "not valid TOML"),
])
def test_a_bad_setting_costs_only_that_setting(tmp_path, bad, key, wrong):
    path = write(tmp_path, f"{bad}\n{GOOD}")
    loaded = load_config(path)
    assert verify_pin("482913", loaded.config.pin_hash)  # staff are not locked out
    assert loaded.config.data_path == "/srv/kiosk/data.json" and loaded.config.idle_seconds == 120
    assert loaded.origins["pin_hash"] == loaded.origins["data_path"] == str(path)
    [problem] = loaded.problems
    assert problem.path == f"{path}: {key}" and wrong in problem.message


def test_a_bad_value_is_named_with_what_is_wrong_and_the_default_used(tmp_path):
    path = write(tmp_path, f'warning_seconds = "twenty"\n{GOOD}')
    loaded = load_config(path)
    assert loaded.config.warning_seconds == Config().warning_seconds
    [problem] = loaded.problems
    assert problem.message.endswith(f"using the default, {Config().warning_seconds}")
    assert loaded.origins["warning_seconds"].startswith("default")
    assert PIN_HASH not in describe(loaded)


def test_a_file_with_a_bad_setting_is_remembered_and_its_problem_still_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = write(tmp_path, f"idle_secnds = 30\n{GOOD}")
    first = load_config(path)
    assert list(remember.default_folder().glob("config-*.kept"))

    def refuse(*args):
        raise AssertionError("the validator ran")

    monkeypatch.setattr(validation, "validate", refuse)
    again = load_config(path)
    assert again.config == first.config and again.problems == first.problems != []
    with pytest.raises(dataclasses.FrozenInstanceError):  # still a frozen, typed record
        again.config.idle_seconds = 10


def test_a_config_file_named_on_the_command_line_that_does_not_exist_is_reported(tmp_path):
    missing = tmp_path / "nonexistent.toml"
    loaded = load_config(missing)
    assert loaded.config == Config() and not loaded.found
    [problem] = loaded.problems
    assert problem.path == str(missing) and "no such file" in problem.message
    assert "(not found: every value below is the default)" in describe(loaded).splitlines()[0]


def test_print_config_is_toml_that_reads_back_as_the_same_config(tmp_path):
    path = write(tmp_path, 'config_version = 1\nidle_seconds = 45\nreduce_motion = true\nanalytics = false\n'
                           'data_path = "C:\\\\data\\\\kiosk \\"new\\".json"\ndefault_language = "zh"\n'
                           f'pin_hash = "{PIN_HASH}"\n')
    loaded = load_config(path)
    assert loaded.problems == [] and loaded.config.data_path == 'C:\\data\\kiosk "new".json'
    result = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(path), "--print-config"],
                            capture_output=True, text=True, check=True)
    assert PIN_HASH not in result.stdout  # the hash is not spread by a pasted output
    again = Config(**tomllib.loads(result.stdout))
    assert again == dataclasses.replace(loaded.config, pin_hash=None)
    unset = Config(**tomllib.loads(describe(load_config(tmp_path / "none.toml"))))
    assert unset == Config()


def test_set_pin_works_even_when_another_line_of_the_file_is_broken(tmp_path):
    path = write(tmp_path, "# ours\ndata_path = /srv/kiosk/data.json\nidle_seconds = 120\n[extra]\nkey = 1\n")
    set_value(path, "pin_hash", PIN_HASH)
    loaded = load_config(path)
    assert loaded.config.pin_hash == PIN_HASH and loaded.config.idle_seconds == 120
    assert "# ours" in path.read_text(encoding="utf-8")


def test_print_config_shows_the_effective_values(tmp_path):
    path = write(tmp_path, "attract_seconds = 12\n")
    result = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(path), "--print-config"],
                            capture_output=True, text=True, check=True)
    line = next(l for l in result.stdout.splitlines() if l.startswith("attract_seconds"))
    assert "12" in line and str(path) in line


class Terminal(io.StringIO):
    def isatty(self):
        return True


def at_a_terminal(monkeypatch, answers):
    """set-pin at a terminal: each answer typed at getpass's prompt (no echo)."""
    it = iter(answers)
    monkeypatch.setattr(admin.sys, "stdin", Terminal())
    monkeypatch.setattr(admin.getpass, "getpass", lambda prompt="": next(it))


def test_set_pin_asks_twice_and_stores_only_a_hash(tmp_path, monkeypatch):
    path = write(tmp_path, "# chosen by the visitor centre\nidle_seconds = 120\n")
    at_a_terminal(monkeypatch, ["482913", "482913"])
    assert admin.set_pin(["--config", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert "482913" not in text and "# chosen by the visitor centre" in text
    loaded = load_config(path)
    assert loaded.problems == [] and loaded.config.idle_seconds == 120
    assert verify_pin("482913", loaded.config.pin_hash)
    assert not verify_pin("482914", loaded.config.pin_hash)
    assert path.stat().st_mode & 0o077 == 0  # nobody else can read the hash


@pytest.mark.parametrize("answers", [["1234", "1235"] * 3, ["12a4"] * 3, ["12", "1234", "4321", "123456789"]])
def test_set_pin_gives_up_after_three_bad_tries(tmp_path, monkeypatch, answers):
    path = tmp_path / "config.toml"
    at_a_terminal(monkeypatch, answers)
    assert admin.set_pin(["--config", str(path)]) == 1
    assert not path.exists()


def test_set_pin_at_a_terminal_asks_again_after_a_mistake(tmp_path, monkeypatch, capsys):
    path = tmp_path / "config.toml"
    at_a_terminal(monkeypatch, ["12", "2468", "2469", "2468", "2468"])
    assert admin.set_pin(["--config", str(path)]) == 0
    assert verify_pin("2468", load_config(path).config.pin_hash)
    assert capsys.readouterr().err.count("try again") == 2


def set_pin_piped(path, text):
    return subprocess.run([sys.executable, "-m", "kiosk", "set-pin", "--config", str(path)], input=text,
                          capture_output=True, text=True, timeout=60)


def test_set_pin_with_piped_input_asks_again_after_a_bad_entry(tmp_path):
    path = tmp_path / "config.toml"
    result = set_pin_piped(path, "12\n1234\n1234\n")
    assert result.returncode == 0, result.stderr
    assert "4 to 8 digits" in result.stderr and "Warning" not in result.stderr
    assert verify_pin("1234", load_config(path).config.pin_hash)
    assert "no restart is needed" in result.stdout


def test_set_pin_with_piped_input_that_ends_changes_nothing(tmp_path):
    path = tmp_path / "config.toml"
    result = set_pin_piped(path, "12\n")
    assert result.returncode == 1 and "Nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr and not path.exists()
