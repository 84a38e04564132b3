"""A kiosk's own choice of the data's tabs (config ``tabs``): which it shows, in which order. Qt-free.

Kiosks that share one dataset (a fleet pulls the same content everywhere) may each show it their
own way: one site leads with its industries, another leaves a tab out. A choice never costs the
visitors their screen: ids the data has no tab for are skipped (and reported), and a choice that
leaves nothing shows every tab.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kiosk.model.dataset import Dataset


@dataclass(frozen=True)
class OwnTabs:
    dataset: Dataset  # the data with the tabs chosen, in the chosen order
    unknown: tuple[str, ...] = ()  # chosen ids the data has no tab for
    ignored: bool = False  # none of the chosen ids is a tab: every tab is shown

    def problem(self) -> str | None:
        """What is wrong with the choice, in words, or None."""
        if not self.unknown:
            return None
        have = ", ".join(self.dataset.tab_ids) if not self.ignored else "every tab"
        return (f"tabs: the data has no tab {', '.join(repr(t) for t in self.unknown)}; "
                f"showing {have}")


def own_tabs(dataset: Dataset, chosen: tuple[str, ...] | None) -> OwnTabs:
    """`dataset` with only the `chosen` tabs, in that order (each once); None: as it is."""
    if not chosen:
        return OwnTabs(dataset)
    have = set(dataset.tab_ids)
    unknown = tuple(dict.fromkeys(tab for tab in chosen if tab not in have))
    kept = tuple(dict.fromkeys(tab for tab in chosen if tab in have))
    if not kept:
        return OwnTabs(dataset, unknown, ignored=True)
    return OwnTabs(replace(dataset, views=tuple(dataset.tab(tab) for tab in kept)), unknown)
