"""What each field of a record holds and how it may be edited, read from the model's types. Qt-free.

The records of kiosk.model.dataset say on their types all an editor needs: Text, numbers
with ranges (``Rules``), enums and ``Literal`` kinds, ids marked ``Refers``, optional fields
(``X | None``), lists and records inside records. ``record_fields(Figure)`` turns that into
``Field`` objects; a form is built by walking them, so a record added to the model later gets a
form, a place in the tree and pickers without code here.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache

from kiosk.model.dataset import Dataset, Text
from kiosk.model.rules import Refers, Rules

# What a field holds, as far as an editor is concerned.
TEXT = "text"  # a Text: one string per language
INTEGER = "integer"
NUMBER = "number"
BOOLEAN = "boolean"
DATE = "date"
STRING = "string"
CHOICE = "choice"  # one of a few values (an enum, a Literal)
FIXED = "fixed"  # a Literal with one value: a block's kind, not editable
REFERENCE = "reference"  # the id of another record
LIST = "list"  # a list of plain values or references
TUPLE = "tuple"  # a fixed number of values (a point's x and y)
RECORD = "record"  # a record inside this one (or one of several kinds of record)
RECORDS = "records"  # a list of records
MAPPING = "mapping"  # records by id (the units)
OTHER = "other"  # anything else: edited as JSON

# Holders of other records: shown as the tree's branches rather than in a form.
HOLDERS = (RECORD, RECORDS, MAPPING)


class Missing:
    """A key the JSON leaves out (an optional field not given, a default not written)."""

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING = Missing()


@dataclass(frozen=True)
class Shape:
    kind: str
    optional: bool = False
    description: str | None = None
    constraints: Mapping = field(default_factory=dict)
    refers: str | None = None  # REFERENCE, and a LIST of them: the kind of record named
    choices: tuple = ()  # CHOICE and FIXED: the values as the JSON writes them
    names: tuple = ()  # CHOICE and FIXED: what each value is called ("narrow" for width 1)
    item: Shape | None = None  # LIST: what each item is
    items: tuple = ()  # TUPLE: what each value is
    records: tuple[type, ...] = ()  # RECORD, RECORDS, MAPPING: the record type(s)


@dataclass(frozen=True)
class Field:
    name: str
    shape: Shape
    required: bool
    default: object = MISSING  # as the JSON would write it; MISSING: required or None

    @property
    def description(self) -> str | None:
        return self.shape.description


def is_record(annotation) -> bool:
    return isinstance(annotation, type) and dataclasses.is_dataclass(annotation)


def shape_of(annotation) -> Shape:
    """The Shape of a type annotation, with the rules and marks on every layer of it."""
    rules: list[Rules] = []
    refers, optional = None, False
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation, *metadata = typing.get_args(annotation)
            rules += [m for m in metadata if isinstance(m, Rules)]
            refers = refers or next((m.kind for m in metadata if isinstance(m, Refers)), None)
        elif _is_union(annotation) and type(None) in typing.get_args(annotation):
            optional = True
            others = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = others[0] if len(others) == 1 else typing.Union[tuple(others)]
        else:
            break
    description = next((r.description for r in rules if r.description), None)
    constraints = {k: v for r in rules for k, v in r.constraints.items()}
    common = {"optional": optional, "description": description, "constraints": constraints}
    return dataclasses.replace(_plain_shape(annotation, refers), **common)


def _plain_shape(annotation, refers: str | None) -> Shape:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is Text:
        return Shape(TEXT)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        members = tuple(annotation)
        return Shape(CHOICE, choices=tuple(m.value for m in members), names=tuple(m.name.lower() for m in members))
    simple = {bool: BOOLEAN, int: INTEGER, float: NUMBER, datetime.date: DATE}
    if annotation in simple:
        return Shape(simple[annotation])
    if annotation is str:
        return Shape(REFERENCE, refers=refers) if refers else Shape(STRING)
    if origin is typing.Literal:
        return Shape(FIXED if len(args) == 1 else CHOICE, choices=args, names=tuple(map(str, args)))
    if is_record(annotation):
        return Shape(RECORD, records=(annotation,))
    if _is_union(annotation) and all(is_record(a) for a in args):
        return Shape(RECORD, records=args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = shape_of(args[0])
        if item.kind == RECORD:
            return Shape(RECORDS, records=item.records)
        return Shape(LIST, item=item, refers=item.refers)
    if origin is tuple and args and Ellipsis not in args:
        return Shape(TUPLE, items=tuple(shape_of(a) for a in args))
    if origin is dict and len(args) == 2 and is_record(args[1]):
        return Shape(MAPPING, records=(args[1],))
    return Shape(OTHER)


def _is_union(annotation) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


@cache
def record_fields(record: type) -> tuple[Field, ...]:
    """The fields of a record type, in order."""
    hints = typing.get_type_hints(record, include_extras=True)
    return tuple(Field(f.name, shape_of(hints[f.name]), _required(f), _json_default(f))
                 for f in dataclasses.fields(record))


def field_named(record: type, name: str) -> Field | None:
    return next((f for f in record_fields(record) if f.name == name), None)


def _required(f: dataclasses.Field) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _json_default(f: dataclasses.Field):
    if f.default is not dataclasses.MISSING:
        return to_json(f.default) if f.default is not None else MISSING
    if f.default_factory is not dataclasses.MISSING:
        return to_json(f.default_factory())
    return MISSING


def to_json(value):
    """A default as a JSON file writes it (enums by value, tuples as lists)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [to_json(v) for v in value]
    return value


