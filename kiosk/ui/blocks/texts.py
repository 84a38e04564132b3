"""Facts (sourced statements, and single figures, as tiles) and plain text."""

from __future__ import annotations

from kiosk.model import dataset as data
from kiosk.ui import strings
from kiosk.ui.blocks.photos import thumbnail
from kiosk.ui.blocks.registry import builds
from kiosk.ui.context import ViewContext
from kiosk.ui.widgets import CardGrid, FactTile, Panel, label

TILE_WIDTH = 420


@builds(data.Facts)
def facts(ctx: ViewContext, block: data.Facts) -> Panel:
    """Each tile with its own source line (a panel of facts rarely shares one source)."""
    tiles = [FactTile(ctx.text(f.title), ctx.text(f.text), ctx.provenance([f]), f"fact-{f.id}",
                      *thumbnail(ctx, f.photo))
             for f in (ctx.dataset.fact(i) for i in block.facts)]
    tiles += [FactTile(ctx.ui(strings.LABEL_VALUE, label=ctx.text(f.label), value=ctx.value(f)), None,
                       ctx.provenance([f]), f"figure-{f.id}")
              for f in ctx.figures(block.figures)]
    panel = Panel(ctx.text(block.title) if block.title else None)
    panel.add(CardGrid(tiles, TILE_WIDTH))
    return panel.finish()


@builds(data.TextBlock)
def text(ctx: ViewContext, block: data.TextBlock) -> Panel:
    panel = Panel(ctx.text(block.title) if block.title else None)
    panel.add(label(ctx.text(block.text)))
    return panel.finish()
