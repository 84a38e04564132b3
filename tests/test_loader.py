"""The loader accepts the bundled file and names the exact path of every problem in a bad one."""

import json

import pytest

from pathlib import Path

from kiosk.model.loader import MAX_BYTES, DatasetError, load_dataset

# The bundled file as version 1 of the format wrote it (four fixed views).
BUNDLED_V1 = Path(__file__).parent / "old-data" / "version-1.json"


def write(tmp_path, data, name="data.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def problems_of(path):
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    return [str(p) for p in caught.value.problems]


def test_bundled_dataset_is_valid(dataset):
    assert dataset.languages == ("en", "zh")
    assert len(dataset.figures) > 20


def test_json_syntax_error_gives_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "languages": ["en",\n}\n', encoding="utf-8")
    [problem] = problems_of(path)
    assert "line 3, column 1" in problem


def test_nan_is_rejected(tmp_path, raw):
    text = json.dumps(raw).replace('"value": 2.3', '"value": NaN', 1)
    path = tmp_path / "nan.json"
    path.write_text(text, encoding="utf-8")
    assert any("NaN" in p for p in problems_of(path))


def test_a_number_with_too_many_digits_is_a_problem_not_a_crash(tmp_path, raw):
    text = json.dumps(raw).replace('"value": 2.3', '"value": ' + "9" * 5000, 1)
    path = tmp_path / "digits.json"
    path.write_text(text, encoding="utf-8")
    assert any("digits" in p for p in problems_of(path))


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"x": "caf\u00e9"}'.encode("latin-1"))
    assert "not UTF-8" in problems_of(path)[0]


def test_oversized_file_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * (MAX_BYTES + 1))
    assert "limit" in problems_of(path)[0]


def paths(problems):
    return {p.split(":")[0] for p in problems}


def test_structural_problems_are_all_reported(tmp_path, raw):
    raw["figures"][0]["valeu"] = 1  # a typo of "value"
    raw["figures"][5]["value"] = -1
    del raw["sources"][0]["date"]
    assert paths(problems_of(write(tmp_path, raw))) == {"figures.0.valeu", "figures.5.value", "sources.0.date"}


def test_reference_and_translation_problems_are_all_reported(tmp_path, raw):
    del raw["figures"][1]["label"]["zh"]
    raw["figures"][2]["source"] = "no-such-source"
    raw["figures"][3]["id"] = raw["figures"][4]["id"]
    raw["views"][0]["blocks"][0]["figures"].append("no-such-figure")
    last_card = len(raw["views"][0]["blocks"][0]["figures"]) - 1
    found = paths(problems_of(write(tmp_path, raw)))
    assert {"figures.1.label", "figures.2.source", "figures.3.id", "figures.4.id",
            f"views.0.blocks.0.figures.{last_card}"} <= found


def test_missing_language_names_the_language(tmp_path, raw):
    del raw["zone"]["name"]["zh"]
    [problem] = problems_of(write(tmp_path, raw))
    assert problem == 'zone.name: missing the "zh" text'


def test_non_http_url_rejected(tmp_path, raw):
    raw["sources"][0]["url"] = "file:///etc/passwd"
    assert any(p.startswith("sources.0.url") for p in problems_of(write(tmp_path, raw)))


def test_a_file_written_for_version_1_shows_the_same_tabs(tmp_path, dataset):
    """Four fixed views (version 1) are read as the tabs and blocks the bundled file now spells
    out: a kiosk updated in the field keeps showing its staff's file."""
    version_1 = {**json.loads(BUNDLED_V1.read_text(encoding="utf-8"))}
    assert isinstance(version_1["views"], dict) and version_1.get("schema_version", 1) == 1
    assert load_dataset(write(tmp_path, version_1)).views == dataset.views
