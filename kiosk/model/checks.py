"""Checks that a schema cannot express: references, duplicates, translations, plausibility. Qt-free."""

from __future__ import annotations

import datetime
import functools
import types
import typing
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, fields

from kiosk.model.dataset import (BarChart, Dataset, Facts, Gallery, IndustryExplorer, PartOfWhole, Series,
                                  ShareComparison, Text)
from kiosk.model import problem_texts as T
from kiosk.model.rules import Refers
from kiosk.wording import Message, say


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, phrased for the person who edits it."""

    path: str
    message: Message | str  # a Message is shown in the language of whoever reads it (kiosk.wording)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else str(self.message)

    @property
    def said(self) -> Message | str:
        """The whole line as a Message, for a reader in another language (kiosk.wording)."""
        return say(T.AT_PATH, path=self.path, message=self.message) if self.path else self.message


def check_dataset(dataset: Dataset, today: datetime.date | None = None) -> list[Problem]:
    nodes = list(_nodes(dataset))  # walked once for the translation and the reference checks
    references = list(_unknown_references(dataset, nodes))
    return [
        *_duplicate_ids(dataset),
        *_missing_translations(nodes, dataset.languages),
        *references,
        # Value checks follow references; with a broken reference they could only guess.
        *([] if references else _implausible_values(dataset, today or datetime.date.today())),
        *([] if references else _tab_problems(dataset)),
    ]


def _implausible_values(d: Dataset, today: datetime.date) -> Iterator[Problem]:
    figures = {f.id: f for f in d.figures}  # d.figure() indexes them again at every call
    for i, f in enumerate(d.figures):
        if d.unit(f.unit).percent and not 0 <= f.value <= 100:
            yield Problem(f"figures.{i}.value", say(T.NOT_A_PERCENTAGE, value=f"{f.value:g}"))
        if f.part_of is not None:
            whole = figures[f.part_of]
            if f.value > whole.value:
                yield Problem(f"figures.{i}.value", say(T.LARGER_THAN_WHOLE, value=f"{f.value:g}", whole=whole.id,
                                                        whole_value=f"{whole.value:g}"))
            if f.unit != whole.unit:
                yield Problem(f"figures.{i}.part_of",
                              say(T.OTHER_UNIT_THAN_WHOLE, whole=whole.id, whole_unit=whole.unit, unit=f.unit))
        yield from _year(f"figures.{i}.year", f.year, d.zone.founded, today)
        for j, point in enumerate(f.series):
            yield from _year(f"figures.{i}.series.{j}.year", point.year, d.zone.founded, today)
    for i, industry in enumerate(d.industries):
        if not d.unit(figures[industry.share].unit).percent:  # the explorer draws shares on 0-100 %
            yield Problem(f"industries.{i}.share", say(T.SHARE_NOT_PERCENTAGE, figure=industry.share))
    for i, fact in enumerate(d.facts):
        yield from _year(f"facts.{i}.year", fact.year, None, today)
    for i, source in enumerate(d.sources):
        if source.date > today:
            yield Problem(f"sources.{i}.date", say(T.DATE_IN_FUTURE, date=source.date.isoformat()))


def _year(path: str, year: int, founded: int | None, today: datetime.date) -> Iterator[Problem]:
    if year > today.year:
        yield Problem(path, say(T.YEAR_IN_FUTURE, year=year))
    elif founded is not None and year < founded:
        yield Problem(path, say(T.BEFORE_FOUNDED, year=year, founded=founded))


def _tab_problems(d: Dataset) -> Iterator[Problem]:
    """What the types cannot say about blocks: each must have something to show, in a form its
    chart can show (references are checked before, with every other reference)."""
    for t, tab in enumerate(d.views):
        for b, block in enumerate(tab.blocks):
            path = f"views.{t}.blocks.{b}"
            if b == 0 and block.below:
                yield Problem(f"{path}.below", say(T.FIRST_BLOCK_BELOW))
            yield from (Problem(f"{path}.{where}" if where else path, message)
                        for where, message in _block_problems(d, block))


def _block_problems(d: Dataset, block) -> Iterator[tuple[str, Message]]:
    if isinstance(block, (BarChart, ShareComparison)) and len(block.figures) < 2:
        yield "figures", say(T.ONE_BAR)
    if isinstance(block, (ShareComparison, PartOfWhole)):
        for where, figure_id in _figure_fields(block):
            if not d.unit(d.figure(figure_id).unit).percent:
                yield where, say(T.SHARES_NOT_PERCENTAGE, figure=figure_id)
    if isinstance(block, Facts) and not (block.facts or block.figures):
        yield "", say(T.SHOWS_NOTHING)
    if isinstance(block, Series) and len(d.figure(block.figure).series) < 2:
        yield "figure", say(T.NO_SERIES, figure=block.figure)
    if isinstance(block, Gallery):
        for index in _repeated(block.media):
            yield f"media.{index}", say(T.REPEATED_PICTURE, media=block.media[index])
    if isinstance(block, IndustryExplorer):
        if len(d.industries) < 2:
            yield "", say(T.ONE_INDUSTRY)
        if any("{value}" not in block.share[language] for language in block.share.root):
            yield "share", say(T.SHARE_WITHOUT_VALUE)


def _repeated(items) -> Iterator[int]:
    """The places of items that came earlier in the list too."""
    seen = set()
    for index, item in enumerate(items):
        if item in seen:
            yield index
        seen.add(item)


def _figure_fields(block) -> Iterator[tuple[str, str]]:
    if isinstance(block, PartOfWhole):
        yield "figure", block.figure
    else:
        yield from ((f"figures.{i}", figure_id) for i, figure_id in enumerate(block.figures))


def _duplicate_ids(dataset: Dataset) -> Iterator[Problem]:
    for collection in ("sources", "figures", "facts", "companies", "industries", "views", "media"):
        records = getattr(dataset, collection)
        counts = Counter(record.id for record in records)
        for index, record in enumerate(records):
            if counts[record.id] > 1:
                yield Problem(f"{collection}.{index}.id", say(T.DUPLICATE_ID, id=record.id))


def _missing_translations(nodes, languages) -> Iterator[Problem]:
    for path, node in nodes:
        if isinstance(node, Text):
            for language in languages:
                if language not in node.root:
                    yield Problem(path, say(T.MISSING_TRANSLATION, language=language))


def _nodes(node, path: str = "") -> Iterator[tuple[str, object]]:
    """Every value in a record and in the records inside it, with its path ("figures.3.label").
    (Dispatched on the exact type, and field names read once per record type: a large dataset
    has a few hundred thousand values, and the checks walk them all.)"""
    yield path, node
    kind = type(node)
    if kind is tuple:
        children = enumerate(node)
    elif kind is dict:
        children = node.items()
    elif hasattr(kind, "__dataclass_fields__"):
        children = ((name, getattr(node, name)) for name in _field_names(kind))
    else:
        return
    for key, value in children:
        yield from _nodes(value, _join(path, key))


@functools.cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in fields(record_type))


def _join(path: str, key) -> str:
    return f"{path}.{key}" if path else str(key)


def _unknown_references(dataset: Dataset, nodes) -> Iterator[Problem]:
    known = {
        "source": {s.id for s in dataset.sources},
        "figure": {f.id for f in dataset.figures},
        "fact": {f.id for f in dataset.facts},
        "industry": {i.id for i in dataset.industries},
        "unit": set(dataset.units),
        "media": {m.id for m in dataset.media},
    }
    for path, kind, ref in _references(dataset, nodes):
        if ref is not None and ref not in known[kind]:
            yield Problem(path, say(T.UNKNOWN_REFERENCE, kind=say(T.REFERENCE_KINDS[kind]), id=ref))


def _references(dataset: Dataset, nodes=None) -> Iterator[tuple[str, str, str | None]]:
    """Every id marked with Refers in the dataset's records, found from their types: a new
    reference field is checked without being listed here."""
    for path, node in (nodes if nodes is not None else _nodes(dataset)):
        if hasattr(type(node), "__dataclass_fields__"):
            yield from marked_references(node, path)


def marked_references(record, path: str) -> Iterator[tuple[str, str, str | None]]:
    """Every id in a record's fields marked with Refers: (path, kind, id)."""
    for name, kind, many in _reference_fields(type(record)):
        value = getattr(record, name)
        if many:
            yield from _each(_join(path, name), kind, value)
        else:
            yield _join(path, name), kind, value


