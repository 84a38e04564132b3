"""What a check found: a status, what it means and the fix, in words a technician understands. Qt-free.

Messages keep their English template and values apart, so that the command prints English and
the staff panel shows the same finding in the kiosk's current language (kiosk.wording).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.wording import Message, say  # noqa: F401 (say: the checks import it from here)

OK, WARNING, PROBLEM = "ok", "warning", "problem"
STATUSES = (OK, WARNING, PROBLEM)
SEVERITY = {OK: 0, WARNING: 1, PROBLEM: 2}


@dataclass(frozen=True)
class Finding:
    """One result. ``id`` is stable (tools key on it); ``fix`` is empty when nothing needs doing."""

    id: str
    status: str
    message: Message | str
    fix: Message | str = ""

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "status": self.status, "message": str(self.message), "fix": str(self.fix)}

    def as_parts(self) -> dict:
        """Like as_dict, with each text as its template and values, so that it can be translated."""
        return {"id": self.id, "status": self.status, "message": _parts(self.message), "fix": _parts(self.fix)}

    @classmethod
    def from_parts(cls, parts: dict) -> Finding:
        return cls(parts["id"], parts["status"], _joined(parts["message"]), _joined(parts["fix"]))


def _parts(text: Message | str):
    if isinstance(text, Message):
        return {"template": text.template, "values": {name: _parts(value) for name, value in text.values}}
    return str(text)


def _joined(parts) -> Message | str:
    if isinstance(parts, dict):
        return Message(parts["template"], tuple((name, _joined(value)) for name, value in parts["values"].items()))
    return parts


def worst(findings) -> str:
    """The most severe status among the findings (ok when there are none)."""
    return max((f.status for f in findings), key=SEVERITY.__getitem__, default=OK)


def by_severity(findings) -> list[Finding]:
    """Problems first, then warnings, then the rest; each group in the checks' order."""
    return sorted(findings, key=lambda f: -SEVERITY[f.status])
