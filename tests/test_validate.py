"""`kiosk validate`: every problem of a bad-data corpus is reported at its exact path."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.model import loader
from kiosk.model.loader import DatasetError, load_dataset

CORPUS = Path(__file__).parent / "bad-data"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def problems(path):
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    return caught.value.problems


def test_the_corpus_covers_many_kinds_of_problem():
    assert len(EXPECTED) >= 30
    assert sorted(p.name for p in CORPUS.glob("*.json")) == sorted([*EXPECTED, "base.json", "expected.json"])


def test_the_corpus_base_is_valid():
    load_dataset(CORPUS / "base.json")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_reports_exactly_its_problem(name):
    found = problems(CORPUS / name)
    assert sorted(p.path for p in found) == sorted(EXPECTED[name]["paths"])
    assert any(EXPECTED[name]["contains"] in str(p.message) for p in found), [str(p) for p in found]


def test_a_file_over_10_mb_is_refused_before_parsing(tmp_path, monkeypatch):
    big = tmp_path / "big.json"
    with big.open("wb") as file:  # sparse: no disk space used
        file.truncate(loader.MAX_BYTES + 1)
    monkeypatch.setattr(loader.json, "loads", lambda *a, **k: pytest.fail("parsed a file over the limit"))
    [problem] = problems(big)
    assert "limit" in str(problem.message) and problem.path == ""


def run_validate(*args):
    return subprocess.run([sys.executable, "-m", "kiosk", "validate", *map(str, args)],
                          capture_output=True, text=True, timeout=60)


def test_cli_valid_file_exits_0_with_a_summary():
    result = run_validate(CORPUS / "base.json")
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout and "figures: 10" in result.stdout and "languages: en, zh" in result.stdout
    assert "tabs: overview (2 blocks), industries (1 block)" in result.stdout


def test_cli_lists_every_problem_one_per_line_and_exits_1(tmp_path):
    data = json.loads((CORPUS / "base.json").read_text(encoding="utf-8"))
    data["figures"][0]["valeu"] = data["figures"][0].pop("value")
    data["sources"][0]["url"] = "ftp://example.org"
    path = tmp_path / "three.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run_validate(path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()[1:]
    assert sorted(line.split(":")[0] for line in lines) == sorted(
        ["figures.0.value", "figures.0.valeu", "sources.0.url"])
    assert "Traceback" not in result.stdout + result.stderr
    as_json = json.loads(run_validate(path, "--json").stdout)
    assert as_json["valid"] is False
    assert [f"{p['path']}: {p['message']}" for p in as_json["problems"]] == lines
