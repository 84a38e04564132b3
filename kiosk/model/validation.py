"""Checks plain data against the rules written on the record types (dataset records, Config).

The one module that imports pydantic. Importing it and building a validator costs ~150 ms, so
it is imported only when a file actually has to be checked; a start-up with the file checked
last time reads the remembered result instead (kiosk.model.remember).
"""

from __future__ import annotations

from functools import cache

from pydantic import TypeAdapter, ValidationError

__all__ = ["ValidationError", "json_schema", "validate"]


@cache
def _adapter(kind: type) -> TypeAdapter:
    return TypeAdapter(kind)


def validate(kind: type, data):
    """An instance of `kind` built from `data`, or ValidationError listing every problem."""
    return _adapter(kind).validate_python(data)


def json_schema(kind: type) -> dict:
    return _adapter(kind).json_schema(by_alias=True)
