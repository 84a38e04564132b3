"""A file checked before is read back equal, without loading the validator; anything else is checked."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.model import remember, validation
from kiosk.model.loader import DatasetError, parse_dataset
from kiosk.resources import data_path


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return remember.default_folder()


@pytest.fixture
def bundled() -> tuple[bytes, Path]:
    return data_path().read_bytes(), data_path()


def no_validator(monkeypatch):
    def refuse(*args):
        raise AssertionError("the validator ran")

    monkeypatch.setattr(validation, "validate", refuse)


def test_a_file_checked_before_is_read_back_equal_without_the_validator(cache, bundled, monkeypatch):
    checked = parse_dataset(*bundled, remember=False)
    first = parse_dataset(*bundled)
    assert len(list(cache.glob("dataset-*.kept"))) == 1
    no_validator(monkeypatch)
    again = parse_dataset(*bundled)
    assert again == checked == first and again is not first


def test_other_bytes_are_checked_again(cache, bundled, monkeypatch):
    raw, path = bundled
    parse_dataset(raw, path)
    data = json.loads(raw)
    data["figures"][0]["value"] += 1
    changed = parse_dataset(json.dumps(data).encode(), path)
    assert changed.figures[0].value == data["figures"][0]["value"]
    data["figures"][0]["value"] = -1
    with pytest.raises(DatasetError):
        parse_dataset(json.dumps(data).encode(), path)
    no_validator(monkeypatch)
    with pytest.raises(AssertionError, match="the validator ran"):  # a failure is never remembered
        parse_dataset(json.dumps(data).encode(), path)


def test_a_damaged_result_is_checked_again_and_replaced(cache, bundled, caplog):
    checked = parse_dataset(*bundled)
    [result] = cache.glob("dataset-*.kept")
    result.write_bytes(b"kiosk-validated-1\n damaged")
    assert parse_dataset(*bundled) == checked
    assert "damaged validation result" in caplog.text
    assert result.read_bytes() != b"kiosk-validated-1\n damaged"


class Exploit:
    """A pickle of this runs `touch` when it is loaded."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return subprocess.call, (["touch", str(self.marker)],)


def kept_with_result(path: Path, result: bytes) -> None:
    """The kept file at `path`, its rules and data file unchanged, its result replaced."""
    rules, raw, _ = remember._split(path.read_bytes())
    path.write_bytes(remember._MAGIC + remember._LENGTHS.pack(len(rules), len(raw)) + rules + raw + result)


@pytest.mark.parametrize("result", ["pickle", "a type it names"])
def test_a_tampered_result_is_ignored_and_never_runs_code(cache, bundled, tmp_path, caplog, result):
    checked = parse_dataset(*bundled)
    [kept] = cache.glob("dataset-*.kept")
    marker = tmp_path / "ran"
    if result == "pickle":  # what the cache used to be: loading it would have run the command
        import pickle

        kept_with_result(kept, pickle.dumps(Exploit(marker)))
    else:  # a record "type" that is a function that runs a program
        kept_with_result(kept, json.dumps(["record", "subprocess:call", {"args": ["touch", str(marker)]}]).encode())
    assert parse_dataset(*bundled) == checked
    assert not marker.exists()
    assert "damaged validation result" in caplog.text
    assert remember._split(kept.read_bytes())[2] == plain_result(checked)  # checked again and replaced


def test_only_record_types_of_the_model_are_built(cache):
    import datetime

    from kiosk.model import plain

    assert plain.decode(plain.encode((datetime.date(2024, 1, 2), frozenset({1}), {"a": [1.5]}))) == (
        datetime.date(2024, 1, 2), frozenset({1}), {"a": [1.5]})
    for name in ("os:system", "kiosk.model.dataset:dataclasses", "kiosk.model.dataset:Annotated", "builtins:eval"):
        with pytest.raises(ValueError, match="not a record type"):
            plain.decode(json.dumps(["record", name, {}]).encode())
    with pytest.raises(TypeError):
        plain.encode(Exploit(Path("x")))


def plain_result(result) -> bytes:
    from kiosk.model import plain

    return plain.encode(result)


def test_an_unwritable_cache_only_means_checking_every_time(tmp_path, monkeypatch, bundled):
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert parse_dataset(*bundled) == parse_dataset(*bundled, remember=False)


def test_new_rules_forget_old_results(tmp_path, monkeypatch, cache, bundled):
    package = tmp_path / "kiosk"
    for name in remember._RULES:
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(remember.__file__).parent.parent / name, package / name)
    monkeypatch.setattr(remember, "_PACKAGE", package)
    checks = []
    remember.remembered("dataset", bundled[0], lambda: checks.append(1) or "result")
    remember.remembered("dataset", bundled[0], lambda: checks.append(1) or "result")
    assert checks == [1]
    with (package / "model/checks.py").open("a") as rules:
        rules.write("\n# a stricter rule\n")
    assert remember.remembered("dataset", bundled[0], lambda: checks.append(1) or "new") == "new"
    assert checks == [1, 1]


def test_a_file_with_the_same_checksum_is_not_mistaken_for_the_one_remembered(cache, monkeypatch):
    monkeypatch.setattr(remember.zlib, "crc32", lambda raw: 0)  # every file looks alike by name
    assert remember.remembered("kind", b"first", lambda: "first") == "first"
    assert remember.remembered("kind", b"other", lambda: "other") == "other"


def test_only_the_most_recently_used_results_are_kept(cache):
    for number in range(remember.KEEP + 3):
        remember.remembered("number", str(number).encode(), lambda number=number: number)
    kept = list(cache.glob("*.kept"))
    assert len(kept) == remember.KEEP


def test_a_config_is_remembered_but_its_problems_are_reported_every_time(cache, tmp_path, monkeypatch):
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text("idle_seconds = 120\n")
    bad.write_text('idle_seconds = "120"\n')
    checked = load_config(good)
    for _ in range(2):
        assert load_config(bad).problems
    no_validator(monkeypatch)
    assert load_config(good).config == checked.config and checked.config.idle_seconds == 120


def imported_modules(stderr: str) -> set[str]:
    return {match.group(1) for match in re.finditer(r"^import time:.*\|\s+(\S+)$", stderr, re.MULTILINE)}


def test_the_second_start_with_the_same_files_loads_neither_the_validator_nor_babel(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    config = tmp_path / "config" / "jining-kiosk" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("idle_seconds = 120\n")
    command = [sys.executable, "-X", "importtime", "-m", "kiosk", "--windowed", "--quit-after", "0"]
    starts = [subprocess.run(command, capture_output=True, text=True, timeout=60, env=env) for _ in range(2)]
    assert [start.returncode for start in starts] == [0, 0], starts[-1].stderr[-2000:]
    first, second = (imported_modules(start.stderr) for start in starts)
    assert "pydantic" in first and "kiosk.model.validation" in first
    assert "pydantic" not in second and "kiosk.model.validation" not in second
    # The numbers and dates on screen: CLDR's conventions kept by the first start (kiosk.model.cldr).
    assert "babel" in first and "babel" not in second
    # A kiosk without [fleet] loads nothing of it, nor its libraries.
    assert not {name for name in first if name.split(".")[0] in ("minisign", "boto3", "botocore")
                or name.startswith("kiosk.fleet") or name == "kiosk.ui.fleet"}
    assert "first frame painted" in starts[1].stderr
