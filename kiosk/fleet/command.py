"""Staff commands: 'kiosk publish' (content to every kiosk), 'kiosk fleet keygen' and 'kiosk fleet stats'
(the visitor analytics every kiosk uploaded, in one report)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

EXIT_FAILED = 1
EXIT_NOT_INSTALLED = 3


def _missing_extra(error: ImportError) -> int:
    print(f"kiosk: the fleet's commands need the optional 'fleet' extra ({error.name} is not installed): "
          "pip install 'jining-kiosk[fleet]'", file=sys.stderr)
    return EXIT_NOT_INSTALLED


def publish_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk publish", description="Validate the dataset and its pictures, sign them as the next content "
        "version and upload them where the kiosks of a fleet read them.")
    parser.add_argument("--data", type=Path, help="the data file (default: data_path in the configuration)")
    parser.add_argument("--config", type=Path, help="configuration file, for its data_path")
    parser.add_argument("--key", type=Path, required=True, help="the fleet's secret key ('kiosk fleet keygen')")
    parser.add_argument("--to", required=True, metavar="s3://BUCKET/PREFIX",
                        help="where kiosks read the bundle: s3://bucket/prefix, or a folder a web server serves")
    parser.add_argument("--endpoint", metavar="URL", help="the S3-compatible store's address (default: Amazon S3)")
    parser.add_argument("--region", help="the store's region, if it needs one")
    parser.add_argument("--version", type=int, help="content version (default: one more than the published one)")
    return parser


def publish_main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = publish_parser().parse_args(argv)
    data = args.data or _configured_data_file(args.config)
    if data is None:
        print("kiosk publish: give --data FILE (or set data_path in the configuration)", file=sys.stderr)
        return EXIT_FAILED
    try:
        from kiosk.fleet import keys, publish
        from kiosk.model.loader import DatasetError
    except ImportError as error:
        return _missing_extra(error)
    try:
        secret = keys.secret_key(args.key)
        done = publish.publish(data, secret, publish.target(args.to, args.endpoint, args.region), args.version)
    except ImportError as error:
        return _missing_extra(error)
    except (keys.KeyProblem, publish.PublishProblem) as problem:
        print(f"kiosk publish: {problem}", file=sys.stderr)
        return EXIT_FAILED
    except DatasetError as error:
        print(f"kiosk publish: nothing was published, the data file is not valid:\n{error}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # noqa: BLE001 (the store's own errors, e.g. boto3's, said as they are)
        print(f"kiosk publish: uploading to {args.to} failed: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Published content version {done.version} ({done.files} files, {done.bytes:,} bytes) to {done.where}.")
    return 0


def _configured_data_file(config: Path | None) -> Path | None:
    from kiosk.config import load_config

    path = load_config(config).config.data_path
    return Path(path) if path else None


def fleet_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="kiosk fleet", description="The fleet's signing keys.")
    commands = parser.add_subparsers(dest="command", required=True)
    keygen = commands.add_parser("keygen", help="write a new key pair (minisign format)")
    keygen.add_argument("--secret", type=Path, default=Path("fleet.key"),
                        help="secret key file, mode 0600; keep it on the publishing machine (default fleet.key)")
    keygen.add_argument("--public", type=Path, default=Path("fleet.pub"), help="public key file (default fleet.pub)")
    args = parser.parse_args(argv)
    try:
        from kiosk.fleet import keys
    except ImportError as error:
        return _missing_extra(error)
    try:
        public = keys.generate(args.secret, args.public)
    except (keys.KeyProblem, OSError) as problem:
        print(f"kiosk fleet keygen: {problem}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Secret key: {args.secret} (keep it private; it signs content)\nPublic key: {args.public}\n"
          f"Put this line in each kiosk's configuration, under [fleet]:\npublic_key = \"{keys.public_key_line(public)}\"")
    return 0


def stats_parser() -> argparse.ArgumentParser:
    from kiosk.analytics.command import date_argument

    parser = argparse.ArgumentParser(
        prog="kiosk fleet stats", description="One report of the visitor analytics every kiosk uploaded: per "
        "kiosk, per site and for the zone (local days).")
    parser.add_argument("--from", dest="source", required=True, metavar="s3://BUCKET/PREFIX",
                        help="where the kiosks upload ([fleet] analytics_url)")
    parser.add_argument("--endpoint", metavar="URL", help="the S3-compatible store's address (default: Amazon S3)")
    parser.add_argument("--since", type=date_argument, metavar="YYYY-MM-DD", help="first day (default: 30 days ago)")
    parser.add_argument("--until", type=date_argument, metavar="YYYY-MM-DD", help="last day, included (default: yesterday, "
                        "the last day kiosks upload)")
    parser.add_argument("--site", help="this site only (default: every site)")
    parser.add_argument("--report", type=Path, required=True, metavar="FILE.html", help="the HTML report to write")
    parser.add_argument("--config", type=Path, help="configuration file, for the dataset that names figures")
    return parser


def stats_main(argv: list[str]) -> int:
    import datetime
    import tempfile

    args = stats_parser().parse_args(argv)
    until = args.until or datetime.date.today() - datetime.timedelta(days=1)
    since = args.since or until - datetime.timedelta(days=29)
    if until < since:
        print(f"kiosk fleet stats: --until {until} is before --since {since}", file=sys.stderr)
        return EXIT_FAILED
    try:
        from kiosk.fleet import analytics_report
        from kiosk.fleet.analytics_upload import Store
    except ImportError as error:
        return _missing_extra(error)
    try:
        store = Store.parse(args.source, args.endpoint)
    except ValueError as error:
        print(f"kiosk fleet stats: --from: {error}", file=sys.stderr)
        return EXIT_FAILED
    with tempfile.TemporaryDirectory(prefix="kiosk-fleet-stats-") as folder:
        try:
            files = analytics_report.download(store, Path(folder), since, args.site)
        except Exception as error:  # noqa: BLE001 (the store's own errors, e.g. boto3's, said as they are)
            print(f"kiosk fleet stats: reading {args.source} failed: {error}", file=sys.stderr)
            return EXIT_FAILED
        report = analytics_report.zone_report(analytics_report.rows_by_kiosk(files, until), since, until)
    if not report.kiosks:
        print(f"no kiosk has uploaded analytics to {args.source}" + (f" for site {args.site}" if args.site else "")
              + f" since {since}: the report is empty")
    from kiosk.analytics.command import dataset_names

    analytics_report.write_html(report, args.report, dataset_names(args.config))
    print(f"{report.zone.sessions} sessions at {len(report.kiosks)} kiosk(s) of {len(report.sites)} site(s), "
          f"{since} to {until}; report written to {args.report}")
    return 0
