"""Records as a person picks them: by name, with new ones made ready to fill in. Qt-free.

Everything here reads the JSON of the dataset together with the record types (kiosk.editor.fields),
so it holds for any record kind the model has.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from kiosk.editor.fields import (BOOLEAN, CHOICE, DATE, FIXED, INTEGER, LIST, MAPPING, MISSING, NUMBER, RECORD,
                                 RECORDS, REFERENCE, STRING, TEXT, TUPLE, Field, Shape, collection_of, dataset_collections,
                                 record_fields)

NAME_LENGTH = 60


def display_name(value, record: type, language: str, data=None) -> str:
    """What a record is called: its first text (a figure's label, a tab's title), else the name
    of the first record it names, else its values."""
    if not isinstance(value, dict):
        return ""
    fields = record_fields(record)
    name = _first_text(value, fields, language)
    if not name and data is not None:
        name = _first_named(value, fields, language, data)
    if not name:
        name = " · ".join(str(value[f.name]) for f in fields
                          if f.shape.kind in (INTEGER, NUMBER, STRING, DATE) and f.name in value)
    return _short(name)


def fixed_tag(value, record: type) -> str | None:
    """A record's fixed kind as the file writes it ("bar-chart"), if it has one."""
    return next((value.get(f.name) for f in record_fields(record) if f.shape.kind == FIXED), None)


def _first_text(value: dict, fields, language: str) -> str:
    for f in fields:
        text = value.get(f.name)
        if f.shape.kind == TEXT and isinstance(text, dict) and text:
            chosen = text.get(language) or next((t for t in text.values() if t), "")
            if chosen:
                return str(chosen)
    return ""


def _first_named(value: dict, fields, language: str, data) -> str:
    for f in fields:
        ids = value.get(f.name)
        if f.shape.refers and ids:
            first = ids[0] if isinstance(ids, list) else ids
            names = dict(choices(data, f.shape.refers, language))
            return names.get(first, str(first)) + (" …" if isinstance(ids, list) and len(ids) > 1 else "")
    return ""


def _short(text: str) -> str:
    text = " ".join(str(text).split()).replace("{}", "…")  # a unit's format: "… yuan"
    return text if len(text) <= NAME_LENGTH else text[:NAME_LENGTH - 1] + "…"


def choices(data, kind: str, language: str) -> list[tuple[str, str]]:
    """The records a reference of this kind may name: (id, name), in the file's order."""
    name = collection_of(kind)
    if name is None:
        return []
    holder = dataset_collections()[name]
    items = data.get(name) or ([] if holder.shape.kind == RECORDS else {})
    pairs = items.items() if holder.shape.kind == MAPPING else ((i.get("id"), i) for i in items if isinstance(i, dict))
    record = holder.shape.records[0]
    return [(key, display_name(item, record, language) or key) for key, item in pairs
            if isinstance(key, str)]


def slug(name: str, taken) -> str:
    """An id made from an English name: lowercase words joined by hyphens, made unique."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower())) or "item"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def ids_in(data, collection: str) -> set[str]:
    items = data.get(collection) or []
    if isinstance(items, dict):
        return set(items)
    return {item.get("id") for item in items if isinstance(item, dict)}


def new_record(record: type, data, languages, name: str = "", taken=()) -> dict:
    """A record of this type with its required fields filled in (the rest left to their
    defaults): references name the first record of their kind, texts start empty (the checks
    list them until they are written)."""
    value = {}
    for f in record_fields(record):
        if f.name == "id":
            value["id"] = slug(name or record.__name__, taken)
        elif f.required:
            value[f.name] = new_value(f.shape, data, languages)
    return value


def new_value(shape: Shape, data, languages):
    """A starting value for a field of this shape."""
    kind = shape.kind
    if kind == TEXT:
        return {language: "" for language in languages}
    if kind in (CHOICE, FIXED):
        return shape.choices[0]
    if kind == REFERENCE:
        return next((key for key, _ in choices(data, shape.refers, "en")), "")
    if kind == LIST:
        needed = shape.constraints.get("min_length", 0)
        if shape.item.kind == REFERENCE:  # different records, as a list that names the same one twice says little
            return [key for key, _ in choices(data, shape.item.refers, "en")][:needed]
        return [new_value(shape.item, data, languages) for _ in range(needed)]
    if kind == RECORD:
        return new_record(shape.records[0], data, languages)
    if kind == TUPLE:
        return [new_value(item, data, languages) for item in shape.items]
    starts = {INTEGER: shape.constraints.get("ge", 0), NUMBER: 0, BOOLEAN: False, STRING: "",
              DATE: datetime.date.today().isoformat(), RECORDS: [], MAPPING: {}}
    return starts.get(kind)


def value_or_default(value, f: Field):
    """What a field shows: its value in the file, else the default the kiosk uses."""
    return f.default if value is MISSING else value
