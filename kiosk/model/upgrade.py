"""Data files written for an older version of the kiosk, read as the current one. Qt-free.

A kiosk updated in the field keeps showing the data file its staff wrote: version 1 had four
fixed views, each with its own fields; version 2 has tabs made of blocks. The file itself is
not rewritten (staff may keep editing it as they know it).
"""

from __future__ import annotations

CURRENT_VERSION = 2

# What version 1 showed for an industry's share (an interface text then, data now).
_V1_SHARE = {"en": "{value} of Jining's total", "zh": "占济宁全市比重{value}"}


def upgraded(data):
    """`data` in the current version's form (unchanged when it already is, or is not a dataset)."""
    if not isinstance(data, dict) or data.get("schema_version", 1) != 1 or not isinstance(data.get("views"), dict):
        return data
    return {**data, "schema_version": CURRENT_VERSION, "views": _v1_tabs(data["views"], data.get("languages", ()))}


def _v1_tabs(views: dict, languages) -> list:
    makers = {"overview": _v1_overview, "industries": _v1_industries, "innovation": _v1_innovation,
              "living": _v1_living}
    tabs = []
    for name, make in makers.items():
        view = views.get(name)
        if isinstance(view, dict):
            blocks = make(view, languages)
            tabs.append({"id": name, "title": view.get("title"), "headline": view.get("headline"), "blocks": blocks})
    return tabs


def _v1_overview(view, languages) -> list:
    blocks = [{"kind": "figure-cards", "figures": view.get("cards")}]
    if view.get("comparison"):
        comparison = view["comparison"]
        blocks.append({"kind": "comparison", "title": comparison.get("title"), "figures": comparison.get("figures"),
                       "new_row": True})
    if view.get("highlights"):
        blocks.append({"kind": "highlights", "figures": view["highlights"], "new_row": not view.get("comparison")})
    return blocks


def _v1_industries(view, languages) -> list:
    share = {language: text for language, text in _V1_SHARE.items() if language in languages}
    return [{"kind": "industry-explorer", "title": view.get("chart_title"), "hint": view.get("hint"),
             "share": share, "companies_title": view.get("companies_title")}]


def _v1_innovation(view, languages) -> list:
    blocks = []
    if view.get("cards"):
        blocks.append({"kind": "figure-cards", "figures": view["cards"]})
    if view.get("part_of_whole"):
        part = view["part_of_whole"]
        blocks.append({"kind": "ring", "title": part.get("title"), "figure": part.get("figure")})
    if view.get("talent"):
        talent = view["talent"]
        blocks.append({"kind": "bar-chart", "title": talent.get("title"), "figures": talent.get("figures"),
                       "scale": "log", "width": 2})
    return blocks


def _v1_living(view, languages) -> list:
    left, right = [], []
    if view.get("gauge"):
        left.append({"kind": "ring", "figure": view["gauge"], "colour": 3})
    if view.get("facts"):
        left.append({"kind": "facts", "facts": view["facts"]})
    if view.get("cards"):
        right.append({"kind": "figure-cards", "figures": view["cards"]})
    if view.get("transport"):
        transport = view["transport"]
        right.append({"kind": "facts", "title": transport.get("title"), "figures": transport.get("figures", []),
                      "facts": transport.get("facts", [])})
    for column in (left, right):
        for block in column[1:]:
            block["below"] = True
    if left and right:
        right[0]["width"] = 2
    return left + right
