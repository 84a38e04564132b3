"""The data file being edited: its JSON as read (key order and "$schema" kept), changed one
value or one list item at a time, and checked by the kiosk's own validator. Qt-free."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path

from kiosk.editor.fields import MISSING, data_at
from kiosk.model import problem_texts as T
from kiosk.model.checks import Problem
from kiosk.model.dataset import Dataset
from kiosk.model.loader import DatasetError, parse_dataset, read_limited
from kiosk.model.upgrade import upgraded
from kiosk.wording import say

# Where a value sits in the JSON: keys and list indexes, e.g. ("views", 0, "blocks", 1).
JsonPath = tuple


@dataclass(frozen=True)
class Checked:
    """The validator's verdict on the document: the dataset it describes, or its problems."""

    dataset: Dataset | None
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return self.dataset is not None


class Document:
    def __init__(self, data: dict, path: Path, upgraded: bool = False):
        self.data = data
        self.path = path
        self.upgraded = upgraded  # read from an older format version (and saved in the current one)

    @classmethod
    def read(cls, path: Path) -> Document:
        """The file's JSON; DatasetError if it cannot be read as JSON at all (a file that is
        JSON but breaks the rules opens, and its problems are listed)."""
        raw = read_limited(path)
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise DatasetError(path, [Problem("", say(T.NOT_JSON, detail=str(error)))]) from None
        if not isinstance(data, dict):
            raise DatasetError(path, [Problem("", say(T.NOT_A_DATASET))])
        # A file of an older format version is edited (and saved) as the current version.
        current = upgraded(data)
        return cls(current, path, upgraded=current is not data)

    def to_bytes(self) -> bytes:
        return (json.dumps(self.data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def check(self) -> Checked:
        try:
            return Checked(parse_dataset(self.to_bytes(), self.path, remember=False), ())
        except DatasetError as error:
            return Checked(None, tuple(error.problems))

    def get(self, path: JsonPath, default=MISSING):
        return data_at(self.data, path, default)

    def set(self, path: JsonPath, value) -> None:
        """Put a value at `path` (MISSING: leave the key out). A new key goes last."""
        holder = self.get(path[:-1])
        if value is MISSING:
            holder.pop(path[-1], None)
        else:
            holder[path[-1]] = copy.deepcopy(value)

    def insert(self, path: JsonPath, index: int, value) -> None:
        self.get(path).insert(index, copy.deepcopy(value))

    def pop(self, path: JsonPath, index: int):
        return self.get(path).pop(index)


def parse_path(text: str, data) -> JsonPath:
    """A problem's "views.0.blocks.1" as a JsonPath: numbers index lists, all else are keys."""
    path, node = [], data
    for part in text.split(".") if text else ():
        key = int(part) if isinstance(node, list) and part.isdigit() else part
        path.append(key)
        node = node[key] if _has(node, key) else None
    return tuple(path)


def _has(node, key) -> bool:
    if isinstance(node, list):
        return isinstance(key, int) and 0 <= key < len(node)
    return isinstance(node, dict) and key in node


def path_text(path: JsonPath) -> str:
    return ".".join(str(part) for part in path)
