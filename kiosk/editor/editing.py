"""What one edit changes in the JSON: the value typed, and what must follow it. Qt-free.

- A record's id renamed: every reference to it is renamed with it.
- A new record's id follows its English name (a slug, unique) until someone edits the id.
- Items are added, removed and moved by setting their whole list, so undo restores the order.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from kiosk.editor.fields import MAPPING, TEXT, data_at, record_at, record_fields, shape_at, walk_references
from kiosk.editor.records import ids_in, new_record, slug


@dataclass(frozen=True)
class Edit:
    """The values to set together ({path: value}), and how a new record's id changes (the id
    before and after, for the set of ids that follow their names)."""

    values: dict
    fresh: tuple[str | None, str | None] | None = None


def reference_kind(record: type) -> str:
    """What references to records of this type call them (Figure -> "figure")."""
    return record.__name__.lower()


def renamed(data, record_path: tuple, old: str, new: str) -> dict:
    """Every reference to the record at `record_path` (id `old`), set to `new`."""
    record = record_at(data, record_path)
    kind = reference_kind(record) if record is not None else None
    return {path: new for path, refers, value in walk_references(data) if refers == kind and value == old}


def name_field(record: type) -> str | None:
    """The field a record is named by: its first text (a figure's label, a company's name)."""
    return next((f.name for f in record_fields(record) if f.shape.kind == TEXT), None)


def edit(data, path: tuple, value, fresh_ids: set, language: str = "en") -> Edit:
    """What setting `path` to `value` changes."""
    record_path, field = path[:-1], path[-1]
    record = record_at(data, record_path)
    current_id = data_at(data, (*record_path, "id"))
    if field == "id" and isinstance(current_id, str) and isinstance(value, str) and value != current_id:
        return Edit({path: value, **renamed(data, record_path, current_id, value)}, (current_id, None))
    if record is not None and field == name_field(record) and current_id in fresh_ids \
            and isinstance(value, dict) and value.get(language):
        taken = ids_in(data, record_path[0]) - {current_id} if len(record_path) == 2 else set()
        new_id = slug(value[language], taken)
        if new_id != current_id:
            return Edit({path: value, (*record_path, "id"): new_id,
                         **renamed(data, record_path, current_id, new_id)}, (current_id, new_id))
    return Edit({path: value})


def added(data, list_path: tuple, index: int, record: type, languages) -> tuple[Edit, tuple]:
    """A new record of this type in the list (or mapping) at `list_path`, and its path."""
    items = data_at(data, list_path, None) or ([] if shape_at(data, list_path).kind != MAPPING else {})
    taken = ids_in(data, list_path[0]) if len(list_path) == 1 else set()
    value = new_record(record, data, languages, taken=taken)
    fresh = value.get("id")
    if shape_at(data, list_path).kind == MAPPING:
        key = slug(reference_kind(record), set(items))
        return Edit({list_path: {**items, key: value}}), (*list_path, key)
    index = max(0, min(index, len(items)))
    return Edit({list_path: [*items[:index], value, *items[index:]]}, (None, fresh)), (*list_path, index)


def removed(data, item_path: tuple) -> Edit:
    holder = copy.copy(data_at(data, item_path[:-1]))
    if isinstance(holder, dict):
        holder.pop(item_path[-1], None)
    else:
        holder.pop(item_path[-1])
    return Edit({item_path[:-1]: holder})


def moved(data, item_path: tuple, step: int) -> tuple[Edit, tuple] | None:
    """The item one place up (step -1) or down (+1) in its list, and its new path; None at an end."""
    items, index = data_at(data, item_path[:-1]), item_path[-1]
    if not isinstance(items, list) or not 0 <= index + step < len(items):
        return None
    items = list(items)
    items[index], items[index + step] = items[index + step], items[index]
    return Edit({item_path[:-1]: items}), (*item_path[:-1], index + step)
