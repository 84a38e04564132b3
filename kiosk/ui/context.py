"""What every view needs to show content: the dataset, the theme and the interface text.

Every text a view gets from here is a Tr: it follows the current language, so a widget built
once shows the right language after every switch (see kiosk.ui.i18n).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.model import formatting
from kiosk.model.dataset import Dataset, Figure, Text
from kiosk.resources import resource_path
from kiosk.theme import Theme
from kiosk.ui import strings
from kiosk.ui.i18n import Tr, Translations, current_language, set_initial_language

if TYPE_CHECKING:
    from kiosk.ui.signals import WindowSignals


@dataclass(frozen=True)
class ViewContext:
    dataset: Dataset
    theme: Theme
    translations: Translations
    default_language: str
    # The visitor's choices (text-size and contrast buttons); theme is built from them.
    text_scale: float = 1.0
    high_contrast: bool = False
    reduce_motion: bool = False  # the operator's setting: no animations at all
    # Where widgets report taps and requests (the main window's); None: nobody listens.
    signals: WindowSignals | None = None
    media: Path | None = None  # the folder of the dataset's pictures (kiosk.model.media)

    @property
    def language(self) -> str:
        return current_language()

    def text(self, text: Text) -> Tr:
        return lambda language: text[language]

    def ui(self, source: str, **values) -> Tr:
        """Interface text (a kiosk.ui.strings constant); values may be Tr themselves."""
        return self.translations.tr(source, **values)

    def value(self, figure: Figure) -> Tr:
        return lambda language: formatting.format_figure(figure, self.dataset, language)

    def callout(self, figure: Figure) -> Tr:
        """What a chart says about a tapped element: label, exact value, year and source."""
        first = self.ui(strings.CHART_ROW, label=self.text(figure.label), value=self.value(figure))
        source = self.provenance([figure])
        return lambda language: f"{first(language)}\n{source(language)}"

    def figures(self, ids) -> list[Figure]:
        return [self.dataset.figure(i) for i in ids]

    def provenance(self, records) -> Provenance:
        """Source line(s) and the year the data refers to, for figures, facts or companies."""
        return Provenance(self, tuple(records))

    def provenance_lines(self, records, language: str):
        for source_id in dict.fromkeys(r.source for r in records):
            source = self.dataset.source(source_id)
            line = self.translations.text(language, strings.SOURCE_LINE, outlet=source.outlet[language],
                                          date=formatting.format_date(source.date, language))
            # Only figures carry "data for <year>"; facts and companies cite the source alone.
            years = {r.year for r in records if r.source == source_id and isinstance(r, Figure)}
            if len(years) == 1:
                line += " · " + self.translations.text(language, strings.DATA_FOR, year=years.pop())
            yield line


@dataclass(frozen=True)
class Provenance:
    """The source line of some records (a Tr), which also knows the records, so that tapping
    it can show their sources in full."""

    ctx: ViewContext
    records: tuple

    def __call__(self, language: str) -> str:
        return "\n".join(self.ctx.provenance_lines(self.records, language))


def make_context(dataset: Dataset, theme: Theme, language: str, *, stretch: float = 0.0,
                 translation_dirs: tuple[Path, ...] = (), reduce_motion: bool = False,
                 media: Path | None = None) -> ViewContext:
    """A context speaking `language`, which idle resets return to; build widgets after this."""
    set_initial_language(language)
    translations = Translations((resource_path("i18n"), *translation_dirs), stretch)
    return ViewContext(dataset, theme, translations, language, reduce_motion=reduce_motion, media=media)
