"""The application's own interface text (content text comes from the dataset)."""

from __future__ import annotations

from kiosk.model.formatting import conventions

_TEXT = {
    "share_of_total": {"en": "{value} of Jining's total", "zh": "占济宁全市比重{value}"},
    "no_companies": {
        "en": "The sources name no leading company for this cluster.",
        "zh": "资料中未列出该产业集群的龙头企业。",
    },
    "log_scale": {"en": "Bar lengths on a logarithmic scale", "zh": "条形长度按对数刻度"},
    "by_year": {"en": "By year", "zh": "历年数据"},
}


def ui_text(key: str, language: str, **values) -> str:
    entry = _TEXT[key]
    text = entry.get(language) or entry[conventions(language)]
    return text.format(**values) if values else text
