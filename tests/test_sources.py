"""Every figure of the source article reaches the dataset, with its source and qualifier."""

import re
from pathlib import Path

import pytest

from kiosk.model.formatting import format_figure

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "sources" / "chinadaily-2022-07-08.txt"
ARTICLE_SOURCE = "chinadaily-2022-07-08"


def article_numbers() -> list[str]:
    text = ARTICLE.read_text(encoding="utf-8")
    body = text[text.index("has made significant achievements") - 80:]
    numbers = re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", body)
    # Years name the period of the figures; they are checked as the figures' year below.
    return [n for n in numbers if n not in {"2021", "2022"}]


@pytest.fixture(scope="module")
def article_figures(dataset):
    return [f for f in dataset.figures if f.source == ARTICLE_SOURCE]


@pytest.mark.skipif(not ARTICLE.exists(), reason="the source article is not beside the checkout")
def test_every_number_in_the_article_is_a_figure(dataset, article_figures):
    shown = [format_figure(f, dataset, "en") for f in article_figures]
    missing = [n for n in article_numbers() if not any(re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", s) for s in shown)]
    assert missing == []


def test_figures_written_in_words_are_present(dataset):
    assert dataset.figure("nobel-laureates").value == 2  # "two Nobel laureates"
    assert dataset.figure("high-tech-companies-share").value == 25  # "one fourth"


@pytest.mark.parametrize(("figure_id", "words"), [
    ("gdp-share", "more than 10 percent"),
    ("foreign-professionals", "over 300"),
    ("high-caliber-professionals", "about 35,000"),
])
def test_qualifiers_are_kept(dataset, figure_id, words):
    figure = dataset.figure(figure_id)
    assert figure.qualifier is not None
    assert words in figure.quote


def test_quotes_are_verbatim_from_the_article(article_figures):
    if not ARTICLE.exists():
        pytest.skip("the source article is not beside the checkout")
    text = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    not_found = [f.id for f in article_figures if f.quote and f.quote not in text]
    assert not_found == []


def test_every_source_is_cited_and_every_citation_resolves(dataset):
    cited = {r.source for r in (*dataset.figures, *dataset.facts, *dataset.companies)}
    assert cited == {s.id for s in dataset.sources}
