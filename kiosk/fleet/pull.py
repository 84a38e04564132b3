"""A kiosk's side: poll the published bundle, download, verify, install. Qt-free.

Each poll asks for the signature with the ETag of the last one seen (If-None-Match): while
nothing is published it costs one small request answered "304 Not Modified". When it changes,
the manifest and then every file not installed already (by SHA-256: a picture the publish did
not change is copied from the installed content) are put in a staging folder and checked (signature
against the configured public key, every size and SHA-256, no path out of the bundle, a content
version newer than the one shown, the kiosk's own validation). Only then are the files installed
as the operator data file (pictures first, data file last, each atomically); the running kiosk's
live reload (kiosk.ui.reload) swaps them in through the last-good mechanism of kiosk.datastore.

A refused bundle leaves everything as it was and is not downloaded again until another is
published. Without the network nothing changes on screen: the next polls back off, and the
first one that gets through catches up.
"""

from __future__ import annotations

import enum
import hashlib
import json
import logging
import shutil
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import minisign

from kiosk.atomic_file import write_atomically
from kiosk.fleet import content_file
from kiosk.fleet.background import Repeating, backoff
from kiosk.fleet.bundle import (DATA_FILE, MANIFEST, MAX_MANIFEST_BYTES, MAX_SIGNATURE_BYTES, SIGNATURE,
                                BundleRefused, Manifest, safe_path, verify_staged)
from kiosk.model.loader import MAX_BYTES
from kiosk.model.media import MEDIA_FOLDER

log = logging.getLogger(__name__)
INSTALLED = "installed.json"  # {"version": the content version installed, "etag": of its signature}
MAX_PICTURE_BYTES = 64 * 1024 * 1024


class Outcome(enum.Enum):
    UNCHANGED = "unchanged"
    INSTALLED = "installed"
    REFUSED = "refused"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class Polled:
    outcome: Outcome
    message: str = ""
    version: int | None = None


class Unreachable(Exception):
    """The store did not answer as a store does (no network, down, an HTTP error)."""


