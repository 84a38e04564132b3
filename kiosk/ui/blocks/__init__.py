"""Blocks: what a tab is made of. One builder per block kind of the dataset (kiosk.model.dataset),
registered by kind; a tab page, the attract loop and the checks all go through this registry.

Adding a block kind: a record in kiosk.model.dataset (listed in BLOCK_KINDS), a builder here
registered with @builds, and nothing else: tabs, checks and tests find it through the registry.
"""

from kiosk.ui.blocks.registry import BLOCK_BUILDERS, build_block, builds, grows, showcase
from kiosk.ui.blocks import cards, charts, industries, photos, texts  # noqa: F401 (each registers its kinds)

__all__ = ["BLOCK_BUILDERS", "build_block", "builds", "grows", "showcase"]
