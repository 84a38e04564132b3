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
from enum import IntEnum, StrEnum
from typing import Annotated, Literal

from kiosk.model.rules import OneOfKinds, Refers, Rules


Id = Annotated[str, Rules(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
LanguageCode = Annotated[str, Rules(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]
NonEmpty = Annotated[str, Rules(min_length=1)]
HttpUrl = Annotated[str, Rules(pattern=r"^https?://\S+$")]
Amount = Annotated[float, Rules(ge=0, allow_inf_nan=False)]
# Ids that name another record: the checks follow them (and an editor offers a picker).
FigureRef = Annotated[Id, Refers("figure")]
FactRef = Annotated[Id, Refers("fact")]
SourceRef = Annotated[Id, Refers("source")]
UnitRef = Annotated[Id, Refers("unit")]
IndustryRef = Annotated[Id, Refers("industry")]
MediaRef = Annotated[Id, Refers("media")]
Fraction = Annotated[float, Rules(ge=0, le=1, allow_inf_nan=False)]
# A picture's file: a plain name in the media folder (no folders, so no path can leave it).
MediaFile = Annotated[str, Rules(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(png|jpg|jpeg|webp|PNG|JPG|JPEG|WEBP)$")]

# A tab bar and a screen have room for this much (more would shrink touch targets or pages).
MAX_TABS = 7
MAX_BLOCKS = 6


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


class Scale(StrEnum):
    LINEAR = "linear"
    LOG = "log"


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
class Media(Record):
    """A picture (PNG, JPEG or WebP) in the "media" folder beside the data file."""

    id: Id
    file: Annotated[MediaFile, Rules('Its file name in the media folder, e.g. "harbour.jpg".')]
    alt: Annotated[Text, Rules("What the picture shows, for visitors who cannot see it (read aloud).")]
    credit: Annotated[Text, Rules("Who made the picture; shown with it.")]
    licence: Annotated[NonEmpty, Rules('The terms it is shown under, e.g. "CC BY 4.0" or "with permission".')]
    source: Annotated[SourceRef | None, Rules("Where it was published, if it was.")] = None
    approval: Annotated[NonEmpty | None, Rules("The approval number a map shown in public in China needs "
                                               "(审图号), shown with it.")] = None
    focus: Annotated[tuple[Fraction, Fraction], Rules(
        "The point (x, y, each 0 to 1 from the top left) that stays in view when a place crops it.")] = (0.5, 0.5)


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
    unit: UnitRef
    year: Annotated[int, Rules("The year the figure refers to.")]
    source: SourceRef
    quote: Annotated[NonEmpty | None, Rules("The figure exactly as the source states it.")] = None
    note: Text | None = None
    secondary: Annotated[FigureRef | None, Rules("Another figure shown under this one.")] = None
    part_of: Annotated[FigureRef | None, Rules("A figure (same unit) this one is a part of.")] = None
    series: Annotated[tuple[SeriesPoint, ...],
                      Rules("Values by year from a source; a chart is shown once there are two.")] = ()


@record
class Fact(Record):
    """A sourced statement without a single number (e.g. a railway opening)."""

    id: Id
    title: Text
    text: Text
    year: int
    source: SourceRef
    quote: NonEmpty | None = None
    photo: MediaRef | None = None


@record
class Company(Record):
    id: Id
    name: Text
    industry: IndustryRef | None = None
    description: Text | None = None
    source: SourceRef
    photo: MediaRef | None = None


@record
class Industry(Record):
    id: Id
    name: Text
    share: Annotated[FigureRef, Rules("Figure id: the cluster's share of the city's total (percent).")]
    description: Text | None = None
    photo: MediaRef | None = None


@record
class Zone(Record):
    name: Text
    short_name: Text
    founded: Annotated[int, Rules("The year the zone was established: no figure refers to an earlier year.")]


class BlockWidth(IntEnum):
    """How much of a row a block takes beside the others, in landscape (portrait stacks them)."""

    NARROW = 1
    WIDE = 2
    WIDEST = 3


@record
class Block(Record):
    """What every block has: where it goes on its tab. Small hints only, so that an editor
    cannot build a broken screen: blocks sit side by side in rows in landscape, one above the
    other in portrait."""

    width: Annotated[BlockWidth, Rules("Share of the row beside the other blocks, in landscape: 1, 2 or 3.")] = (
        BlockWidth.NARROW)
    below: Annotated[bool, Rules("Under the block before it, in the same column, instead of beside it.")] = False
    new_row: Annotated[bool, Rules("Starts a new row under the blocks before it.")] = False


@record
class FigureCards(Block):
    """Figures as cards: label, value with unit and qualifier, source; a series adds a chart."""

    kind: Literal["figure-cards"]
    figures: Annotated[tuple[FigureRef, ...], Rules(min_length=1)]


@record
class BarChart(Block):
    """Figures as horizontal bars, each labelled with its value; tap a bar for its source."""

    kind: Literal["bar-chart"]
    title: Text
    figures: Annotated[tuple[FigureRef, ...], Rules("At least two: one bar compares nothing.", min_length=1)]
    scale: Annotated[Scale, Rules("log keeps very small and very large values readable together.")] = Scale.LINEAR


@record
class ShareComparison(Block):
    """Shares of wholes (percent figures) compared as bars, e.g. land versus output."""

    kind: Literal["comparison"]
    title: Text
    figures: Annotated[tuple[FigureRef, ...], Rules("Percent figures; at least two.", min_length=1)]


@record
class PartOfWhole(Block):
    """One percent figure as a ring."""

    kind: Literal["ring"]
    figure: FigureRef
    title: Annotated[Text | None, Rules("Shown above the ring, the figure's label under it; "
                                        "without a title the figure's label is the title.")] = None
    colour: Annotated[Annotated[int, Rules(ge=1, le=7)] | None,
                      Rules("Which chart colour (1 to 7); none: the accent colour.")] = None


@record
class Highlights(Block):
    """Figures as a compact grid of values and labels, three to a row."""

    kind: Literal["highlights"]
    figures: Annotated[tuple[FigureRef, ...], Rules(min_length=1)]
    title: Text | None = None


@record
class Facts(Block):
    """Sourced statements as tiles, and single figures as "label: value" tiles."""

    kind: Literal["facts"]
    title: Text | None = None
    facts: tuple[FactRef, ...] = ()
    figures: tuple[FigureRef, ...] = ()


@record
class IndustryExplorer(Block):
    """Every industry's share as bars; tapping one shows its details and companies."""

    kind: Literal["industry-explorer"]
    title: Text
    hint: Annotated[Text, Rules("Tells visitors what to tap.")]
    share: Annotated[Text, Rules('The selected industry\'s share, with "{value}" where the number goes.')]
    companies_title: Text


@record
class Series(Block):
    """A figure's values by year, as columns."""

    kind: Literal["series"]
    figure: Annotated[FigureRef, Rules("A figure with a series of at least two years.")]
    title: Text | None = None


@record
class TextBlock(Block):
    """A heading and a paragraph."""

    kind: Literal["text"]
    title: Text | None = None
    text: Text


@record
class Photo(Block):
    """One picture with its caption, credit and licence."""

    kind: Literal["photo"]
    media: MediaRef
    caption: Text | None = None


@record
class Gallery(Block):
    """Pictures a visitor swipes through (or steps through with the arrows)."""

    kind: Literal["gallery"]
    media: Annotated[tuple[MediaRef, ...], Rules("At least two pictures.", min_length=2)]
    title: Text | None = None


# Every kind of block a tab can hold; "kind" says which (the validator and schema follow this).
BLOCK_KINDS = (FigureCards, BarChart, ShareComparison, PartOfWhole, Highlights, Facts, IndustryExplorer,
               Series, TextBlock, Photo, Gallery)
AnyBlock = Annotated[FigureCards | BarChart | ShareComparison | PartOfWhole | Highlights | Facts | IndustryExplorer
                     | Series | TextBlock | Photo | Gallery, OneOfKinds()]


@record
class Tab(Record):
    """One tab of the kiosk: its title in the tab bar, a headline, and its blocks in order."""

    id: Id
    title: Text
    headline: Text
    blocks: Annotated[tuple[AnyBlock, ...], Rules(min_length=1, max_length=MAX_BLOCKS)]
    banner: Annotated[MediaRef | None, Rules("A wide picture across the top of the tab.")] = None


@record
class Dataset(Record):
    # The file may name its JSON Schema in "$schema" (for editors); the validator takes it out.
    schema_version: Annotated[int, Rules("2: tabs made of blocks (files of version 1 are read as 2).", ge=2, le=2)] = 2
    languages: Annotated[tuple[LanguageCode, ...], Rules(min_length=1)]
    zone: Zone
    units: dict[Id, Unit]
    sources: Annotated[tuple[Source, ...], Rules(min_length=1)]
    figures: Annotated[tuple[Figure, ...], Rules(min_length=1)]
    facts: tuple[Fact, ...] = ()
    companies: tuple[Company, ...] = ()
    industries: Annotated[tuple[Industry, ...], Rules(min_length=1)]
    media: Annotated[tuple[Media, ...], Rules("Pictures, each a file in the media folder beside the data file.")] = ()
    views: Annotated[tuple[Tab, ...], Rules("The tabs, in the order the tab bar shows them.",
                                            min_length=1, max_length=MAX_TABS)]

    def figure(self, figure_id: str) -> Figure:
        return _index(self.figures)[figure_id]

    def tab(self, tab_id: str) -> Tab:
        return _index(self.views)[tab_id]

    @property
    def tab_ids(self) -> tuple[str, ...]:
        return tuple(tab.id for tab in self.views)

    def picture(self, media_id: str) -> Media:
        return _index(self.media)[media_id]

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
