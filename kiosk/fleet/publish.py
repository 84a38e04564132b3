"""Publishing a bundle to where the kiosks read it: an S3-compatible bucket, or a folder that a
web server serves. Qt-free.

The files go first and the manifest and its signature last (the signature the very last, since
it is what kiosks poll), so a kiosk never finds a manifest whose files are not there yet.
The new content version is one more than the published one: never reused, never lower.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import minisign

from kiosk.fleet.bundle import MANIFEST, SIGNATURE, BundleRefused, Manifest, build, sign

log = logging.getLogger(__name__)


class PublishProblem(Exception):
    """Why nothing (or not all) was published, said for the member of staff publishing."""


class S3Target:
    """A bucket (and prefix) of any S3-compatible store; credentials as boto3 finds them (the
    AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables, ~/.aws, a profile)."""

    def __init__(self, bucket: str, prefix: str, endpoint: str | None = None, region: str | None = None):
        import boto3

        self.bucket, self.prefix = bucket, prefix.strip("/")
        self.client = boto3.client("s3", endpoint_url=endpoint, region_name=region or "us-east-1")
        self.where = f"s3://{bucket}/{self.prefix}" + (f" at {endpoint}" if endpoint else "")

    def _key(self, name: str) -> str:
        return f"{self.prefix}/{name}" if self.prefix else name

    def get(self, name: str) -> bytes | None:
        from botocore.exceptions import ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._key(name))["Body"].read()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise

    def put(self, name: str, data: bytes, content_type: str) -> None:
        # Kiosks read without credentials: the bundle is signed, not secret (see the README).
        self.client.put_object(Bucket=self.bucket, Key=self._key(name), Body=data, ContentType=content_type)


class FolderTarget:
    """A folder served over HTTPS by any web server (which answers If-None-Match by itself)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.where = str(folder)

    def get(self, name: str) -> bytes | None:
        try:
            return (self.folder / name).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, name: str, data: bytes, content_type: str) -> None:
        from kiosk.atomic_file import write_atomically

        (self.folder / name).parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.folder / name, data)


def target(to: str, endpoint: str | None = None, region: str | None = None):
    """s3://bucket/prefix (with --endpoint for a store other than Amazon's), or a folder."""
    parsed = urlparse(to)
    if parsed.scheme == "s3":
        if not parsed.netloc:
            raise PublishProblem(f"{to}: give the bucket, as in s3://bucket/prefix")
        return S3Target(parsed.netloc, parsed.path, endpoint, region)
    if parsed.scheme in ("", "file"):
        return FolderTarget(Path(parsed.path))
    raise PublishProblem(f"{to}: publish to s3://bucket/prefix or to a folder")


@dataclass(frozen=True)
class Published:
    version: int
    files: int
    bytes: int
    where: str


def publish(data_file: Path, secret_key: minisign.SecretKey, to, version: int | None = None) -> Published:
    """Validate, bundle, sign and upload `data_file` with its pictures as the next content version."""
    last = _published_version(to, needed=version is None)
    if version is None:
        version = (last or 0) + 1
    elif last is not None and version <= last:
        raise PublishProblem(f"version {version} is not greater than version {last} already published at "
                             f"{to.where}; kiosks would refuse it")
    bundle = build(data_file, version)  # raises DatasetError for a file a kiosk would refuse
    for entry in bundle.manifest.files:
        to.put(entry.key, bundle.contents[entry.path], "application/octet-stream")
    to.put(MANIFEST, bundle.manifest_bytes, "application/json")
    to.put(SIGNATURE, sign(bundle.manifest_bytes, version, secret_key), "text/plain")
    size = sum(entry.size for entry in bundle.manifest.files)
    log.info("published content version %d (%d files, %d bytes) to %s", version, len(bundle.contents), size, to.where)
    return Published(version, len(bundle.contents), size, to.where)


def _published_version(to, needed: bool) -> int | None:
    raw = to.get(MANIFEST)
    if raw is None:
        return None
    try:
        return Manifest.from_bytes(raw).version
    except BundleRefused as error:
        if not needed:
            return None
        raise PublishProblem(f"the manifest already at {to.where} cannot be read ({error}); "
                             "give --version explicitly") from None