@functools.cache
def _reference_fields(record_type: type) -> tuple[tuple[str, str, bool], ...]:
    """The fields of a record type that name other records: (name, kind, whether a list of them).
    Reading type hints is slow, and every record of a dataset is asked."""
    fields_ = ((name, *_refers(annotation))
               for name, annotation in typing.get_type_hints(record_type, include_extras=True).items())
    return tuple((name, kind, many) for name, kind, many in fields_ if kind is not None)


def _refers(annotation) -> tuple[str | None, bool]:
    """The kind of record a field's ids name, and whether it holds a list of them."""
    while typing.get_origin(annotation) is typing.Annotated and not _marks(annotation):
        annotation = typing.get_args(annotation)[0]  # rules on the list, not on its ids
    optional = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(optional) == 1:
        annotation = optional[0]  # an id or None
    many = typing.get_origin(annotation) is tuple
    if many:
        annotation = typing.get_args(annotation)[0]
    kinds = _marks(annotation)
    return (kinds[0] if kinds else None), many


def _marks(annotation) -> list[str]:
    return [m.kind for m in getattr(annotation, "__metadata__", ()) if isinstance(m, Refers)]


def _each(path: str, kind: str, ids) -> Iterator[tuple[str, str, str]]:
    for index, ref in enumerate(ids):
        yield f"{path}.{index}", kind, ref
