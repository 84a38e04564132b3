"""``kiosk doctor``: run every check and explain what is wrong, with the fix. Qt-free.

Exit 0 when every finding is ok; 1 when any is a warning or a problem (each is listed with its
fix); 2 for bad arguments. ``--json`` prints the findings for tools. The staff panel's self-test
page runs this command too, with ``--json-parts`` (each text as its template and values, which
the page translates).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from kiosk.config import default_config_path
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, WARNING, Finding, by_severity, worst

EXIT_WELL, EXIT_NOT_WELL = 0, 1
LABELS = {OK: "ok", WARNING: "WARNING", PROBLEM: "PROBLEM"}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk doctor", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--config", type=Path, help=f"configuration file (default {default_config_path()})")
    p.add_argument("--data", type=Path, help="the data file the kiosk is started with (--data), if any")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument("--json-parts", action="store_true", help=argparse.SUPPRESS)  # for the self-test page
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    from kiosk.doctor.checks import CHECKS

    env = Environment(config_path=args.config or default_config_path(), data_override=args.data)
    findings = CHECKS.run(env)
    if args.json_parts:
        print(json.dumps([f.as_parts() for f in findings], ensure_ascii=False))
    else:
        print(as_json(findings) if args.json else as_text(findings))
    return EXIT_WELL if worst(findings) == OK else EXIT_NOT_WELL


def as_json(findings: list[Finding]) -> str:
    """A stable structure: the overall status and every finding (id, status, message, fix)."""
    return json.dumps({"status": worst(findings), "findings": [f.as_dict() for f in findings]},
                      ensure_ascii=False, indent=2)


def as_text(findings: list[Finding], width: int = 100) -> str:
    """Problems first, then warnings, then what is fine; a summary line at the end."""
    lines = []
    for finding in by_severity(findings):
        head = f"{LABELS[finding.status]:<8} {finding.id}: "
        lines += textwrap.wrap(str(finding.message), width, initial_indent=head, subsequent_indent=" " * 9,
                               break_on_hyphens=False, break_long_words=False)
        if str(finding.fix):
            lines += textwrap.wrap(str(finding.fix), width, initial_indent=" " * 9 + "fix: ",
                                   subsequent_indent=" " * 14, break_on_hyphens=False, break_long_words=False)
    counts = {status: sum(f.status == status for f in findings) for status in (PROBLEM, WARNING)}
    if worst(findings) == OK:
        lines.append(f"\nAll {len(findings)} checks are fine.")
    else:
        lines.append(f"\n{counts[PROBLEM]} problem(s), {counts[WARNING]} warning(s) of {len(findings)} findings: "
                     + ", ".join(dict.fromkeys(f.id for f in by_severity(findings) if f.status != OK)))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
