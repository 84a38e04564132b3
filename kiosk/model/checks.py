"""Checks that a schema cannot express: references, duplicates, translations, plausibility. Qt-free."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass

from kiosk.model.dataset import Dataset, Text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, phrased for the person who edits it."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def check_dataset(dataset: Dataset, today: datetime.date | None = None) -> list[Problem]:
    references = list(_unknown_references(dataset))
    return [
        *_duplicate_ids(dataset),
        *_missing_translations(dataset, dataset.languages),
        *references,
        # Value checks follow references; with a broken reference they could only guess.
        *([] if references else _implausible_values(dataset, today or datetime.date.today())),
        *_empty_views(dataset),
    ]


def _implausible_values(d: Dataset, today: datetime.date) -> Iterator[Problem]:
    for i, f in enumerate(d.figures):
        if d.unit(f.unit).percent and not 0 <= f.value <= 100:
            yield Problem(f"figures.{i}.value", f"{f.value:g} is not a percentage between 0 and 100")
        if f.part_of is not None:
            whole = d.figure(f.part_of)
            if f.value > whole.value:
                yield Problem(f"figures.{i}.value",
                              f'{f.value:g} is larger than its whole "{whole.id}" ({whole.value:g})')
            if f.unit != whole.unit:
                yield Problem(f"figures.{i}.part_of", f'"{whole.id}" is in {whole.unit}, this figure in {f.unit}')
        yield from _year(f"figures.{i}.year", f.year, d.zone.founded, today)
        for j, point in enumerate(f.series):
            yield from _year(f"figures.{i}.series.{j}.year", point.year, d.zone.founded, today)
    for i, fact in enumerate(d.facts):
        yield from _year(f"facts.{i}.year", fact.year, None, today)
    for i, source in enumerate(d.sources):
        if source.date > today:
            yield Problem(f"sources.{i}.date", f"{source.date.isoformat()} is in the future")


def _year(path: str, year: int, founded: int | None, today: datetime.date) -> Iterator[Problem]:
    if year > today.year:
        yield Problem(path, f"{year} is in the future")
    elif founded is not None and year < founded:
        yield Problem(path, f"{year} is before the zone existed (founded {founded})")


def _empty_views(d: Dataset) -> Iterator[Problem]:
    innovation, living = d.views.innovation, d.views.living
    if not (innovation.cards or innovation.part_of_whole or innovation.talent):
        yield Problem("views.innovation", "the view shows nothing: give it cards, part_of_whole or talent")
    if not (living.gauge or living.cards or living.transport or living.facts):
        yield Problem("views.living", "the view shows nothing: give it a gauge, cards, transport or facts")


def _duplicate_ids(dataset: Dataset) -> Iterator[Problem]:
    for collection in ("sources", "figures", "facts", "companies", "industries"):
        records = getattr(dataset, collection)
        counts = Counter(record.id for record in records)
        for index, record in enumerate(records):
            if counts[record.id] > 1:
                yield Problem(f"{collection}.{index}.id", f'duplicate id "{record.id}"')


def _missing_translations(node, languages, path: str = "") -> Iterator[Problem]:
    if isinstance(node, Text):
        for language in languages:
            if language not in node.root:
                yield Problem(path, f'missing the "{language}" text')
    elif is_dataclass(node):
        for field in fields(node):
            yield from _missing_translations(getattr(node, field.name), languages, _join(path, field.name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _missing_translations(value, languages, _join(path, key))
    elif isinstance(node, tuple):
        for index, value in enumerate(node):
            yield from _missing_translations(value, languages, _join(path, index))


def _join(path: str, key) -> str:
    return f"{path}.{key}" if path else str(key)


def _unknown_references(dataset: Dataset) -> Iterator[Problem]:
    known = {
        "source": {s.id for s in dataset.sources},
        "figure": {f.id for f in dataset.figures},
        "fact": {f.id for f in dataset.facts},
        "industry": {i.id for i in dataset.industries},
        "unit": set(dataset.units),
    }
    for path, kind, ref in _references(dataset):
        if ref is not None and ref not in known[kind]:
            yield Problem(path, f'unknown {kind} id "{ref}"')


def _references(d: Dataset) -> Iterator[tuple[str, str, str | None]]:
    for i, f in enumerate(d.figures):
        yield f"figures.{i}.source", "source", f.source
        yield f"figures.{i}.unit", "unit", f.unit
        yield f"figures.{i}.secondary", "figure", f.secondary
        yield f"figures.{i}.part_of", "figure", f.part_of
    for collection in ("facts", "companies"):
        for i, record in enumerate(getattr(d, collection)):
            yield f"{collection}.{i}.source", "source", record.source
    for i, c in enumerate(d.companies):
        yield f"companies.{i}.industry", "industry", c.industry
    for i, industry in enumerate(d.industries):
        yield f"industries.{i}.share", "figure", industry.share
    yield from _view_references(d)


def _view_references(d: Dataset) -> Iterator[tuple[str, str, str | None]]:
    overview, innovation, living = d.views.overview, d.views.innovation, d.views.living
    yield from _each("views.overview.cards", "figure", overview.cards)
    yield from _each("views.overview.highlights", "figure", overview.highlights)
    if overview.comparison:
        yield from _each("views.overview.comparison.figures", "figure", overview.comparison.figures)
    yield from _each("views.innovation.cards", "figure", innovation.cards)
    if innovation.part_of_whole:
        yield "views.innovation.part_of_whole.figure", "figure", innovation.part_of_whole.figure
    if innovation.talent:
        yield from _each("views.innovation.talent.figures", "figure", innovation.talent.figures)
    yield "views.living.gauge", "figure", living.gauge
    yield from _each("views.living.cards", "figure", living.cards)
    yield from _each("views.living.facts", "fact", living.facts)
    if living.transport:
        yield from _each("views.living.transport.figures", "figure", living.transport.figures)
        yield from _each("views.living.transport.facts", "fact", living.transport.facts)


def _each(path: str, kind: str, ids) -> Iterator[tuple[str, str, str]]:
    for index, ref in enumerate(ids):
        yield f"{path}.{index}", kind, ref
