"""A content bundle: the data file, its pictures, and a signed manifest of them. Qt-free.

The manifest lists every file with its SHA-256 and size, a content version that only ever
grows and when it was made. It is signed with Ed25519 in minisign's format (manifest.json.minisig),
so ``minisign -Vm manifest.json -P KEY`` checks it too. Files are stored by their hash
(``files/<sha256>``): a new bundle never overwrites a file an older manifest names, so a kiosk
reading while a new version is published never gets a mix of two versions.

A kiosk accepts a bundle only if every check passes; each refusal raises BundleRefused with a
message a technician can act on.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import minisign

from kiosk.model.dataset import Dataset
from kiosk.model.loader import DatasetError, parse_dataset, read_limited
from kiosk.model.media import MEDIA_FOLDER, media_folder

FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = MANIFEST + ".minisig"
DATA_FILE = "data.json"
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_SIGNATURE_BYTES = 4096
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class BundleRefused(Exception):
    """Why a kiosk will not show a bundle, in words for the technician who reads the log."""


@dataclass(frozen=True)
class FileEntry:
    path: str  # inside the bundle: "data.json" or "media/<picture>"
    sha256: str
    size: int

    @property
    def key(self) -> str:
        """Where the file is stored, beside the manifest."""
        return f"files/{self.sha256}"


@dataclass(frozen=True)
class Manifest:
    version: int
    created: str
    files: tuple[FileEntry, ...]

    def to_bytes(self) -> bytes:
        files = {entry.path: {"sha256": entry.sha256, "size": entry.size} for entry in self.files}
        document = {"format": FORMAT, "version": self.version, "created": self.created, "files": files}
        return json.dumps(document, indent=2, ensure_ascii=False).encode() + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> Manifest:
        try:
            document = json.loads(raw)
            if document.get("format") != FORMAT:
                raise BundleRefused(f"the manifest is of format {document.get('format')!r}; this kiosk reads "
                                    f"format {FORMAT} (update the kiosk or publish with a matching version)")
            version, created = document["version"], document["created"]
            files = tuple(FileEntry(path, entry["sha256"], entry["size"]) for path, entry in document["files"].items())
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise BundleRefused(f"the manifest cannot be read ({error!r}); it was not made by 'kiosk publish'") from None
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise BundleRefused(f"the manifest's version {version!r} is not a whole number of at least 1")
        for entry in files:
            _check_entry(entry)
        if DATA_FILE not in {entry.path for entry in files}:
            raise BundleRefused(f"the manifest lists no {DATA_FILE}")
        return cls(version, str(created), files)


def _check_entry(entry: FileEntry) -> None:
    if not isinstance(entry.sha256, str) or not _SHA256.match(entry.sha256):
        raise BundleRefused(f"the manifest gives {entry.path!r} no valid SHA-256")
    if not isinstance(entry.size, int) or isinstance(entry.size, bool) or entry.size < 0:
        raise BundleRefused(f"the manifest gives {entry.path!r} no valid size")
    safe_path(entry.path)


def safe_path(path: str) -> PurePosixPath:
    """A path that stays inside the bundle: data.json or a plain name in the media folder."""
    pure = PurePosixPath(path) if isinstance(path, str) else None
    allowed = pure is not None and "\\" not in path and (
        pure.parts == (DATA_FILE,) or len(pure.parts) == 2 and pure.parts[0] == MEDIA_FOLDER
        and not pure.parts[1].startswith(".") and pure.parts[1] not in ("..",))
    if not allowed:
        raise BundleRefused(f"the manifest names {path!r}, a path outside the bundle; only {DATA_FILE} and "
                            f"{MEDIA_FOLDER}/<picture> are allowed")
    return pure


@dataclass(frozen=True)
class Bundle:
    manifest: Manifest
    contents: dict[str, bytes]  # path in the bundle -> bytes

    @property
    def manifest_bytes(self) -> bytes:
        return self.manifest.to_bytes()


def build(data_file: Path, version: int, created: datetime.datetime | None = None) -> Bundle:
    """The data file and the pictures it shows, checked as a kiosk checks them (DatasetError if not valid)."""
    raw = read_limited(data_file)
    dataset = parse_dataset(raw, data_file, remember=False)
    contents = {DATA_FILE: raw}
    for picture in dataset.media:
        contents[f"{MEDIA_FOLDER}/{picture.file}"] = (media_folder(data_file) / picture.file).read_bytes()
    files = tuple(FileEntry(path, hashlib.sha256(data).hexdigest(), len(data)) for path, data in contents.items())
    created = (created or datetime.datetime.now(datetime.timezone.utc)).replace(microsecond=0)
    return Bundle(Manifest(version, created.isoformat(), files), contents)


def sign(manifest_bytes: bytes, version: int, secret_key: minisign.SecretKey) -> bytes:
    """The .minisig file of the manifest (prehashed, as minisign 0.11 signs by default)."""
    created = int(datetime.datetime.now(datetime.timezone.utc).timestamp())
    trusted = f"timestamp:{created}\tfile:{MANIFEST}\tkiosk content version {version}"
    return bytes(secret_key.sign(manifest_bytes, prehash=True, trusted_comment=trusted)) + b"\n"


def verify_signature(manifest_bytes: bytes, signature: bytes, public_key: minisign.PublicKey) -> None:
    try:
        parsed = minisign.Signature.from_bytes(signature)
    except (minisign.Error, ValueError) as error:
        raise BundleRefused(f"the signature file {SIGNATURE} cannot be read ({error})") from None
    try:
        public_key.verify(manifest_bytes, parsed)
    except minisign.VerifyError as error:
        raise BundleRefused(f"the manifest's signature does not match the public key in the [fleet] settings "
                            f"({error}): it was changed after signing or signed with another key") from None


def check_newer(manifest: Manifest, shown_version: int | None) -> None:
    if shown_version is not None and manifest.version <= shown_version:
        raise BundleRefused(f"the bundle's content version {manifest.version} is not newer than version "
                            f"{shown_version} on screen: an older bundle is never installed over a newer one")


def check_files(manifest: Manifest, folder: Path) -> None:
    """Every file the manifest lists is in `folder` with exactly its size and SHA-256."""
    for entry in manifest.files:
        path = folder / safe_path(entry.path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise BundleRefused(f"{entry.path} of the bundle is missing ({error.strerror})") from None
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise BundleRefused(f"{entry.path} of the bundle is not the file the manifest signed "
                                f"(size {len(data)}, expected {entry.size}; hash differs): damaged or changed on the way")


def verify_staged(folder: Path, manifest_bytes: bytes, signature: bytes, public_key: minisign.PublicKey,
                  shown_version: int | None) -> tuple[Manifest, Dataset]:
    """Every check a kiosk makes before showing a bundle downloaded into `folder`."""
    verify_signature(manifest_bytes, signature, public_key)
    manifest = Manifest.from_bytes(manifest_bytes)
    check_newer(manifest, shown_version)
    check_files(manifest, folder)
    try:
        data = folder / DATA_FILE
        dataset = parse_dataset(read_limited(data), data, remember=False, media=media_folder(data))
    except DatasetError as error:
        raise BundleRefused(f"the bundle's data file is not valid for this kiosk: {error}") from None
    return manifest, dataset
