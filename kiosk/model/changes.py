"""What changes for visitors between two versions of a dataset, in words a person reads. Qt-free.

``compare(old, new)`` walks both datasets field by field (dataclasses.fields), so a record kind
added to the dataset later is compared without a change here. Each difference is one ``Change``:

- a figure's value (with its unit and qualifier, formatted as visitors read it), year, source
  or any other field: ``figure "Regional GDP" (gdp): value: 53.19 billion yuan -> 54 billion yuan``
- a visible text, one per language: ``tab "Overview" (overview): headline [en]: "…" -> "…"``
- an item added or removed (records with an id are matched by it; blocks, which have none, by
  being equal, else by being the most alike of the same kind)
- a list whose items stayed but moved: ``tabs reordered: Overview, Living -> Living, Overview``

Items are named by their name in the summary language and their id, never by a list index.
``Changes.summary`` says it in one line: "3 figures changed, 1 text changed, 1 tab added".
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kiosk.model.dataset import Dataset, Figure, Id, Record, Text
from kiosk.model.formatting import format_figure, format_value

ADDED, REMOVED, CHANGED, TEXT, REORDERED = "added", "removed", "changed", "text", "reordered"
_ID = re.compile(Id.__metadata__[0].constraints["pattern"])
_NAME_LENGTH = 40  # a long name (a paragraph used as one) is cut here
_NAMES_LISTED = 2  # a block named by its figures names this many


@dataclass(frozen=True)
class Change:
    """One difference a visitor would see. ``old`` and ``new`` are as shown (None: nothing)."""

    kind: str  # ADDED, REMOVED, CHANGED, TEXT or REORDERED
    noun: str  # what kind of item: "figure", "tab", "block", ...
    item: str  # which one, by name and id: 'figure "Regional GDP" (gdp)'
    field: str = ""  # what of it changed: "value", "label"
    language: str = ""  # the language of a changed text
    old: str | None = None
    new: str | None = None

    def __str__(self) -> str:
        if self.kind in (ADDED, REMOVED):
            return f"{self.kind}: {self.item}"
        if self.kind == REORDERED:
            return f"{self.item} reordered: {self.old} -> {self.new}"
        what = f"{self.field} [{self.language}]" if self.language else self.field
        return f"{self.item}: {what}: {_shown(self.old)} -> {_shown(self.new)}"

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Changes:
    items: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def summary(self) -> str:
        return summarise(self.items)

    def lines(self) -> list[str]:
        return [str(change) for change in self.items]


def compare(old: Dataset, new: Dataset, language: str = "en") -> Changes:
    """Everything that differs for visitors from `old` to `new`; names and numbers in `language`
    (or each dataset's first language, if it does not have that one)."""
    comparison = _Comparison(old, new, language)
    comparison.records(old, new, _ROOT)
    return Changes(tuple(comparison.found))


def summarise(changes: Iterable[Change]) -> str:
    """One line: how many items of each kind changed, were added, removed or reordered."""
    changes = list(changes)
    if not changes:
        return "no change"
    parts = []
    for kind in (CHANGED, TEXT, ADDED, REMOVED, REORDERED):
        of_kind = [c for c in changes if c.kind == kind]
        # A figure with a new value and a new year is one figure changed; each text counts.
        if kind == CHANGED:
            counts = Counter(noun for noun, _ in dict.fromkeys((c.noun, c.item) for c in of_kind))
        else:
            counts = Counter("text" if kind == TEXT else c.noun for c in of_kind)
        for noun, count in counts.items():
            parts.append(_phrase(kind, noun, count))
    return ", ".join(parts)


def _phrase(kind: str, noun: str, count: int) -> str:
    if kind == REORDERED:
        return f"{_plural(noun)} reordered" + (f" in {count} places" if count > 1 else "")
    return f"{count} {noun if count == 1 else _plural(noun)} {CHANGED if kind == TEXT else kind}"


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def _shown(value: str | None) -> str:
    return "none" if value is None else value


@dataclass(frozen=True)
class _Item:
    """Where a difference is: the item's kind, its words, and the units its amounts are in."""

    noun: str
    address: str
    units: tuple = (None, None)  # (old, new) Unit of the figure an amount belongs to

    def inner(self, address: str) -> str:
        return address if self is _ROOT else f"{address} in {self.address}"


_ROOT = _Item("setting", "dataset")

# Fields visitors read as one value, compared and shown together: a figure's number, unit
# and qualifier are "53.19 billion yuan" or "≈ 300 km", not three separate changes.
_SHOWN_TOGETHER: dict[type, tuple[tuple[str, ...], str, Callable]] = {
    Figure: (("value", "qualifier", "unit"), "value", format_figure),
}


class _Comparison:
    def __init__(self, old: Dataset, new: Dataset, language: str):
        self.datasets = (old, new)
        self.languages = tuple(language if language in d.languages else d.languages[0] for d in (old, new))
        self.named = tuple(_names_by_id(d, lang) for d, lang in zip(self.datasets, self.languages))
        self.found: list[Change] = []

    def add(self, kind: str, item: _Item, field: str = "", language: str = "", old=None, new=None) -> None:
        self.found.append(Change(kind, item.noun, item.address, field, language, old, new))

    def records(self, old, new, item: _Item) -> None:
        """Two versions of one record (same type): each field that differs."""
        if isinstance(getattr(new, "unit", None), str):  # amounts inside (a series) are in this unit
            units = tuple(d.units.get(r.unit) for d, r in zip(self.datasets, (old, new)))
            item = dataclasses.replace(item, units=units)
        together = _SHOWN_TOGETHER.get(type(new))
        if together is not None:
            names, label, show = together
            if any(getattr(old, name) != getattr(new, name) for name in names):
                self.add(CHANGED, item, label, old=show(old, self.datasets[0], self.languages[0]),
                         new=show(new, self.datasets[1], self.languages[1]))
        for field in dataclasses.fields(new):
            before, after = getattr(old, field.name), getattr(new, field.name)
            if before != after and not (together and field.name in together[0]):
                self.field(before, after, item, _words(field.name))

    def field(self, old, new, item: _Item, name: str) -> None:
        if isinstance(old, Text) or isinstance(new, Text):
            self.texts(old, new, item, name)
        elif _holds_records(old) or _holds_records(new):
            self.collection(old or (), new or (), item)
        elif _is_record(old) and type(old) is type(new):
            self.records(old, new, _Item(_noun(new), item.inner(name), item.units))
        else:
            self.add(CHANGED, item, name, old=self.show(old, 0, item), new=self.show(new, 1, item))

    def texts(self, old: Text | None, new: Text | None, item: _Item, name: str) -> None:
        before, after = (old.root if old else {}), (new.root if new else {})
        order = [*self.datasets[1].languages, *sorted(set(before) | set(after))]
        for language in dict.fromkeys(order):
            if before.get(language) != after.get(language):
                self.add(TEXT, item, name, language, _quoted(before.get(language)), _quoted(after.get(language)))

    def collection(self, old, new, parent: _Item) -> None:
        if isinstance(old, dict) or isinstance(new, dict):
            self.keyed(dict(old), dict(new), parent, ordered=False)
        elif all(_has_id(r) for r in (*old, *new)):
            self.keyed({r.id: r for r in old}, {r.id: r for r in new}, parent, ordered=True)
        else:
            self.unkeyed(old, new, parent)

    def keyed(self, old: dict, new: dict, parent: _Item, ordered: bool) -> None:
        for key, record in old.items():
            if key not in new:
                self.add(REMOVED, self.item(record, parent, 0, key))
        for key, record in new.items():
            if key not in old:
                self.add(ADDED, self.item(record, parent, 1, key))
            elif old[key] != record:
                self.records(old[key], record, self.item(record, parent, 1, key))
        if ordered:
            kept = [key for key in new if key in old]
            before = [key for key in old if key in new]
            if before != kept:
                self.reordered([old[k] for k in before], [new[k] for k in kept], parent)

    def unkeyed(self, old: tuple, new: tuple, parent: _Item) -> None:
        pairs, removed, added = _pair(old, new)
        for i in removed:
            self.add(REMOVED, self.item(old[i], parent, 0))
        for j in added:
            self.add(ADDED, self.item(new[j], parent, 1))
        for i, j in pairs:
            if old[i] != new[j]:
                self.records(old[i], new[j], self.item(new[j], parent, 1))
        moved = [j for _, j in pairs]
        if moved != sorted(moved):
            self.reordered([old[i] for i, _ in pairs], [new[j] for j in sorted(moved)], parent)

    def reordered(self, old: list, new: list, parent: _Item) -> None:
        noun = _noun(new[0])
        where = _plural(noun) if parent is _ROOT else f"{_plural(noun)} of {parent.address}"
        self.add(REORDERED, _Item(noun, where), old=", ".join(self.label(r, 0) for r in old),
                 new=", ".join(self.label(r, 1) for r in new))

    def item(self, record, parent: _Item, side: int, key: str | None = None) -> _Item:
        key = getattr(record, "id", key)
        noun = _noun(record)
        name = self.name(record, side)
        if key is not None:
            address = f"{noun} {name} ({key})" if name != key else f"{noun} {key}"
        else:
            address = self.label(record, side)
        return _Item(noun, parent.inner(address), parent.units)

    def label(self, record, side: int) -> str:
        """A record in a list of its own kind: its name; a block also says what kind it is."""
        if _has_id(record):
            return self.name(record, side)
        kind = getattr(record, "kind", None)
        return f"{_words(kind) if isinstance(kind, str) else _noun(record)} {self.name(record, side)}"

    def name(self, record, side: int) -> str:
        """A record as a person calls it: its first text (name, label, title), else the
        records it shows, else its id, else its first plain value."""
        text = _first_text(record, self.languages[side])
        if text is not None:
            return _quoted(_cut(text))
        for field in dataclasses.fields(record):
            named = self.references(getattr(record, field.name), side)
            if named:
                listed = ", ".join(map(_cut, named[:_NAMES_LISTED])) + (", …" if len(named) > _NAMES_LISTED else "")
                return f"({listed})"
        values = [getattr(record, f.name) for f in dataclasses.fields(record) if f.name not in ("id", "kind")]
        plain = next((v for v in values if isinstance(v, (int, float, str, datetime.date))), None)
        return getattr(record, "id", None) or self.show(plain, side, _ROOT)

    def references(self, value, side: int) -> list[str]:
        ids = value if isinstance(value, tuple) else (value,)
        names = self.named[side]
        return [names[i] for i in ids if isinstance(i, str) and i in names]

    def show(self, value, side: int, item: _Item) -> str | None:
        """A value as it reads: numbers with their unit, ids as the names of what they name."""
        language = self.languages[side]
        if value is None:
            return None
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, enum.Enum):
            return str(value.value)
        if isinstance(value, float) and item.units[side] is not None:
            return format_value(value, item.units[side], language)
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, str):
            named = self.references(value, side)
            return f"{named[0]} ({value})" if named else _quoted(value)
        if isinstance(value, tuple):
            return ", ".join(self.show(v, side, item) or "none" for v in value) or "none"
        if isinstance(value, Text):
            return _quoted(value.root.get(language))
        if _is_record(value):
            return self.name(value, side)
        return f"{value:g}" if isinstance(value, float) else str(value)


