"""Synthetic datasets for the layout checks, made by walking the types of kiosk.model.dataset. Qt-free.

The structure comes from the records' annotations: their fields, which are optional, lists and the
Rules on them, enums, literals, the block kinds of a union, and the ids marked with Refers (made
before the records that name them). A new field or block kind is generated with no change here.
What the types cannot say (a percentage is at most 100, a ring shows a percentage, the first
block is not "below" anything) is left to the loader's own checks: a record they object to is
made again, so every dataset returned is valid by kiosk.model.loader.

Everything in it is obviously synthetic: the zone and the sources say so, the sources are at
example.invalid, the figures are random. Nothing from here belongs in the shipped data file.

    python tests/synthetic_data.py SEED [OUT.json]    # write one (then: kiosk screenshot --data OUT.json)
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import json
import random
import re
import sys
import time
import types
import typing
from functools import partial
from collections.abc import Iterator
from pathlib import Path

from kiosk.model.dataset import Dataset, Text
from kiosk.model.loader import DatasetError, parse_dataset
from kiosk.model.rules import Refers, Rules

LANGUAGES = ("en", "zh")
TODAY = datetime.date.today()
# Lists whose types set no useful bound of their own (the types' own bounds, e.g. at most seven
# tabs, always apply); other lists hold 0 (or their minimum) to 4 items.
COUNTS = {"industries": (1, 8), "Dataset.figures": (10, 30), "figures": (1, 8), "facts": (0, 6), "companies": (0, 12), "sources": (1, 4),
          "units": (2, 6), "series": (2, 20), "views": (1, 7), "blocks": (1, 6)}
DEFAULT_COUNT = (0, 4)
# The longest text of a field, in English characters (Chinese gets half as many characters, each
# about twice as wide): realistic lengths, from a word to a long sentence.
TEXT_LENGTHS = {"label": 60, "name": 60, "short_name": 30, "outlet": 40, "note": 60, "companies_title": 60,
                "title": 120, "headline": 120, "hint": 120, "share": 80, "text": 240, "description": 240,
                "format": 16, "Tab.title": 28}
DEFAULT_TEXT_LENGTH = 60
LEAVE_OUT = 0.4  # how often an optional field is left out of the file
REPAIR_ROUNDS = 40

_EN_WORDS = ("advanced equipment materials biomedicine logistics software semiconductors new-energy vehicles "
             "health care robotics textiles chemicals agriculture tourism finance education research exports "
             "investment output companies patents talent parks railway airport water green space digital "
             "intelligent modern regional industrial international high-end new-generation manufacturing "
             "services platforms laboratories incubators graduates residents households income revenue "
             "district zone city province cluster clusters pharmaceutical precision instruments machinery "
             "engineering construction batteries photovoltaic hydrogen smart grid cloud computing data centres "
             "of and for in the with per").split()
_ZH_WORDS = ("高端 装备 新材料 医养 健康 产业 集群 企业 研发 投入 创新 平台 园区 人才 出口 总值 增长 绿色 智能 制造 "
             "物流 数字 经济 全市 占比 国家级 高新区 科技 服务 交通 铁路 机场 生物 医药 新能源 汽车 精密 仪器 机械 "
             "工程 电池 光伏 氢能 电网 云计算 数据 中心 居民 收入 营业 规模 以上 孵化器 实验室 院士 专利 湿地 公园").split()
_PLACEHOLDER = re.compile(r'"(\{[a-z]*\})"')
# Texts that say the dataset is made up, wherever a visitor would look for whose data it is.
_SYNTHETIC = {"Zone.name": ("Synthetic", "合成"), "Zone.short_name": ("Synthetic", "合成"),
              "Source.outlet": ("Synthetic source", "合成来源")}


class Nothing:
    """No value can be made (nothing to refer to yet): an optional field is left out."""


NOTHING = Nothing()


def synthetic_dataset(seed: int) -> dict:
    """A valid dataset (as JSON data) made from `seed`: the same seed, the same dataset."""
    for attempt in range(20):
        data = Generator(random.Random(f"{seed}/{attempt}")).valid_dataset()
        if data is not None:
            return data
    raise RuntimeError(f"seed {seed}: no valid dataset in 20 attempts")


def problems(data: dict) -> list:
    """The loader's problems with a dataset (an empty list: it is valid)."""
    try:
        parse_dataset(json.dumps(data, ensure_ascii=False).encode(), Path("synthetic.json"), remember=False)
    except DatasetError as error:
        return error.problems
    return []


