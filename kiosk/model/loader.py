"""Read a data file into a Dataset, or report every problem with it. Qt-free."""

from __future__ import annotations

import dataclasses
import json
import os
import typing
from pathlib import Path

from kiosk.model import problem_texts as T
from kiosk.model.checks import Problem, check_dataset
from kiosk.model.media import media_folder
from kiosk.model.dataset import BLOCK_KINDS, Dataset, HttpUrl, Id, LanguageCode
from kiosk.model.remember import remembered
from kiosk.wording import Message, say

MAX_BYTES = 10 * 1024 * 1024


class DatasetError(Exception):
    """The file cannot be shown; ``problems`` lists everything wrong with it."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: {len(problems)} problem(s)\n" + "\n".join(map(str, problems)))


def load_dataset(path: Path | str) -> Dataset:
    path = Path(path)
    return parse_dataset(read_limited(path), path)


def read_limited(path: Path) -> bytes:
    """The file's bytes; one over MAX_BYTES is refused before it is read."""
    try:
        size = path.stat().st_size
        _refuse_if_too_large(path, size)
        return path.read_bytes()
    except OSError as error:
        raise DatasetError(path, [Problem("", say(T.CANNOT_READ, reason=error.strerror))]) from None


def _refuse_if_too_large(path: Path, size: int) -> None:
    if size > MAX_BYTES:
        raise DatasetError(path, [Problem("", say(T.TOO_LARGE, size=f"{size:,}", limit=f"{MAX_BYTES:,}"))])


def parse_dataset(raw: bytes, path: Path, remember: bool = True, media: Path | None = None) -> Dataset:
    """Validate exactly these bytes (so what was checked is what gets kept as last good), and
    the pictures they name in `media` (by default the media folder beside `path`).

    The same bytes validated before under the same rules, with the same picture files, give the
    remembered result without loading the validator (remember=False always checks).
    """
    _refuse_if_too_large(path, len(raw))
    media = media or media_folder(path)
    if remember:
        checked = raw + b"\0media\0" + _files_stamp(media)
        return remembered("dataset", checked, lambda: parse_dataset(raw, path, remember=False, media=media))
    from kiosk.model import validation
    from kiosk.model.upgrade import upgraded

    data = upgraded(_without_schema_reference(_parse_json(raw, path), path))
    try:
        dataset = validation.validate(Dataset, data)
    except validation.ValidationError as error:
        raise DatasetError(path, _problems(error.errors())) from None
    problems = check_dataset(dataset)
    if not problems and dataset.media:
        from kiosk.model.media import check_media

        problems = check_media(dataset, media)
    if problems:
        raise DatasetError(path, problems)
    return dataset