class Puller:
    """Keeps `folder`/content/data.json (the kiosk's operator file) at the newest good bundle at `url`."""

    def __init__(self, url: str, public_key: minisign.PublicKey, folder: Path, timeout: float = 30):
        self.url = url.rstrip("/") + "/"
        self.public_key = public_key
        self.folder = folder
        self.timeout = timeout
        self._etag: str | None = self._installed().get("etag")
        self._offline = False  # the store was unreachable at the last poll: said once, not at every poll
        self._refusal = ""  # the last refusal, logged once until something else happens

    @property
    def data_file(self) -> Path:
        return content_file(self.folder)

    @property
    def shown_version(self) -> int | None:
        version = self._installed().get("version")
        return version if isinstance(version, int) else None

    def poll(self) -> Polled:
        try:
            polled = self._poll()
        except Unreachable as error:
            if not self._offline:
                log.warning("fleet: cannot reach %s (%s); showing the content on screen until it is back",
                            self.url, error)
            self._offline = True
            return Polled(Outcome.UNREACHABLE, str(error))
        if self._offline:
            log.info("fleet: %s answers again", self.url)
            self._offline = False
        return polled

    def _poll(self) -> Polled:
        etag = None
        try:
            answer = self._get(SIGNATURE, MAX_SIGNATURE_BYTES, etag=self._etag)
            if answer is None:
                return Polled(Outcome.UNCHANGED, version=self.shown_version)
            signature, etag = answer
            manifest_bytes = self._download()
            manifest, _ = verify_staged(self._staging, manifest_bytes, signature, self.public_key, self.shown_version)
            self._install(manifest, etag)
        except BundleRefused as refusal:
            self._etag = etag  # not downloaded again until another bundle is published
            if str(refusal) != self._refusal:
                log.error("fleet: refused the bundle at %s, keeping the content on screen: %s", self.url, refusal)
            self._refusal = str(refusal)
            return Polled(Outcome.REFUSED, str(refusal), self.shown_version)
        finally:
            shutil.rmtree(self._staging, ignore_errors=True)
        self._etag, self._refusal = etag, ""
        log.info("fleet: installed content version %d from %s", manifest.version, self.url)
        return Polled(Outcome.INSTALLED, version=manifest.version)

    @property
    def _staging(self) -> Path:
        return self.folder / "staging"

    def _download(self) -> bytes:
        """The manifest (returned) and its files, into the staging folder; the checks come after."""
        manifest_bytes, _ = self._get(MANIFEST, MAX_MANIFEST_BYTES)
        manifest = Manifest.from_bytes(manifest_bytes)
        shutil.rmtree(self._staging, ignore_errors=True)
        have = self._installed_files()
        for entry in manifest.files:
            limit = MAX_BYTES if entry.path == DATA_FILE else MAX_PICTURE_BYTES
            if entry.size > limit:
                raise BundleRefused(f"{entry.path} is {entry.size:,} bytes; a kiosk takes at most {limit:,}")
            path = self._staging / safe_path(entry.path)
            path.parent.mkdir(parents=True, exist_ok=True)
            if entry.sha256 in have:  # installed already (a picture the publish did not change)
                shutil.copyfile(have[entry.sha256], path)
                continue
            data, _ = self._get(entry.key, entry.size)
            path.write_bytes(data)
        return manifest_bytes

    def _installed_files(self) -> dict[str, Path]:
        """The files of the content installed now, by their SHA-256, so that a new bundle costs
        only the files that changed. Hashed here from their bytes, never taken from a name or a
        note: a damaged file is simply not reused (and everything staged is checked again)."""
        content = self.data_file.parent
        media = content / MEDIA_FOLDER
        files = [self.data_file, *(sorted(media.iterdir()) if media.is_dir() else ())]
        found = {}
        for path in files:
            try:
                with path.open("rb") as file:
                    found[hashlib.file_digest(file, "sha256").hexdigest()] = path
            except OSError:
                continue  # missing or unreadable: downloaded instead
        return found

    def _install(self, manifest: Manifest, etag: str | None) -> None:
        """The checked files as the operator's data file: pictures first, the data file last (the
        live reload acts on it), then pictures no longer used are removed."""
        content = self.data_file.parent
        (content / MEDIA_FOLDER).mkdir(parents=True, exist_ok=True)
        paths = {entry.path for entry in manifest.files}
        for path in sorted(paths - {DATA_FILE}) + [DATA_FILE]:
            write_atomically(content / path, (self._staging / path).read_bytes())
        for old in (content / MEDIA_FOLDER).iterdir():
            if f"{MEDIA_FOLDER}/{old.name}" not in paths:
                old.unlink()
        installed = {"version": manifest.version, "etag": etag, "created": manifest.created}
        write_atomically(self.folder / INSTALLED, json.dumps(installed).encode())

    def _get(self, name: str, limit: int, etag: str | None = None) -> tuple[bytes, str | None] | None:
        """(body, ETag), or None for 304 Not Modified. A body over `limit` is cut there (the
        hash check then refuses it), so a store cannot fill the kiosk's disk."""
        request = urllib.request.Request(self.url + name, headers={"If-None-Match": etag} if etag else {})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read(limit + 1)[:limit + 1], response.headers.get("ETag")
        except urllib.error.HTTPError as error:
            if error.code == 304:
                return None
            if error.code in (403, 404):
                raise BundleRefused(f"{self.url + name} cannot be read (HTTP {error.code}): nothing published "
                                    "there yet, a wrong url in the [fleet] settings, or a store that does not "
                                    "let kiosks read the bundle (see the README's Fleet section)") from None
            raise Unreachable(f"HTTP {error.code} for {name}") from None
        except (urllib.error.URLError, OSError) as error:
            raise Unreachable(str(getattr(error, "reason", error))) from None

    def _installed(self) -> dict:
        try:
            installed = json.loads((self.folder / INSTALLED).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return installed if isinstance(installed, dict) else {}


class PollingThread(Repeating):
    """Polls at once, then every `interval` seconds (backing off while unreachable), on its own
    thread: downloads never hold up the screen."""

    def __init__(self, puller: Puller, interval: float):
        super().__init__("fleet-poll")
        self.puller, self.interval = puller, interval
        self._failures = 0

    def step(self) -> float:
        try:
            polled = self.puller.poll()
        except Exception:  # noqa: BLE001 (e.g. a full disk: logged, tried again later)
            log.exception("fleet: polling failed")
            polled = Polled(Outcome.UNREACHABLE)
        self._failures = self._failures + 1 if polled.outcome is Outcome.UNREACHABLE else 0
        return backoff(self.interval, self._failures)
