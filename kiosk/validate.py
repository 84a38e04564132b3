"""``kiosk validate PATH``: check a data file the way the kiosk will, without starting Qt.

Exit 0 with a short summary when the file is good; otherwise exit 1 and list every problem,
one per line as ``path.to.field: message`` (``--json`` for editors' tools).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kiosk.model.dataset import Dataset
from kiosk.model.loader import DatasetError, parse_dataset, read_limited

EXIT_VALID, EXIT_INVALID = 0, 1


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk validate", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=Path, help="the data file to check")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    return p


def validate(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        # Always the full check (start-up may use a remembered one for the same bytes).
        dataset = parse_dataset(read_limited(args.path), args.path, remember=False)
    except DatasetError as error:
        problems = [{"path": p.path, "message": str(p.message)} for p in error.problems]
        if args.json:
            print(json.dumps({"file": str(args.path), "valid": False, "problems": problems},
                             ensure_ascii=False, indent=2))
        else:
            print(f"{args.path}: {len(problems)} problem(s); the kiosk will not show this file")
            for problem in error.problems:
                print(problem)
        return EXIT_INVALID
    if args.json:
        print(json.dumps({"file": str(args.path), "valid": True, "problems": [], "summary": summary(dataset)},
                         ensure_ascii=False, indent=2))
    else:
        print(f"{args.path}: valid")
        for key, value in summary(dataset).items():
            print(f"  {key.replace('_', ' ')}: {value}")
    return EXIT_VALID


def summary(dataset: Dataset) -> dict:
    return {
        "zone": dataset.zone.short_name[dataset.languages[0]],
        "languages": ", ".join(dataset.languages),
        "figures": len(dataset.figures),
        "facts": len(dataset.facts),
        "sources": len(dataset.sources),
        "industries": len(dataset.industries),
        "companies": len(dataset.companies),
        "tabs": ", ".join(f"{name} ({count} block{'s' * (count != 1)})" for name, count in _view_sizes(dataset).items()),
    }


def _view_sizes(dataset: Dataset) -> dict[str, int]:
    """Each tab and how many blocks it has."""
    return {tab.id: len(tab.blocks) for tab in dataset.views}
