"""Block kind -> how to build it, whether it takes spare height, and its attract-loop chart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from kiosk.ui.context import ViewContext


@dataclass(frozen=True)
class BlockBuilder:
    build: Callable[[ViewContext, object], QWidget]
    # A chart takes the height its tab has to spare; cards and texts keep their natural height.
    grows: bool = False
    # The block's chart again, alone, for an attract-loop slide (None: the block has none).
    showcase: Callable[[ViewContext, object], QWidget | None] | None = None


BLOCK_BUILDERS: dict[type, BlockBuilder] = {}


def builds(kind: type, *, grows: bool = False, showcase=None):
    """Register the decorated function as the builder of blocks of `kind` (a dataset record)."""
    def register(build):
        BLOCK_BUILDERS[kind] = BlockBuilder(build, grows, showcase)
        return build
    return register


def build_block(ctx: ViewContext, block) -> QWidget:
    widget = BLOCK_BUILDERS[type(block)].build(ctx, block)
    widget.setProperty("block", block.kind)
    return widget


def grows(block) -> bool:
    return BLOCK_BUILDERS[type(block)].grows


def showcase(ctx: ViewContext, block) -> QWidget | None:
    make = BLOCK_BUILDERS[type(block)].showcase
    return make(ctx, block) if make else None
