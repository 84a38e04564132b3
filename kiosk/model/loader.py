"""Read a data file into a Dataset, or report every problem with it. Qt-free."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from kiosk.model.checks import Problem, check_dataset
from kiosk.model.dataset import Dataset

MAX_BYTES = 10 * 1024 * 1024


class DatasetError(Exception):
    """The file cannot be shown; ``problems`` lists everything wrong with it."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: {len(problems)} problem(s)\n" + "\n".join(map(str, problems)))


def load_dataset(path: Path | str) -> Dataset:
    path = Path(path)
    data = _read_json(path)
    try:
        dataset = Dataset.model_validate(data)
    except ValidationError as error:
        raise DatasetError(path, [_from_pydantic(e) for e in error.errors()]) from None
    problems = check_dataset(dataset)
    if problems:
        raise DatasetError(path, problems)
    return dataset


def _read_json(path: Path):
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DatasetError(path, [Problem("", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")])
        raw = path.read_bytes()
    except OSError as error:
        raise DatasetError(path, [Problem("", f"cannot read the file: {error.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DatasetError(path, [Problem("", f"not UTF-8 text (byte {error.start})")]) from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        message = f"JSON syntax error at line {error.lineno}, column {error.colno}: {error.msg}"
        raise DatasetError(path, [Problem("", message)]) from None
    except ValueError as error:
        raise DatasetError(path, [Problem("", str(error))]) from None


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number a kiosk can show; write a real value")


def _from_pydantic(error) -> Problem:
    path = ".".join(str(part) for part in error["loc"])
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown field (a typo?)"
    elif error["type"] == "missing":
        message = "required field is missing"
    return Problem(path, message)
