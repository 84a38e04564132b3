"""The content as a tree: the dataset's collections and the records in them, found through the
model's types (kiosk.editor.fields), so that a collection the model gains appears by itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from kiosk.editor.fields import MAPPING, RECORD, RECORDS, Field, HOLDERS, choose_record, record_fields
from kiosk.model.dataset import Dataset

PATH = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Node:
    """A place in the tree: a record (`record` set) or a list of records (`holder` set)."""

    path: tuple
    record: type | None = None
    holder: Field | None = None  # the field of the record above that holds the list

    @property
    def is_record(self) -> bool:
        return self.record is not None


def nodes(data: dict) -> Iterator[tuple[Node, tuple | None]]:
    """Every node of the tree with its parent's path (None at the top), parents first: the
    dataset's own fields as "general", then each field holding records."""
    yield Node((), Dataset), None
    yield from _holders(data, (), Dataset, None, top=True)


def _holders(value: dict, path: tuple, record: type, parent, top: bool = False):
    # The dataset's own collections show even while empty (or left out), so that one can be added to.
    holders = [f for f in record_fields(record) if f.shape.kind in HOLDERS and (f.name in value or top)]
    for f in holders:
        inner = value.get(f.name)
        if f.shape.kind == RECORD:
            kind = choose_record(f.shape.records, inner)
            if kind is not None and isinstance(inner, dict):
                yield Node((*path, f.name), kind), parent
                yield from _holders(inner, (*path, f.name), kind, (*path, f.name))
            continue
        # A record holding one list shows its items directly under it; else each list is a branch.
        group = (*path, f.name) if top or len(holders) > 1 else None
        if group is not None:
            yield Node(group, holder=f), parent
        items = inner.items() if f.shape.kind == MAPPING and isinstance(inner, dict) else \
            enumerate(inner) if f.shape.kind == RECORDS and isinstance(inner, list) else ()
        for key, item in items:
            kind = choose_record(f.shape.records, item)
            if kind is not None and isinstance(item, dict):
                yield Node((*path, f.name, key), kind), group if group is not None else parent
                yield from _holders(item, (*path, f.name, key), kind, (*path, f.name, key))


class ContentTree(QTreeWidget):
    def __init__(self):
        super().__init__()
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.items: dict[tuple, QTreeWidgetItem] = {}
        self.nodes: dict[tuple, Node] = {}

    def rebuild(self, data: dict, name: Callable[[Node], str]) -> None:
        """All nodes again (after items were added, removed or moved), keeping what was open."""
        current = self.current_path()
        opened = {path for path, item in self.items.items() if item.isExpanded()} if self.items else None
        self.blockSignals(True)
        self.clear()
        self.items, self.nodes = {}, {}
        for node, parent in nodes(data):
            item = QTreeWidgetItem([name(node)])
            item.setData(0, PATH, node.path)
            (self.items[parent].addChild if parent is not None else self.addTopLevelItem)(item)
            self.items[node.path], self.nodes[node.path] = item, node
        for path, item in self.items.items():
            item.setExpanded(path in opened if opened is not None else _opens_at_first(item, self.nodes[path]))
        self.blockSignals(False)
        if current is not None:
            self.select(self.nearest(current))

    def rename(self, name: Callable[[Node], str]) -> None:
        for path, item in self.items.items():
            item.setText(0, name(self.nodes[path]))

    def current_path(self) -> tuple | None:
        item = self.currentItem()
        return item.data(0, PATH) if item is not None else None

    def current_node(self) -> Node | None:
        path = self.current_path()
        return self.nodes.get(path) if path is not None else None

    def nearest(self, path: tuple) -> tuple:
        """The deepest node at or above `path` (a field's path gives its record)."""
        for length in range(len(path), -1, -1):
            if path[:length] in self.items:
                return path[:length]
        return ()

    def select(self, path: tuple) -> None:
        item = self.items.get(path)
        if item is not None:
            self.setCurrentItem(item)
            self.scrollToItem(item)


def _opens_at_first(item: QTreeWidgetItem, node: Node) -> bool:
    """Open at first: records with parts (a tab's blocks) and the lists of such records."""
    children = [item.child(n) for n in range(item.childCount())]
    return bool(children) and (node.is_record or any(child.childCount() for child in children))
