"""The signing key pair of a fleet, in minisign's file formats. Qt-free.

The secret key stays on the staff machine that publishes (file mode 0600, never uploaded); each
kiosk's [fleet] settings hold the public key, the second line of the .pub file (what
``minisign -P`` takes).
"""

from __future__ import annotations

import os
from pathlib import Path

import minisign

COMMENT = "jining-kiosk fleet key"


class KeyProblem(Exception):
    """A key that cannot be used, said for the person running the command."""


def generate(secret_path: Path, public_path: Path) -> minisign.PublicKey:
    """A new key pair; neither file may exist yet (a key in use is never overwritten)."""
    for path in (secret_path, public_path):
        if path.exists():
            raise KeyProblem(f"{path} exists already; move it away first if you really mean to replace the key "
                             "(every kiosk would then need the new public key)")
    pair = minisign.KeyPair.generate()
    pair.secret_key.untrusted_comment = f"{COMMENT} (secret)"
    pair.public_key.untrusted_comment = f"{COMMENT} (public)"
    secret_path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(secret_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "wb") as file:
        file.write(bytes(pair.secret_key) + b"\n")
    public_path.write_bytes(bytes(pair.public_key) + b"\n")
    return pair.public_key


def secret_key(path: Path) -> minisign.SecretKey:
    try:
        key = minisign.SecretKey.from_file(path)
    except OSError as error:
        raise KeyProblem(f"cannot read the secret key {path}: {error.strerror}") from None
    except (minisign.Error, ValueError) as error:
        raise KeyProblem(f"{path} is not a minisign secret key ({error})") from None
    if key.is_encrypted():
        raise KeyProblem(f"{path} is protected by a password; make one without (minisign -G -W, or "
                         "'kiosk fleet keygen')")
    return key


def public_key(text: str) -> minisign.PublicKey:
    """The key as the [fleet] settings give it: the base64 line of a .pub file."""
    try:
        return minisign.PublicKey.from_base64(text.strip())
    except (minisign.Error, ValueError) as error:
        raise KeyProblem(f"{text!r} is not a minisign public key ({error}); give the second line of the "
                         ".pub file") from None


def public_key_line(key: minisign.PublicKey) -> str:
    return key.to_base64().decode()
