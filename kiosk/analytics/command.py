"""`kiosk stats`: what visitors looked at, from the anonymous analytics on this computer."""

from __future__ import annotations

import argparse
import datetime
import sqlite3
import sys
from pathlib import Path

from kiosk.analytics import db, stats


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk stats", description="Summarise the kiosk's anonymous visitor analytics (local time).")
    parser.add_argument("--since", type=date_argument, metavar="YYYY-MM-DD", help="first day (default: the first recorded)")
    parser.add_argument("--until", type=date_argument, metavar="YYYY-MM-DD", help="last day, included (default: today)")
    parser.add_argument("--csv", type=Path, metavar="DIR", help="also write each table as DIR/<table>.csv")
    parser.add_argument("--report", type=Path, metavar="FILE.html",
                        help="also write a self-contained HTML report with charts")
    parser.add_argument("--db", type=Path, default=None, help=f"analytics database (default {db.default_path()})")
    parser.add_argument("--config", type=Path, help="configuration file, for the dataset that names figures")
    return parser


def date_argument(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-11-29, got {text!r}") from None


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    path = args.db or db.default_path()
    if not path.exists():
        print(f"No visits recorded yet: there is no analytics file at {path} (the kiosk starts one when it "
              "runs with analytics = true).")
        return 0
    try:
        connection = stats.open_read(path)
        since = args.since or stats.first_day(connection, None) or datetime.date.today()
        until = args.until or datetime.date.today()
        if until < since:
            print(f"kiosk stats: --until {until} is before --since {since}", file=sys.stderr)
            return 2
        summary = stats.summarise(connection, since, until)
        connection.close()
    except (OSError, sqlite3.Error) as error:
        print(f"kiosk stats: cannot read {path}: {error}", file=sys.stderr)
        return 1
    names = dataset_names(args.config)
    # Files first: a reader that stops early (kiosk stats --csv DIR | head) must not cost them.
    done = []
    if args.csv:
        written = stats.write_csv(summary, args.csv, names)
        done.append(f"\n{len(written)} CSV files written to {args.csv}")
    if args.report:
        from kiosk.analytics.report import write_report

        write_report(summary, args.report, names)
        done.append(f"report written to {args.report}")
    print(stats.text_report(summary, names))
    for line in done:
        print(line)
    return 0


def dataset_names(config_path: Path | None) -> dict[str, str]:
    """English names of views, figures and sources, from the dataset the kiosk shows."""
    from kiosk.config import load_config
    from kiosk.datastore import DataStore
    from kiosk.model.loader import DatasetError

    config = load_config(config_path).config
    store = DataStore(Path(config.data_path) if config.data_path else None)
    try:
        dataset = store.load_at_start().dataset
    except DatasetError:
        return {}
    language = dataset.languages[0]
    names = {figure.id: figure.label[language] for figure in dataset.figures}
    names.update({source.id: source.outlet[language] + (f": {source.title}" if source.title else "")
                  for source in dataset.sources})
    names.update({tab.id: tab.title[language] for tab in dataset.views})
    return names
