"""Typed, immutable dataset records. Qt-free: views receive these objects, never JSON.

The JSON Schema in ``data/schema.json`` is generated from these classes
(``python -m kiosk.model.schema``), so editors get completion and checks too.
"""

from __future__ import annotations

import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]
HttpUrl = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Record(BaseModel):
    """Base for every record: immutable, and unknown keys (usually typos) are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(RootModel[dict[LanguageCode, NonEmpty]]):
    """A visible text in every language the dataset declares, e.g. {"en": ..., "zh": ...}."""

    model_config = ConfigDict(frozen=True)

    def __getitem__(self, language: str) -> str:
        return self.root[language]

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.root.items())))


class Qualifier(StrEnum):
    """How the source hedges a figure; always shown, never dropped."""

    MORE_THAN = "more_than"
    ABOUT = "about"


class Unit(Record):
    format: Text = Field(description='Per language, with "{}" where the number goes.')
    scalable: bool = Field(True, description="May be shown in thousands/millions or 万/亿.")
    grouping: bool = Field(True, description="Use thousands separators (false for years).")
    percent: bool = Field(False, description="Values are percentages: 0 to 100.")


class Source(Record):
    id: Id
    outlet: Text
    title: NonEmpty | None = Field(None, description="Title as published, in its own language.")
    date: datetime.date
    url: HttpUrl | None = None


class SeriesPoint(Record):
    year: int
    value: Annotated[float, Field(ge=0, allow_inf_nan=False)]


class Figure(Record):
    id: Id
    label: Text
    value: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    qualifier: Qualifier | None = None
    unit: Id
    year: int = Field(description="The year the figure refers to.")
    source: Id
    quote: NonEmpty | None = Field(None, description="The figure exactly as the source states it.")
    note: Text | None = None
    secondary: Id | None = Field(None, description="Another figure shown under this one.")
    part_of: Id | None = Field(None, description="A figure (same unit) this one is a part of.")
    series: tuple[SeriesPoint, ...] = Field(
        (), description="Values by year from a source; a chart is shown once there are two."
    )


class Fact(Record):
    """A sourced statement without a single number (e.g. a railway opening)."""

    id: Id
    title: Text
    text: Text
    year: int
    source: Id
    quote: NonEmpty | None = None


class Company(Record):
    id: Id
    name: Text
    industry: Id | None = None
    description: Text | None = None
    source: Id


class Industry(Record):
    id: Id
    name: Text
    share: Id = Field(description="Figure id: the cluster's share of the city's total (percent).")
    description: Text | None = None


class Zone(Record):
    name: Text
    short_name: Text
    founded: int = Field(description="The year the zone was established: no figure refers to an earlier year.")


class Comparison(Record):
    title: Text
    figures: tuple[Id, ...] = Field(min_length=1)


class OverviewView(Record):
    title: Text
    headline: Text
    cards: tuple[Id, ...] = Field(min_length=1)
    comparison: Comparison | None = None
    highlights: tuple[Id, ...] = ()


class IndustriesView(Record):
    title: Text
    headline: Text
    chart_title: Text
    hint: Text
    companies_title: Text


class PartOfWhole(Record):
    title: Text
    figure: Id


class FigureGroup(Record):
    title: Text
    figures: tuple[Id, ...] = Field(min_length=1)


class InnovationView(Record):
    title: Text
    headline: Text
    cards: tuple[Id, ...] = ()
    part_of_whole: PartOfWhole | None = None
    talent: FigureGroup | None = None


class Transport(Record):
    title: Text
    figures: tuple[Id, ...] = ()
    facts: tuple[Id, ...] = ()


class LivingView(Record):
    title: Text
    headline: Text
    gauge: Id | None = None
    cards: tuple[Id, ...] = ()
    transport: Transport | None = None
    facts: tuple[Id, ...] = ()


class Views(Record):
    overview: OverviewView
    industries: IndustriesView
    innovation: InnovationView
    living: LivingView


class Dataset(Record):
    schema_ref: str | None = Field(None, alias="$schema")
    schema_version: int = Field(1, ge=1, le=1)
    languages: tuple[LanguageCode, ...] = Field(min_length=1)
    zone: Zone
    units: dict[Id, Unit]
    sources: tuple[Source, ...] = Field(min_length=1)
    figures: tuple[Figure, ...] = Field(min_length=1)
    facts: tuple[Fact, ...] = ()
    companies: tuple[Company, ...] = ()
    industries: tuple[Industry, ...] = Field(min_length=1)
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
    # Small tuples: a linear scan is cheaper than caching a dict on a frozen model.
    return {record.id: record for record in records}
