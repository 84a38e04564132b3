"""Records written as plain JSON and read back through their own constructors. Qt-free.

What the validation cache (kiosk.model.remember) keeps. Unlike a pickle, reading it back cannot
run code: the file only names a record type, and the type is looked up among the record types
of the modules in RECORD_MODULES that are already imported (nothing is imported because a file
says so), then built with its own constructor from values that are themselves plain data.
A file naming anything else is refused with ValueError, as is one that is not such JSON.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import sys

# Where the records that are remembered are defined: the dataset and the configuration.
RECORD_MODULES = frozenset({"kiosk.model.dataset", "kiosk.config", "kiosk.model.checks"})
_SCALARS = (str, int, float, bool, type(None))


def encode(value) -> bytes:
    """`value` as JSON; TypeError if it holds anything but records, containers and scalars."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":")).encode()


def decode(data: bytes):
    """The value `encode` wrote; ValueError for anything else."""
    try:
        return _built(json.loads(data))
    except (TypeError, KeyError, IndexError, AttributeError, UnicodeDecodeError) as error:
        raise ValueError(f"not a kept record: {error!r}") from None


def _plain(value):
    # Lists are always tagged, so every container keeps its type (a tuple stays a tuple).
    if isinstance(value, enum.Enum):
        return ["enum", _name(type(value)), value.value]
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, tuple):
        return ["tuple", [_plain(item) for item in value]]
    if isinstance(value, list):
        return ["list", [_plain(item) for item in value]]
    if isinstance(value, frozenset):
        return ["frozenset", [_plain(item) for item in value]]
    if isinstance(value, dict):
        return ["dict", [[_plain(key), _plain(item)] for key, item in value.items()]]
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return ["date", value.isoformat()]
    if type(value).__module__ == "kiosk.model.dataset" and type(value).__name__ == "Text":
        return ["text", _plain(value.root)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)
                  if field.init}
        return ["record", _name(type(value)), fields]
    raise TypeError(f"{type(value).__qualname__} is not kept as plain data")


def _name(kind: type) -> str:
    if kind.__module__ not in RECORD_MODULES or "." in kind.__qualname__:
        raise TypeError(f"{kind.__module__}.{kind.__qualname__} is not a record type that is kept")
    return f"{kind.__module__}:{kind.__qualname__}"


def _built(node):
    if isinstance(node, _SCALARS):
        return node
    if not isinstance(node, list) or not node:
        raise ValueError(f"unexpected {type(node).__name__} in a kept record")
    tag = node[0]
    if tag in _CONTAINERS:
        return _CONTAINERS[tag](node[1])
    if tag == "date":
        return datetime.date.fromisoformat(node[1])
    if tag == "text":
        from kiosk.model.dataset import Text

        return Text(_built(node[1]))
    if tag == "enum":
        return _record_type(node[1], enum.Enum)(node[2])
    if tag == "record":
        kind, fields = _record_type(node[1], None), node[2]
        if not isinstance(fields, dict):
            raise ValueError("a kept record's fields are not an object")
        return kind(**{str(name): _built(value) for name, value in fields.items()})
    raise ValueError(f"unknown tag {tag!r} in a kept record")


_CONTAINERS = {
    "tuple": lambda items: tuple(_built(item) for item in items),
    "list": lambda items: [_built(item) for item in items],
    "frozenset": lambda items: frozenset(_built(item) for item in items),
    "dict": lambda pairs: {_built(key): _built(value) for key, value in pairs},
}


def _record_type(name: str, base: type | None) -> type:
    """A dataclass (or, with `base`, an enum) defined in an imported module of RECORD_MODULES."""
    module_name, _, qualname = str(name).partition(":")
    module = sys.modules.get(module_name) if module_name in RECORD_MODULES else None
    kind = vars(module).get(qualname) if module is not None else None
    if not isinstance(kind, type) or kind.__module__ != module_name:
        raise ValueError(f"{name!r} is not a record type that is kept")
    if base is not None and not issubclass(kind, base) or base is None and not dataclasses.is_dataclass(kind):
        raise ValueError(f"{name!r} is not a record type that is kept")
    return kind
