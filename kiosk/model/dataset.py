"""Typed, immutable dataset records. Qt-free: views receive these objects, never JSON.

Plain frozen dataclasses, so defining and reading them costs nothing at start-up. The rules a
data file must follow are written next to each field (``Rules``) and enforced by the validator
(kiosk.model.validation, pydantic), which is only imported when a file has to be checked. The
JSON Schema in ``data/schema.json`` is generated from these classes (``python -m kiosk.model.schema``).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from kiosk.model.rules import Rules


Id = Annotated[str, Rules(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
LanguageCode = Annotated[str, Rules(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]
NonEmpty = Annotated[str, Rules(min_length=1)]
HttpUrl = Annotated[str, Rules(pattern=r"^https?://\S+$")]
Amount = Annotated[float, Rules(ge=0, allow_inf_nan=False)]


class Text:
    """A visible text in every language the dataset declares, e.g. {"en": ..., "zh": ...}."""

    __slots__ = ("root",)

    def __init__(self, root: dict[str, str]):
        object.__setattr__(self, "root", root)

    def __getitem__(self, language: str) -> str:
        return self.root[language]

    def __eq__(self, other) -> bool:
        return isinstance(other, Text) and other.root == self.root

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.root.items())))

    def __repr__(self) -> str:
        return f"Text({self.root!r})"

    def __setattr__(self, name, value):
        raise AttributeError("Text is immutable")

    def __reduce__(self):
        return Text, (self.root,)

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(
            cls, handler(dict[LanguageCode, NonEmpty]), ref="Text",
            serialization=core_schema.plain_serializer_function_ser_schema(lambda text: text.root))

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        json_schema = handler.resolve_ref_schema(handler(core_schema))
        json_schema.update(title="Text", description=cls.__doc__)
        return json_schema


class Qualifier(StrEnum):
    """How the source hedges a figure; always shown, never dropped."""

    MORE_THAN = "more_than"
    ABOUT = "about"


class Record:
    """Base for every record: unknown keys (usually typos) are errors."""

    __pydantic_config__ = {"extra": "forbid"}


record = dataclass(frozen=True, kw_only=True)


@record
class Unit(Record):
    format: Annotated[Text, Rules('Per language, with "{}" where the number goes.')]
    scalable: Annotated[bool, Rules("May be shown in thousands/millions or 万/亿.")] = True
    grouping: Annotated[bool, Rules("Use thousands separators (false for years).")] = True
    percent: Annotated[bool, Rules("Values are percentages: 0 to 100.")] = False


@record
class Source(Record):
    id: Id
    outlet: Text
    title: Annotated[NonEmpty | None, Rules("Title as published, in its own language.")] = None
    date: datetime.date
    url: HttpUrl | None = None


@record
class SeriesPoint(Record):
    year: int
    value: Amount


@record
class Figure(Record):
    id: Id
    label: Text
    value: Amount
    qualifier: Qualifier | None = None
    unit: Id
    year: Annotated[int, Rules("The year the figure refers to.")]
    source: Id
    quote: Annotated[NonEmpty | None, Rules("The figure exactly as the source states it.")] = None
    note: Text | None = None
    secondary: Annotated[Id | None, Rules("Another figure shown under this one.")] = None
    part_of: Annotated[Id | None, Rules("A figure (same unit) this one is a part of.")] = None
    series: Annotated[tuple[SeriesPoint, ...],
                      Rules("Values by year from a source; a chart is shown once there are two.")] = ()


@record
class Fact(Record):
    """A sourced statement without a single number (e.g. a railway opening)."""

    id: Id
    title: Text
    text: Text
    year: int
    source: Id
    quote: NonEmpty | None = None


@record
class Company(Record):
    id: Id
    name: Text
    industry: Id | None = None
    description: Text | None = None
    source: Id


@record
class Industry(Record):
    id: Id
    name: Text
    share: Annotated[Id, Rules("Figure id: the cluster's share of the city's total (percent).")]
    description: Text | None = None


@record
class Zone(Record):
    name: Text
    short_name: Text
    founded: Annotated[int, Rules("The year the zone was established: no figure refers to an earlier year.")]


@record
class Comparison(Record):
    title: Text
    figures: Annotated[tuple[Id, ...], Rules(min_length=1)]


@record
class OverviewView(Record):
    title: Text
    headline: Text
    cards: Annotated[tuple[Id, ...], Rules(min_length=1)]
    comparison: Comparison | None = None
    highlights: tuple[Id, ...] = ()


@record
class IndustriesView(Record):
    title: Text
    headline: Text
    chart_title: Text
    hint: Text
    companies_title: Text


@record
class PartOfWhole(Record):
    title: Text
    figure: Id


@record
class FigureGroup(Record):
    title: Text
    figures: Annotated[tuple[Id, ...], Rules(min_length=1)]


@record
class InnovationView(Record):
    title: Text
    headline: Text
    cards: tuple[Id, ...] = ()
    part_of_whole: PartOfWhole | None = None
    talent: FigureGroup | None = None


@record
class Transport(Record):
    title: Text
    figures: tuple[Id, ...] = ()
    facts: tuple[Id, ...] = ()


@record
class LivingView(Record):
    title: Text
    headline: Text
    gauge: Id | None = None
    cards: tuple[Id, ...] = ()
    transport: Transport | None = None
    facts: tuple[Id, ...] = ()


@record
class Views(Record):
    overview: OverviewView
    industries: IndustriesView
    innovation: InnovationView
    living: LivingView


@record
class Dataset(Record):
    # The file may name its JSON Schema in "$schema" (for editors); the validator takes it out.
    schema_version: Annotated[int, Rules(ge=1, le=1)] = 1
    languages: Annotated[tuple[LanguageCode, ...], Rules(min_length=1)]
    zone: Zone
    units: dict[Id, Unit]
    sources: Annotated[tuple[Source, ...], Rules(min_length=1)]
    figures: Annotated[tuple[Figure, ...], Rules(min_length=1)]
    facts: tuple[Fact, ...] = ()
    companies: tuple[Company, ...] = ()
    industries: Annotated[tuple[Industry, ...], Rules(min_length=1)]
    views: Views

    def figure(self, figure_id: str) -> Figure:
        return _index(self.figures)[figure_id]

    def fact(self, fact_id: str) -> Fact:
        return _index(self.facts)[fact_id]

    def source(self, source_id: str) -> Source:
        return _index(self.sources)[source_id]

    def unit(self, unit_id: str) -> Unit:
        return self.units[unit_id]

    def companies_of(self, industry_id: str | None) -> tuple[Company, ...]:
        return tuple(c for c in self.companies if c.industry == industry_id)


def _index(records):
    # Small tuples: a linear scan is cheaper than caching a dict on a frozen record.
    return {record.id: record for record in records}


def all_texts(node) -> Iterator[Text]:
    """Every visible text of a record and the records inside it (for font coverage checks)."""
    if isinstance(node, Text):
        yield node
    elif dataclasses.is_dataclass(node):
        for field in dataclasses.fields(node):
            yield from all_texts(getattr(node, field.name))
    elif isinstance(node, dict):
        for value in node.values():
            yield from all_texts(value)
    elif isinstance(node, (tuple, list)):
        for value in node:
            yield from all_texts(value)