def shrink(data: dict, still_fails, seconds: float) -> dict:
    """A smaller dataset that is still valid and still_fails: tabs, blocks, industries, figures
    and every other list item or optional field dropped, halves first, while that holds (for at
    most `seconds`)."""
    deadline = time.monotonic() + seconds
    smaller = True
    while smaller and time.monotonic() < deadline:
        smaller = False
        for candidate in _without_parts(data):
            if time.monotonic() > deadline:
                break
            if not problems(candidate) and still_fails(candidate):
                data, smaller = candidate, True
                break
    return data


def _without_parts(data) -> Iterator[dict]:
    """Copies of the dataset with one part left out: big parts (whole tabs) before small ones."""
    for path, items in sorted(_lists(data), key=lambda found: (len(found[0]), _FIRST_DROPPED.get(found[0][-1], 9))):
        if path == ("languages",):
            continue  # the failure was seen in one of them
        size = len(items)
        while size >= 1:
            for start in range(0, len(items), size):
                yield _replaced(data, path, items[:start] + items[start + size:])
            size //= 2
    for path, node in _lists(data, dicts=True):
        for key in node:
            yield _replaced(data, path, {k: v for k, v in node.items() if k != key})


# What a shrink drops first: a tab takes its blocks with it, an industry its bar and card.
_FIRST_DROPPED = {"views": 0, "blocks": 1, "industries": 2, "companies": 3, "figures": 4, "facts": 5}


def _lists(node, path=(), dicts=False):
    if isinstance(node, list) and not dicts or isinstance(node, dict) and dicts and path:
        yield path, node
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in children:
        yield from _lists(value, (*path, key), dicts)


def _replaced(data, path, value):
    copy = json.loads(json.dumps(data))
    node = copy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copy


