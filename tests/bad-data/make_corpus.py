"""Write the bad-data corpus: one file per kind of problem, and what each must report.

    .venv/bin/python tests/bad-data/make_corpus.py

base.json is a small valid dataset cut from the bundled one; every other file is base.json
with exactly one thing wrong. expected.json maps each file to the problem paths the
validator must report (exactly those) and a phrase its message must contain.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parent.parent / "data" / "jining-hightech-zone.json"
KEEP_FIGURES = ("gdp", "land-share", "gdp-share", "share-high-end-equipment", "share-health-care",
                "innovation-platforms", "foreign-professionals", "high-caliber-professionals",
                "green-coverage", "founded")


def base() -> dict:
    full = json.loads(BUNDLED.read_text(encoding="utf-8"))
    d = {k: full[k] for k in ("languages", "zone", "units")}
    d["sources"] = [s for s in full["sources"] if s["id"] in ("chinadaily-2022-07-08", "jnhn-2025-02-28")]
    d["figures"] = [f for f in full["figures"] if f["id"] in KEEP_FIGURES]
    figure(d, "gdp").pop("secondary")
    d["facts"] = [f for f in full["facts"] if f["id"] == "transport-network"]
    d["companies"] = [{**c, "industry": "health-care"} for c in full["companies"] if c["id"] == "lukang"]
    d["companies"][0]["source"] = "chinadaily-2022-07-08"
    d["industries"] = [i for i in full["industries"] if i["id"] in ("high-end-equipment", "health-care")]
    tabs = {tab["id"]: tab for tab in copy.deepcopy(full["views"])}
    tabs["overview"]["blocks"] = [{"kind": "figure-cards", "figures": ["gdp"]},
                                  {"kind": "highlights", "figures": ["founded"], "new_row": True}]
    innovation = tabs["innovation"]
    talent = next(b for b in innovation["blocks"] if b["kind"] == "bar-chart")
    innovation["blocks"] = [{"kind": "figure-cards", "figures": ["innovation-platforms"]},
                            {**talent, "figures": ["foreign-professionals", "high-caliber-professionals"]}]
    tabs["living"]["blocks"] = [{"kind": "ring", "figure": "green-coverage", "colour": 3},
                                {"kind": "facts", "facts": ["transport-network"], "below": True}]
    views = list(tabs.values())
    d["views"] = views
    return d


def figure(d, figure_id):
    return next(f for f in d["figures"] if f["id"] == figure_id)


# name: (change to base, expected problem paths, a phrase the message contains)
CASES = {
    "missing-field": (lambda d: figure(d, "gdp").pop("unit"), ["figures.0.unit"], "required"),
    "wrong-type-number": (lambda d: figure(d, "gdp").update(value="53.19 billion"), ["figures.0.value"],
                          "must be a number"),
    "wrong-type-text": (lambda d: figure(d, "gdp").update(label="GDP"), ["figures.0.label"], "object"),
    "wrong-type-list": (lambda d: d.update(sources=d["sources"][0]), ["sources"], "list"),
    "wrong-type-year": (lambda d: figure(d, "gdp").update(year="2021年"), ["figures.0.year"], "number"),
    "unknown-field-typo": (lambda d: figure(d, "gdp").update(qualifer="about"), ["figures.0.qualifer"],
                           'did you mean "qualifier"'),
    "unknown-top-level-field": (lambda d: d.update(fact=[]), ["fact"], 'did you mean "facts"'),
    "missing-translation": (lambda d: d["zone"]["name"].pop("zh"), ["zone.name"], 'missing the "zh" text'),
    "missing-translation-unit": (lambda d: d["units"]["yuan"]["format"].pop("en"), ["units.yuan.format"],
                                 'missing the "en" text'),
    "empty-text": (lambda d: figure(d, "gdp")["label"].update(zh=""), ["figures.0.label.zh"], "empty"),
    "duplicate-figure-id": (lambda d: d["figures"].append(dict(figure(d, "gdp"))),
                            ["figures.0.id", "figures.10.id"], "duplicate id"),
    "duplicate-source-id": (lambda d: d["sources"].append(dict(d["sources"][0])),
                            ["sources.0.id", "sources.2.id"], "duplicate id"),
    "unknown-source": (lambda d: figure(d, "gdp").update(source="china-daily"), ["figures.0.source"],
                       'unknown source id "china-daily"'),
    "unknown-unit": (lambda d: figure(d, "gdp").update(unit="rmb"), ["figures.0.unit"], 'unknown unit id'),
    "unknown-block-figure": (lambda d: d["views"][0]["blocks"][0]["figures"].append("gpd"),
                             ["views.0.blocks.0.figures.1"], 'unknown figure id "gpd"'),
    "unknown-block-fact": (lambda d: d["views"][3]["blocks"][1]["facts"].append("parks"),
                           ["views.3.blocks.1.facts.1"], 'unknown fact id "parks"'),
    "unknown-company-industry": (lambda d: d["companies"][0].update(industry="pharma"),
                                 ["companies.0.industry"], 'unknown industry id'),
    "unknown-industry-share": (lambda d: d["industries"][0].update(share="share-machinery"),
                               ["industries.0.share"], "unknown figure id"),
    "unknown-secondary": (lambda d: figure(d, "gdp").update(secondary="gdp-usd"), ["figures.0.secondary"],
                          "unknown figure id"),
    "negative-amount": (lambda d: figure(d, "gdp").update(value=-53190000000), ["figures.0.value"], "negative"),
    "negative-count": (lambda d: figure(d, "innovation-platforms").update(value=-208), ["figures.5.value"],
                       "negative"),
    "percentage-over-100": (lambda d: figure(d, "green-coverage").update(value=455), ["figures.8.value"],
                            "between 0 and 100"),
    "part-larger-than-whole": (lambda d: figure(d, "foreign-professionals").update(
        part_of="high-caliber-professionals", value=50000), ["figures.6.value"], "larger than its whole"),
    "year-in-future": (lambda d: figure(d, "gdp").update(year=2099), ["figures.0.year"], "in the future"),
    "year-before-zone": (lambda d: figure(d, "gdp").update(year=1985), ["figures.0.year"],
                         "before the zone existed"),
    "series-year-in-future": (lambda d: figure(d, "gdp").update(series=[{"year": 2020, "value": 1},
                                                                        {"year": 2098, "value": 2}]),
                              ["figures.0.series.1.year"], "in the future"),
    "source-date-in-future": (lambda d: d["sources"][0].update(date="2099-07-08"), ["sources.0.date"],
                              "in the future"),
    "unknown-block-kind": (lambda d: d["views"][0]["blocks"][1].update(kind="highlight"),
                           ["views.0.blocks.1"], 'unknown block kind "highlight"'),
    "block-without-kind": (lambda d: d["views"][0]["blocks"][1].pop("kind"), ["views.0.blocks.1"],
                           'needs a "kind"'),
    "unknown-block-field": (lambda d: d["views"][3]["blocks"][0].update(color=2), ["views.3.blocks.0.color"],
                            'did you mean "colour"'),
    "block-shows-nothing": (lambda d: d["views"][3]["blocks"][1].update(facts=[]), ["views.3.blocks.1"],
                            "shows nothing"),
    "chart-with-one-bar": (lambda d: d["views"][2]["blocks"][1]["figures"].pop(), ["views.2.blocks.1.figures"],
                           "one bar"),
    "ring-not-a-share": (lambda d: d["views"][3]["blocks"][0].update(figure="gdp"), ["views.3.blocks.0.figure"],
                         "not a percentage"),
    "industry-share-not-a-share": (lambda d: d["industries"][0].update(share="gdp"), ["industries.0.share"],
                                   "not a percentage"),
    "series-without-series": (lambda d: d["views"][0]["blocks"].append({"kind": "series", "figure": "gdp"}),
                              ["views.0.blocks.2.figure"], "no series"),
    "too-many-blocks": (lambda d: d["views"][0]["blocks"].extend([{"kind": "text", "text": {"en": "a", "zh": "甲"}}] * 5),
                        ["views.0.blocks"], "at most 6"),
    "too-many-tabs": (lambda d: d["views"].extend(copy.deepcopy(d["views"][3:]) * 4), ["views"], "at most 7"),
    "empty-tab": (lambda d: d["views"][0].update(blocks=[]), ["views.0.blocks"], "at least 1"),
    "duplicate-tab-id": (lambda d: d["views"][3].update(id="overview"), ["views.0.id", "views.3.id"],
                         "duplicate id"),
    "first-block-below": (lambda d: d["views"][3]["blocks"][0].update(below=True), ["views.3.blocks.0.below"],
                          "no block above"),
    "block-width": (lambda d: d["views"][2]["blocks"][1].update(width=5), ["views.2.blocks.1.width"], "one of"),
    "url-not-http": (lambda d: d["sources"][0].update(url="file:///etc/passwd"), ["sources.0.url"],
                     "http:// or https://"),
    "url-javascript": (lambda d: d["sources"][0].update(url="javascript:alert(1)"), ["sources.0.url"],
                       "http:// or https://"),
    "date-format": (lambda d: d["sources"][0].update(date="8 July 2022"), ["sources.0.date"], "2022-07-08"),
    "bad-id": (lambda d: figure(d, "gdp").update(id="GDP 2021"), ["figures.0.id"], "lowercase"),
    "bad-language-code": (lambda d: d.update(languages=["en", "Chinese"]), ["languages.1"], "language code"),
    "bad-qualifier": (lambda d: figure(d, "gdp").update(qualifier="over"), ["figures.0.qualifier"], "one of"),
    "schema-version": (lambda d: d.update(schema_version=3), ["schema_version"], "at most 2"),
    "not-an-object": (lambda d: None, [""], "object"),
}
RAW_CASES = {
    # name: (bytes, expected paths, phrase)
    "json-syntax-trailing-comma": (None, [""], "JSON syntax error at line"),
    "json-empty-file": (b"", [""], "JSON syntax error at line 1, column 1"),
    "not-utf8": (None, [""], "not UTF-8"),
    "nan": (None, [""], "NaN is not a number"),
    "infinity": (None, [""], "Infinity is not a number"),
}


def write(name: str, data: dict | list) -> None:
    (HERE / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    good = base()
    write("base", good)
    expected = {}
    for name, (change, paths, phrase) in CASES.items():
        data = copy.deepcopy(good)
        change(data)
        write(name, [data] if name == "not-an-object" else data)
        expected[f"{name}.json"] = {"paths": paths, "contains": phrase}
    text = (HERE / "base.json").read_text(encoding="utf-8")
    raw = {
        "json-syntax-trailing-comma": text.replace('"languages": [\n  "en",\n  "zh"\n ]',
                                                   '"languages": [\n  "en",\n  "zh",\n ]').encode(),
        "not-utf8": text.replace("济宁", "Jining").encode("utf-8").replace(b"Jining", "Jining ü".encode("latin-1"), 1),
        "nan": text.replace('"value": 53190000000', '"value": NaN').encode(),
        "infinity": text.replace('"value": 53190000000', '"value": Infinity').encode(),
    }
    for name, (content, paths, phrase) in RAW_CASES.items():
        content = raw.get(name, content)
        assert content is not None and content != text.encode(), name
        (HERE / f"{name}.json").write_bytes(content)
        expected[f"{name}.json"] = {"paths": paths, "contains": phrase}
    (HERE / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
