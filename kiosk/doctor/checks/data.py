"""The data file: which one is configured, whether it is valid, and which dataset the kiosk would show."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.datastore import LAST_GOOD, DataStore, NoKeptCopy
from kiosk.doctor import messages as m
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, WARNING, Finding, Message, say
from kiosk.model.checks import Problem
from kiosk.model.dataset import Dataset
from kiosk.model.loader import DatasetError, load_dataset, parse_dataset, read_limited
from kiosk.model.own_tabs import own_tabs
from kiosk.resources import data_path


@dataclass(frozen=True)
class Choice:
    """What kiosk.datastore.DataStore.load_at_start would pick, found without writing anything."""

    configured: Path | None
    set_by: str  # "--data" or the configuration file
    problems: list[Problem] = field(default_factory=list)  # the configured file's, if it is invalid
    shown: str = "bundled"  # "operator file", "last good copy" or "bundled", as DataStore says
    shown_path: Path | None = None
    last_good_problems: list[Problem] = field(default_factory=list)
    bundled_problems: list[Problem] = field(default_factory=list)
    dataset: Dataset | None = None  # the one shown, as read here (None: it could not be read)


def choose(env: Environment) -> Choice:
    return env.once("data", lambda: _choose(env))


def _choose(env: Environment) -> Choice:
    bundled, bundled_problems = _read(lambda: load_dataset(data_path()))
    setting = env.loaded.config.data_path
    configured = env.data_override or (Path(setting) if setting else None)
    set_by = "--data" if env.data_override else str(env.loaded.path)
    if configured is None:
        return Choice(None, set_by, shown_path=data_path(), bundled_problems=bundled_problems, dataset=bundled)
    # The full check, as 'kiosk validate' does (a start may use a remembered one for the same bytes).
    dataset, problems = _read(lambda: parse_dataset(read_limited(configured), configured, remember=False))
    if not problems:
        return Choice(configured, set_by, shown="operator file", shown_path=configured,
                      bundled_problems=bundled_problems, dataset=dataset)
    store = DataStore(configured, env.state_dir)
    try:
        kept = store.kept_copy(configured)  # the same rule as the kiosk's start: a copy of exactly this file
    except NoKeptCopy as why_not:
        return Choice(configured, set_by, problems, "bundled", data_path(), why_not.problems, bundled_problems,
                      dataset=bundled)
    return Choice(configured, set_by, problems, "last good copy", store.last_good_path,
                  bundled_problems=bundled_problems, dataset=kept)


def _read(load) -> tuple[Dataset | None, list[Problem]]:
    """The dataset and no problems, or None and its problems."""
    try:
        return load(), []
    except DatasetError as error:
        return None, error.problems or [Problem("", "invalid")]


def check_data(env: Environment) -> list[Finding]:
    choice = choose(env)
    found = []
    if choice.configured is None:
        found.append(Finding("data", OK, say(m.DATA_BUNDLED, config=choice.set_by, path=choice.shown_path)))
    elif not choice.problems:
        found.append(Finding("data", OK, say(m.DATA_VALID, path=choice.configured, set_by=choice.set_by)))
    else:
        found.append(Finding("data", PROBLEM, say(m.DATA_INVALID, path=choice.configured, set_by=choice.set_by,
                                                  count=len(choice.problems), first=choice.problems[0].said,
                                                  shown=_shown(choice)),
                             say(m.DATA_INVALID_FIX, kiosk=env.kiosk_command(), path=choice.configured)))
    if choice.last_good_problems:
        path = env.state_dir / LAST_GOOD
        first = choice.last_good_problems[0].said
        found.append(Finding("data", WARNING, say(m.LAST_GOOD_DAMAGED, path=path, first=first),
                             say(m.LAST_GOOD_DAMAGED_FIX, path=path)))
    if choice.bundled_problems:
        found.append(Finding("data", PROBLEM, say(m.BUNDLED_INVALID, path=data_path(), count=len(choice.bundled_problems),
                                                  first=choice.bundled_problems[0].said),
                             say(m.BUNDLED_INVALID_FIX)))
    return found


def check_tabs(env: Environment) -> list[Finding]:
    """The kiosk's own choice of tabs (config tabs) against the data it would show."""
    chosen = env.loaded.config.tabs
    if not chosen:
        return []
    dataset = choose(env).dataset
    if dataset is None:
        return []  # the data check says what is wrong with it
    own = own_tabs(dataset, chosen)
    shown = ", ".join(own.dataset.tab_ids)
    if own.unknown:
        return [Finding("tabs", WARNING, say(m.TABS_UNKNOWN, path=env.loaded.path,
                                             unknown=", ".join(own.unknown), shown=shown),
                        say(m.TABS_FIX, tabs=", ".join(dataset.tab_ids)))]
    return [Finding("tabs", OK, say(m.TABS_OK, count=len(own.dataset.views), total=len(dataset.views), tabs=shown))]


def _shown(choice: Choice) -> Message:
    if choice.shown == "last good copy":
        saved = datetime.datetime.fromtimestamp(choice.shown_path.stat().st_mtime).replace(microsecond=0)
        return say(m.SHOWS_LAST_GOOD, path=choice.shown_path, time=saved.isoformat(sep=" "))
    return say(m.SHOWS_BUNDLED, path=choice.shown_path)