class Generator:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.made: dict[str, list[str]] = {}  # the ids made so far, by kind ("figure": [...])
        self.founded = 1992
        self._cycles: dict[tuple, list] = {}
        # Ids the checks objected to in a field ("PartOfWhole.figure": a figure that is not a
        # percentage): not offered to that field again.
        self.rejected: dict[str, set[str]] = {}

    # ---- the dataset ------------------------------------------------------------------------------

    def valid_dataset(self) -> dict | None:
        data = self.record(Dataset)
        for _ in range(REPAIR_ROUNDS):
            found = problems(data)
            if not found:
                return data
            targets = {}
            for path in sorted({problem.path for problem in found}):
                hint, node, field, value = _record_at(data, path)
                if field is not None and isinstance(value, str):  # an id this field must not name
                    self.rejected.setdefault(field, set()).add(value)
                if node is not None:
                    targets[id(node)] = (hint, node)
            for hint, node in targets.values():
                self._make_again(hint, node)
        return None

    def _make_again(self, hint, node: dict) -> None:
        """Make a record again, in place, keeping its id (others may refer to it)."""
        old_id = node.get("id")
        new = self.value(hint, "", Dataset)
        if old_id is not None and "id" in new:
            self.made[_unpack(hint)[0].__name__.lower()].remove(new["id"])
            new["id"] = old_id
        node.clear()
        node.update(new)

    # ---- values from annotations ------------------------------------------------------------------

    def record(self, cls: type) -> dict:
        hints = _hints(cls, include_extras=True)
        out = {}
        for field in _in_reference_order(cls):
            if f"{cls.__name__}.{field.name}" in NOT_MADE:
                continue
            optional = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
            if optional and self.rng.random() < LEAVE_OUT:
                continue
            value = self.value(hints[field.name], field.name, cls)
            if value is not NOTHING:
                out[field.name] = value
        if "id" in out:
            self.made.setdefault(cls.__name__.lower(), []).append(out["id"])
        return {field.name: out[field.name] for field in dataclasses.fields(cls) if field.name in out}

    def value(self, hint, name: str, owner: type):
        base, rules, refers = _unpack(hint)
        origin = typing.get_origin(base)
        if refers is not None:
            pool = self._offered(refers, f"{owner.__name__}.{name}")
            return self.rng.choice(pool) if pool else NOTHING
        if base is Text:
            return self.text(f"{owner.__name__}.{name}", name, rules)
        if dataclasses.is_dataclass(base):
            return self.record(base)
        if origin in (typing.Union, types.UnionType):
            return self._one_of(typing.get_args(base), name, owner)
        if origin is tuple:
            return self._items(typing.get_args(base)[0], name, owner, rules)
        if origin is dict:
            return self._mapping(typing.get_args(base)[1], name, owner, rules)
        if origin is typing.Literal:
            return typing.get_args(base)[0]
        if isinstance(base, type) and issubclass(base, enum.Enum):
            return self.rng.choice(list(base)).value
        if base is bool:
            return self.rng.random() < 0.5
        if base is int:
            return self._int(name, rules)
        if base is float:
            return self.amount()
        if base is datetime.date:
            return self._date().isoformat()
        if base is str:
            return self._string(name, owner, rules)
        raise TypeError(f"{owner.__name__}.{name}: cannot make a {base!r}")

    def _one_of(self, options, name: str, owner: type):
        """One of a union (an optional field is left out by record()): each option in turn, so
        that every block kind comes up."""
        options = [o for o in options if o is not type(None) and not _needs_pictures(o)]
        if len(options) == 1:
            return self.value(options[0], name, owner)
        cycle = self._cycles.setdefault(tuple(options), [])
        if not cycle:
            cycle.extend(self.rng.sample(options, len(options)))
        return self.value(cycle.pop(), name, owner)

    def _offered(self, kind: str, field: str) -> list[str]:
        rejected = self.rejected.get(field, set())
        return [made for made in self.made.get(kind, []) if made not in rejected]

    def _count(self, where: str, name: str, rules: dict) -> int:
        low, high = COUNTS.get(where, COUNTS.get(name, DEFAULT_COUNT))
        low = max(low, rules.get("min_length", 0))
        high = min(max(high, low), rules.get("max_length", high))
        return self.rng.randint(low, high)

    def _items(self, item, name: str, owner: type, rules: dict) -> list:
        count = self._count(f"{owner.__name__}.{name}", name, rules)
        _, _, refers = _unpack(item)
        if refers is not None:  # distinct ids of records made before
            pool = self._offered(refers, f"{owner.__name__}.{name}")
            return self.rng.sample(pool, min(count, len(pool)))
        if name == "languages":
            return list(LANGUAGES)
        items = [self.value(item, name, owner) for _ in range(count)]
        if items and isinstance(items[0], dict) and "year" in items[0]:  # a series: one value per year
            years = sorted(self.rng.sample(range(self.founded, TODAY.year + 1), min(count, TODAY.year - self.founded)))
            items = [{**point, "year": year} for point, year in zip(items, years)]
        return [value for value in items if value is not NOTHING]

    def _mapping(self, item, name: str, owner: type, rules: dict) -> dict:
        """A dict keyed by ids (the units): the keys are the ids other records refer to."""
        kind = _unpack(item)[0].__name__.lower()
        out = {}
        for number in range(self._count(f"{owner.__name__}.{name}", name, rules)):
            out[f"{kind}-{number + 1}"] = self.value(item, name, owner)
            self.made.setdefault(kind, []).append(f"{kind}-{number + 1}")
        return out

    def _int(self, name: str, rules: dict) -> int:
        if "ge" in rules or "le" in rules:
            return self.rng.randint(rules.get("ge", 0), rules.get("le", 100))
        if name == "founded":
            self.founded = self.rng.randint(1985, 2005)
            return self.founded
        return self.rng.randint(self.founded, TODAY.year)  # every other number is a year

    def amount(self) -> float:
        """Values from nothing to a trillion, round or with every digit, and the edge cases."""
        kind = self.rng.random()
        if kind < 0.15:
            return self.rng.choice([0, 0.1, 10**12, 100, 1])
        if kind < 0.45:  # many figures are percentages
            return round(self.rng.uniform(0, 100), self.rng.choice([0, 1, 1, 2]))
        digits, magnitude = self.rng.randint(1, 6), self.rng.randint(0, 11)
        mantissa = self.rng.randint(10 ** (digits - 1), 10**digits - 1)  # e.g. 54321 -> 54,321,000,000
        shift = magnitude - (digits - 1)
        return float(mantissa * 10**shift) if shift >= 0 else mantissa / 10**-shift

    def _date(self) -> datetime.date:
        start = datetime.date(self.founded, 1, 1)
        return start + datetime.timedelta(days=self.rng.randint(0, (TODAY - start).days))

    def _string(self, name: str, owner: type, rules: dict) -> str:
        pattern = rules.get("pattern", "")
        if name == "id":
            kind = owner.__name__.lower()
            return f"{kind}-{len(self.made.get(kind, [])) + 1}"
        if pattern.startswith("^https?"):
            return f"https://example.invalid/synthetic/{self.rng.randint(1, 10**6)}"
        return self.words(self.rng.choice(LANGUAGES), self._length(DEFAULT_TEXT_LENGTH))

    # ---- texts ------------------------------------------------------------------------------------

    def text(self, where: str, name: str, rules: dict) -> dict:
        longest = TEXT_LENGTHS.get(where, TEXT_LENGTHS.get(name, DEFAULT_TEXT_LENGTH))
        placeholder = _PLACEHOLDER.search(rules.get("description") or "")
        out = {}
        for language in LANGUAGES:
            length = self._length(longest if language == "en" else max(2, longest // 2))
            text = self.words(language, length)
            if placeholder:
                text = _with_placeholder(text, placeholder.group(1), language, self.rng)
            if where in _SYNTHETIC:
                text = f"{_SYNTHETIC[where][0]} {text}" if language == "en" else _SYNTHETIC[where][1] + text
            out[language] = text
        return out

    def _length(self, longest: int) -> int:
        """Short, middling or as long as the field allows, each as often."""
        third = max(1, longest // 3)
        return self.rng.choice([self.rng.randint(1, third), self.rng.randint(third, 2 * third),
                                self.rng.randint(max(1, longest - third // 2), longest)])

    def words(self, language: str, length: int) -> str:
        """Words of the theme up to about `length` characters: a word, a phrase, or sentences."""
        bank, joiner = (_EN_WORDS, " ") if language == "en" else (_ZH_WORDS, "")
        text = self.rng.choice(bank)
        while True:
            fitting = [word for word in bank if len(text) + len(joiner) + len(word) <= length]
            if not fitting:
                return text[0].upper() + text[1:]
            word = self.rng.choice(fitting)
            if language == "en" and len(text) > 40 and self.rng.random() < 0.08:
                text, word = text + ".", word.capitalize()
            elif language == "zh" and self.rng.random() < 0.1:
                text += "，"
            text += joiner + word


def _with_placeholder(text: str, placeholder: str, language: str, rng: random.Random) -> str:
    words = text.split(" ") if language == "en" else [text]
    at = rng.randint(0, len(words))
    return (" " if language == "en" else "").join([*words[:at], placeholder, *words[at:]]).strip()


# Pictures need files beside the data: generated datasets have none (tests/test_pictures.py puts
# a picture in every place), so no media, and no block kind that cannot be without them.
NOT_MADE = {"Dataset.media"}


def _needs_pictures(option) -> bool:
    base = _unpack(option)[0]
    return dataclasses.is_dataclass(base) and any(
        "media" in _refers_to(hint) for name, hint in _hints(base).items()
        if next(f for f in dataclasses.fields(base) if f.name == name).default is dataclasses.MISSING)


@functools.cache
def _hints(record_type: type, include_extras: bool = True) -> dict:
    return typing.get_type_hints(record_type, include_extras=include_extras)


def _record_at(data: dict, path: str) -> tuple[object, dict | None, str | None, object]:
    """Where a problem's path points: the innermost record in a list on the way and its type,
    the field ("Figure.part_of") and the value there."""
    hint, node, found, field = Dataset, data, (None, None), None
    for part in (int(p) if p.isdigit() else p for p in path.split(".")) if path else ():
        if isinstance(part, str) and isinstance(node, dict):
            field = f"{_kind_type(hint, node).__name__}.{part}"
        hint = _inside(hint, part, node)
        if part not in node if isinstance(node, dict) else part >= len(node):
            return (*found, None, None)
        node = node[part]
        if isinstance(part, int) and isinstance(node, dict):
            found = (hint, node)
    return (*found, field, node)


def _unpack(hint) -> tuple[object, dict, str | None]:
    """The type inside Annotated, its Rules' constraints (and "description"), and its Refers kind."""
    constraints, refers = {}, None
    while typing.get_origin(hint) is typing.Annotated:
        for mark in hint.__metadata__:
            if isinstance(mark, Rules):
                constraints.update(mark.constraints)
                constraints.setdefault("description", mark.description)
            elif isinstance(mark, Refers):
                refers = mark.kind
        hint = typing.get_args(hint)[0]
    return hint, constraints, refers


def _refers_to(hint, seen=()) -> set[str]:
    """Every kind of record that a value of this type may name, however deep."""
    base, _, refers = _unpack(hint)
    kinds = {refers} if refers else set()
    if dataclasses.is_dataclass(base) and base not in seen:
        for inner in _hints(base, include_extras=True).values():
            kinds |= _refers_to(inner, (*seen, base))
    for arg in typing.get_args(base):
        kinds |= _refers_to(arg, seen)
    return kinds


def _holds(hint) -> str | None:
    """The kind of record a field holds ("figure" for tuple[Figure, ...], "unit" for dict[Id, Unit])."""
    base = _unpack(hint)[0]
    args = [a for a in typing.get_args(base) if a is not Ellipsis]
    inner = _unpack(args[-1])[0] if args else base
    return inner.__name__.lower() if dataclasses.is_dataclass(inner) else None


@functools.cache
def _in_reference_order(cls: type) -> list[dataclasses.Field]:
    """The fields, those holding records others name before the records that name them."""
    hints = _hints(cls, include_extras=True)
    pending = list(dataclasses.fields(cls))
    holds = {f.name: _holds(hints[f.name]) for f in pending}
    ordered = []
    while pending:
        waiting = {holds[f.name] for f in pending} - {None}
        ready = next((f for f in pending if not (_refers_to(hints[f.name]) - {holds[f.name]}) & waiting), pending[0])
        ordered.append(ready)
        pending.remove(ready)
    return ordered


def _inside(hint, part, node):
    """The type of node[part], given the type of node (a block's type is the kind it names)."""
    base = _unpack(hint)[0]
    if dataclasses.is_dataclass(base):
        return _hints(base, include_extras=True)[part]
    if typing.get_origin(base) in (typing.Union, types.UnionType):
        kinds = {_kind_tag(option): option for option in typing.get_args(base)}
        return _inside(kinds.get(node.get("kind"), base), part, node)
    args = [a for a in typing.get_args(base) if a is not Ellipsis]
    item = args[-1]
    item_base = _unpack(item)[0]
    if typing.get_origin(item_base) in (typing.Union, types.UnionType) and isinstance(node[part], dict):
        kinds = {_kind_tag(option): option for option in typing.get_args(item_base)}
        return kinds.get(node[part].get("kind"), item)
    return item


def _kind_type(hint, node: dict) -> type:
    """The record type of a node: its annotation's, or for a union the kind the node names."""
    base = _unpack(hint)[0]
    if typing.get_origin(base) in (typing.Union, types.UnionType):
        return {_kind_tag(option): option for option in typing.get_args(base)}.get(node.get("kind"), dict)
    return base if isinstance(base, type) else dict


def _kind_tag(record) -> str | None:
    hints = _hints(record, include_extras=False) if dataclasses.is_dataclass(record) else {}
    return typing.get_args(hints["kind"])[0] if "kind" in hints else None


if __name__ == "__main__":
    dataset = json.dumps(synthetic_dataset(int(sys.argv[1])), ensure_ascii=False, indent=1)
    if len(sys.argv) > 2:
        Path(sys.argv[2]).write_text(dataset + "\n", encoding="utf-8")
    else:
        print(dataset)