def _names_by_id(dataset: Dataset, language: str) -> dict[str, str]:
    """Every named record with an id (figures, sources, tabs, …): id -> its name. An id two
    kinds of record share names neither (it is shown as the bare id)."""
    found: dict[str, list[str]] = {}
    for field in dataclasses.fields(dataset):
        value = getattr(dataset, field.name)
        if isinstance(value, tuple):
            for record in value:
                if _has_id(record):
                    found.setdefault(record.id, []).append(_first_text(record, language))
    return {key: names[0] for key, names in found.items() if len(names) == 1 and names[0] is not None}


def _first_text(record, language: str) -> str | None:
    """The record's first text in `language`; a template ("{} km") is not a name."""
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if isinstance(value, Text):
            text = value.root.get(language) or next(iter(value.root.values()))
            return None if "{" in text else text
    return None


def _pair(old: tuple, new: tuple) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Records without ids (blocks, series points) matched across two lists: equal ones first,
    then the most alike of the same type (ties: the nearest position). Returns the pairs
    (old index, new index) in old order, then the old ones left (removed) and the new (added)."""
    free_old, free_new = list(range(len(old))), list(range(len(new)))
    pairs = []

    def take(i: int, j: int) -> None:
        pairs.append((i, j))
        free_old.remove(i)
        free_new.remove(j)

    for i in list(free_old):
        j = next((j for j in free_new if old[i] == new[j]), None)
        if j is not None:
            take(i, j)
    candidates = sorted((-_alike(old[i], new[j]), abs(i - j), i, j)
                        for i in free_old for j in free_new if type(old[i]) is type(new[j]))
    for score, _, i, j in candidates:
        if score < 0 and i in free_old and j in free_new:
            take(i, j)
    return sorted(pairs), free_old, free_new


def _alike(a, b) -> int:
    return sum(getattr(a, f.name) == getattr(b, f.name) for f in dataclasses.fields(a))


def _is_record(value) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def _has_id(record) -> bool:
    return _is_record(record) and "id" in {f.name for f in dataclasses.fields(record)}


def _holds_records(value) -> bool:
    items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else ()
    return any(_is_record(item) for item in items)


def _noun(record) -> str:
    """The kind of item in words, from its record type: the type just under Record, so every
    kind of block is a "block"."""
    mro = type(record).__mro__
    kind = mro[mro.index(Record) - 1] if Record in mro else type(record)
    return _words(kind.__name__)


def _words(name: str) -> str:
    """"SeriesPoint", "short_name", "bar-chart" -> "series point", "short name", "bar chart"."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").replace("-", " ").lower()


def _quoted(text: str | None) -> str | None:
    return None if text is None else f'"{text}"'


def _cut(text: str) -> str:
    return text if len(text) <= _NAME_LENGTH else text[:_NAME_LENGTH - 1].rstrip() + "…"