def kind_tag(record: type) -> str | None:
    """The value of a record's fixed "kind" field (a block's kind), if it has one."""
    fixed = next((f for f in record_fields(record) if f.shape.kind == FIXED), None)
    return fixed.shape.choices[0] if fixed else None


def choose_record(records: tuple[type, ...], value) -> type | None:
    """Which of several record types a JSON object is (by its "kind"), or the only one."""
    if len(records) == 1:
        return records[0]
    tag = value.get("kind") if isinstance(value, dict) else None
    return next((r for r in records if kind_tag(r) == tag), None)


def shape_at(data, path: tuple) -> Shape | None:
    """The shape of what `path` points at in a dataset's JSON (None if the types do not go there)."""
    shape, node = Shape(RECORD, records=(Dataset,)), data
    for part in path:
        shape = _inner(shape, node, part)
        if shape is None:
            return None
        node = data_at(node, (part,), None)
    return shape


def record_at(data, path: tuple) -> type | None:
    """The record type of the JSON object at `path`, or None if it is not a record."""
    shape = shape_at(data, path)
    if shape is None or shape.kind != RECORD:
        return None
    return choose_record(shape.records, data_at(data, path, None))


def _inner(shape: Shape, node, part) -> Shape | None:
    if shape.kind == RECORD:
        record = choose_record(shape.records, node)
        found = field_named(record, part) if record is not None and isinstance(part, str) else None
        return found.shape if found else None
    if shape.kind in (RECORDS, MAPPING):
        return Shape(RECORD, records=shape.records)
    if shape.kind == LIST:
        return shape.item
    return None


def data_at(node, path: tuple, default=MISSING):
    """What `path` points at in JSON data, or `default` if nothing."""
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return default
    return node


def dataset_collections() -> dict[str, Field]:
    """The dataset's fields that hold records (name -> field), in the model's order."""
    return {f.name: f for f in record_fields(Dataset) if f.shape.kind in HOLDERS}


def collection_of(kind: str) -> str | None:
    """The dataset field holding the records a reference of this kind names: the records whose
    type is called so ("figure" -> figures, a tuple of Figure)."""
    return next((name for name, f in dataset_collections().items()
                 if any(r.__name__.lower() == kind for r in f.shape.records)), None)


def walk_references(data, path: tuple = (), shape: Shape | None = None) -> Iterator[tuple]:
    """Every reference in a dataset's JSON: (path, kind, id), found through the types."""
    shape = shape or Shape(RECORD, records=(Dataset,))
    if shape.kind == RECORD and isinstance(data, dict):
        record = choose_record(shape.records, data)
        for f in record_fields(record) if record else ():
            if f.name in data:
                yield from walk_references(data[f.name], (*path, f.name), f.shape)
    elif shape.kind == REFERENCE and isinstance(data, str):
        yield path, shape.refers, data
    elif shape.kind in (RECORDS, LIST) and isinstance(data, list):
        inner = Shape(RECORD, records=shape.records) if shape.kind == RECORDS else shape.item
        for index, item in enumerate(data):
            yield from walk_references(item, (*path, index), inner)
    elif shape.kind == MAPPING and isinstance(data, dict):
        for key, item in data.items():
            yield from walk_references(item, (*path, key), Shape(RECORD, records=shape.records))


def descriptions() -> list[str]:
    """Every description the model gives its fields, each once, in the order a walk from the
    dataset meets them: what the editor shows as help, marked for translation in
    kiosk/editor/field_notes.py (written by scripts/build_translations.py)."""
    found: dict[str, None] = {}
    seen: set[type] = set()

    def walk(shape: Shape) -> None:
        if shape.description:
            found.setdefault(shape.description)
        for record in shape.records:
            if record not in seen:
                seen.add(record)
                for f in record_fields(record):
                    walk(f.shape)
        for inner in (shape.item, *shape.items):
            if inner is not None:
                walk(inner)

    walk(Shape(RECORD, records=(Dataset,)))
    return list(found)
