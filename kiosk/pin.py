"""The staff PIN: stored only as a salted scrypt hash; wrong guesses lock the pad. Qt-free."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

# scrypt cost: ~50 ms on a small kiosk PC, far too slow for guessing a 4-8 digit PIN offline
# at scale, fast enough that staff do not notice.
_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r),
                                p=int(p), dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class PinGuard:
    """Counts wrong PINs; after ``max_failures`` the pad is locked for ``lock_seconds``."""

    def __init__(self, stored: str | None, max_failures: int = 5, lock_seconds: float = 60,
                 clock: Callable[[], float] = time.monotonic):
        self.stored = stored
        self.max_failures = max_failures
        self.lock_seconds = lock_seconds
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0

    @property
    def configured(self) -> bool:
        return bool(self.stored)

    def seconds_locked(self) -> int:
        return max(0, int(self.locked_until - self.clock() + 0.999))

    def check(self, pin: str) -> bool:
        if not self.configured or self.seconds_locked():
            return False
        if verify_pin(pin, self.stored):
            self.failures = 0
            log.info("staff PIN accepted")
            return True
        # Logged for staff to notice someone trying; never the digits typed.
        self.failures += 1
        if self.failures >= self.max_failures:
            log.warning("wrong staff PIN (%d in a row): the PIN pad is locked for %g s", self.failures,
                        self.lock_seconds)
            self.failures = 0
            self.locked_until = self.clock() + self.lock_seconds
        else:
            log.warning("wrong staff PIN (%d of %d before the PIN pad locks)", self.failures, self.max_failures)
        return False
