"""Simulated visitors: a plan of sessions over some days, played through the real Visits.

Used by the tests (which compute what the statistics must say from the plan itself) and by
`python -m kiosk.analytics.simulate --days 7 --db FILE` to make a database to look at.
"""

from __future__ import annotations

import argparse
import datetime
import random
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.analytics.visits import Visits
from kiosk.model.loader import load_dataset
from kiosk.resources import data_path

# Ids from the bundled dataset, so that reports made from a simulation show real names.
VIEWS = load_dataset(data_path()).tab_ids
FIGURES = ("land-share", "gdp-share", "share-high-end-equipment", "share-health-care",
           "high-tech-companies-share", "green-coverage", "national-talents")
SOURCES = ("chinadaily-2022-07-08", "jnhn-2025-02-28", "chinadaily-2020-12-17")
IDLE_SECONDS = 110  # idle warning after 90 s, reset 20 s later (the defaults)


@dataclass
class Session:
    start: float  # Unix time of the first touch
    steps: list[tuple[float, str, object]] = field(default_factory=list)  # (seconds after start, action, arg)

    @property
    def length(self) -> float:
        return self.steps[-1][0] if self.steps else 0.0


def plan(first_day: datetime.date, days: int, seed: int, tz: datetime.tzinfo | None = None) -> list[Session]:
    """Visitors during opening hours (9:00-17:00), busier late morning and mid afternoon."""
    rng = random.Random(seed)
    sessions = []
    for day in range(days):
        date = first_day + datetime.timedelta(days=day)
        opening = datetime.datetime.combine(date, datetime.time(9), tz).timestamp()
        clock = opening
        closing = opening + 8 * 3600
        while True:
            hour = (clock - opening) / 3600
            busy = 2.0 if 1 <= hour < 3 or 5 <= hour < 7 else 1.0
            clock += rng.expovariate(busy / 420)  # a visitor every ~7 min, twice as often when busy
            if clock >= closing:
                break
            session = _visit(rng, clock)
            sessions.append(session)
            clock = session.start + session.length + IDLE_SECONDS
    return sessions


def _visit(rng: random.Random, start: float) -> Session:
    session = Session(start)
    offset = 0.0
    for _ in range(rng.randint(0, 12)):
        offset += rng.uniform(2, 45)
        action = rng.choices(("view", "figure", "source", "language", "text_size", "contrast"),
                             weights=(10, 5, 2, 2, 1, 1))[0]
        arg = {"view": lambda: rng.choice(VIEWS), "figure": lambda: rng.choice(FIGURES),
               "source": lambda: rng.choice(SOURCES), "language": lambda: rng.choice(("en", "zh")),
               "text_size": lambda: rng.choice((1.25, 1.5, 1.0)), "contrast": lambda: rng.random() < 0.5}[action]()
        session.steps.append((round(offset, 3), action, arg))
    return session


class Clock:
    def __init__(self, now: float = 0.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def play(sessions: list[Session], visits: Visits, clock: Clock, with_qr: frozenset = frozenset(SOURCES)) -> None:
    """Each session as the kiosk reports it: a touch before every action, the idle reset after."""
    for session in sessions:
        clock.now = session.start
        visits.pressed()
        for offset, action, arg in session.steps:
            clock.now = session.start + offset
            visits.pressed()
            if action == "view":
                visits.view(arg)
            elif action == "language":
                visits.language_switched(arg)
            elif action == "source":
                visits.source(arg)
                if arg in with_qr:
                    visits.qr(arg)
            else:
                {"figure": visits.figure, "text_size": visits.text_size, "contrast": visits.contrast}[action](arg)
        clock.now = session.start + session.length + IDLE_SECONDS
        visits.idle_reset()
        visits.view("overview")  # what the reset puts back: not the visitor's doing
        visits.language_switched("en")


def main(argv: list[str] | None = None) -> int:
    from kiosk.analytics.writer import Writer

    parser = argparse.ArgumentParser(prog="python -m kiosk.analytics.simulate", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--until", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="last simulated day (default today)")
    args = parser.parse_args(argv)
    sessions = plan(args.until - datetime.timedelta(days=args.days - 1), args.days, args.seed)
    clock = Clock(sessions[0].start - 60 if sessions else 0.0)
    writer = Writer(args.db, clock=clock).start()
    play(sessions, Visits(writer.put, "en", "overview", clock), clock)
    writer.stop(0, timeout=60)
    print(f"{len(sessions)} sessions over {args.days} days written to {args.db}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
