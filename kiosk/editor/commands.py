"""Edits as undoable commands: each sets one or more values of the document together.

One kind of command does it all: a field typed into, an id renamed with every reference to
it, an item added, removed or moved (its whole list set at once, so that undo puts back the
exact order). Typing into one field merges into one command, so Undo takes back the whole word.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from kiosk.editor.document import Document, JsonPath

_MERGES = 1


class SetValues(QUndoCommand):
    """Set `values` ({path: value}) together; `changed(paths, structural, from_form)` is told after."""

    def __init__(self, document: Document, values: dict[JsonPath, object], text: str,
                 changed: Callable, *, structural: bool = False, session: object = None,
                 fresh: tuple[set, str | None, str | None] | None = None):
        super().__init__(text)
        self.document = document
        self.changes = {path: (document.get(path), value) for path, value in values.items()}
        self.changed = changed
        self.structural = structural
        self.session = session  # typing in the same field of the same form merges
        # (the editor's set of ids that follow their record's name, id before, id after)
        self.fresh = fresh
        self._first = True

    @property
    def paths(self) -> list[JsonPath]:
        return list(self.changes)

    def redo(self) -> None:
        for path, (_, new) in self.changes.items():
            self.document.set(path, new)
        self._swap_fresh(1)
        from_form, self._first = self._first, False
        self.changed(self.paths, self.structural, from_form)

    def undo(self) -> None:
        for path, (old, _) in reversed(self.changes.items()):
            self.document.set(path, old)
        self._swap_fresh(0)
        self.changed(self.paths, self.structural, False)

    def _swap_fresh(self, now: int) -> None:
        if self.fresh is None:
            return
        ids, *states = self.fresh
        ids.discard(states[1 - now])
        if states[now] is not None:
            ids.add(states[now])

    def id(self) -> int:
        return _MERGES if self.session is not None else -1

    def mergeWith(self, other) -> bool:  # noqa: N802 (Qt override)
        if not isinstance(other, SetValues) or other.session != self.session or \
                next(iter(other.changes)) != next(iter(self.changes)):
            return False
        for path, (old, new) in other.changes.items():
            self.changes[path] = (self.changes.get(path, (old, new))[0], new)
        if other.fresh is not None:
            self.fresh = (other.fresh[0], self.fresh[1] if self.fresh else other.fresh[1], other.fresh[2])
        return True