def _files_stamp(folder: Path) -> bytes:
    """Name, size and time of change of every file in `folder`: a changed picture is checked again."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        return repr([(e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries]).encode()
    except OSError:
        return b"none"


def _parse_json(raw: bytes, path: Path):
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DatasetError(path, [Problem("", say(T.NOT_UTF8, byte=error.start))]) from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        message = say(T.JSON_SYNTAX, line=error.lineno, column=error.colno, detail=error.msg)
        raise DatasetError(path, [Problem("", message)]) from None
    except _NotARealNumber as error:
        raise DatasetError(path, [Problem("", say(T.NOT_A_REAL_NUMBER, name=error.name))]) from None
    except ValueError as error:  # e.g. a number with more digits than Python converts
        raise DatasetError(path, [Problem("", str(error))]) from None


def _without_schema_reference(data, path: Path):
    """The file may name its JSON Schema for editors ("$schema"); it is not part of the dataset."""
    if not isinstance(data, dict) or "$schema" not in data:
        return data
    data = dict(data)
    reference = data.pop("$schema")
    if reference is not None and not isinstance(reference, str):
        raise DatasetError(path, [Problem("$schema", say(T.NOT_TEXT, input=_short(reference)))])
    return data


class _NotARealNumber(ValueError):
    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def _reject_constant(name: str):
    raise _NotARealNumber(name)


def _problems(errors: list[dict]) -> list[Problem]:
    # A list whose every item is wrong is also reported as too short; the items say more.
    wrong_inside = {error["loc"][:n] for error in errors for n in range(len(error["loc"]))}
    return [_from_pydantic(e) for e in errors if not (e["type"] == "too_short" and e["loc"] in wrong_inside)]


def _from_pydantic(error) -> Problem:
    loc = error["loc"]
    return Problem(".".join(str(part) for part in _without_kinds(loc)), _message(error, loc))


def _without_kinds(loc) -> list:
    """The path as the file writes it: a block's kind ("views.0.blocks.2.ring.figure") is how the
    validator chose its rules, not a key in the file."""
    return [part for n, part in enumerate(loc) if not (n and isinstance(loc[n - 1], int) and part in BLOCK_TAGS)]


def _message(error, loc) -> Message | str:
    """Pydantic's message, said the way a content editor thinks of the file."""
    kind, ctx = error["type"], error.get("ctx", {})
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        import difflib  # only a file with a typo needs it

        known = _field_names(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        return say(T.UNKNOWN_FIELD_CLOSE, close=close[0]) if close else say(T.UNKNOWN_FIELD, known=", ".join(known))
    if kind == "string_pattern_mismatch":
        template = _PATTERN_MESSAGES.get(ctx.get("pattern"))
        return say(template) if template else error["msg"]
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return say(T.NEGATIVE, input=repr(error.get("input")))
    if kind == "too_short":
        return say(T.TOO_FEW, least=ctx.get("min_length"))
    if kind == "union_tag_invalid":
        return say(T.UNKNOWN_BLOCK_KIND, kind=ctx.get("tag"), known=", ".join(BLOCK_TAGS))
    if kind == "union_tag_not_found":
        return say(T.NO_BLOCK_KIND, known=", ".join(BLOCK_TAGS))
    if kind == "too_long":
        return say(T.TOO_MANY, count=ctx.get("actual_length"), most=ctx.get("max_length"))
    if kind == "enum":
        # pydantic joins the last two with an English "or": a list reads the same in every language
        return say(T.NOT_A_CHOICE, choices=str(ctx.get("expected")).replace(" or ", ", "))
    for kinds, template in _MESSAGES:
        if kind in kinds:
            return say(template, input=_short(error.get("input")), **ctx)
    return error["msg"]  # a rule of pydantic's this list does not know yet: its own English


_MESSAGES = (
    ({"missing"}, T.MISSING),
    ({"float_type", "float_parsing", "int_type", "int_parsing"}, T.NOT_A_NUMBER),
    ({"int_from_float"}, T.NOT_WHOLE),
    ({"finite_number"}, T.NOT_FINITE),
    ({"string_type"}, T.NOT_TEXT),
    ({"string_too_short"}, T.EMPTY),
    ({"less_than_equal"}, T.AT_MOST),
    ({"greater_than_equal"}, T.AT_LEAST),
    ({"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}, T.NOT_A_DATE),
    ({"bool_type", "bool_parsing"}, T.NOT_YES_NO),
    ({"dict_type", "dataclass_type", "dataclass_args_type"}, T.NOT_AN_OBJECT),
    ({"tuple_type", "list_type"}, T.NOT_A_LIST),
)

def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_PATTERN_MESSAGES = {
    Id.__metadata__[0].constraints["pattern"]: T.BAD_ID,
    LanguageCode.__metadata__[0].constraints["pattern"]: T.BAD_LANGUAGE_CODE,
    HttpUrl.__metadata__[0].constraints["pattern"]: T.BAD_WEB_ADDRESS,
}


def _field_names(loc) -> list[str]:
    """The fields allowed where `loc` points (for "did you mean" suggestions)."""
    annotation = Dataset
    for part in loc:
        annotation = _inside(annotation, part)
    record = _record_in(annotation)
    if record is None:
        return []
    names = [field.name for field in dataclasses.fields(record)]
    return ["$schema", *names] if record is Dataset else names  # the loader takes "$schema" out


def _inside(annotation, part):
    kinds = {_tag(kind): kind for kind in typing.get_args(_unwrap(annotation)) if _tag(kind)}
    if part in kinds:  # a block, checked as the kind it names
        return kinds[part]
    record = _record_in(annotation)
    if record is not None and isinstance(part, str):
        return typing.get_type_hints(record, include_extras=True).get(part)
    args = [a for a in typing.get_args(_unwrap(annotation)) if a is not Ellipsis]
    return args[-1] if args else None  # tuple[X, ...] -> X, dict[K, V] -> V


def _record_in(annotation):
    annotation = _unwrap(annotation)
    for candidate in (annotation, *typing.get_args(annotation)):  # X or X | None
        if dataclasses.is_dataclass(candidate) and isinstance(candidate, type):
            return candidate
    return None


def _tag(record) -> str | None:
    """The "kind" a block record is written with in the file (None for other types)."""
    hints = typing.get_type_hints(record) if dataclasses.is_dataclass(record) else {}
    return typing.get_args(hints["kind"])[0] if "kind" in hints else None


def _unwrap(annotation):
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


BLOCK_TAGS = tuple(_tag(kind) for kind in BLOCK_KINDS)
