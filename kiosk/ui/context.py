"""What every view needs to show content: the dataset, the language and the theme."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.model import formatting
from kiosk.model.dataset import Dataset, Figure, Text
from kiosk.theme import Theme
from kiosk.ui.strings import ui_text


@dataclass(frozen=True)
class ViewContext:
    dataset: Dataset
    language: str
    theme: Theme

    def text(self, text: Text) -> str:
        return text[self.language]

    def ui(self, key: str, **values) -> str:
        return ui_text(key, self.language, **values)

    def value(self, figure: Figure) -> str:
        return formatting.format_figure(figure, self.dataset, self.language)

    def figures(self, ids) -> list[Figure]:
        return [self.dataset.figure(i) for i in ids]

    def provenance(self, records) -> str:
        """Source line(s) and the year the data refers to, for figures or facts."""
        lines = []
        for source_id in dict.fromkeys(r.source for r in records):
            source = self.dataset.source(source_id)
            # Only figures carry "data for <year>"; facts and companies cite the source alone.
            years = {r.year for r in records if r.source == source_id and isinstance(r, Figure)}
            line = formatting.source_line(source, self.language)
            if len(years) == 1:
                line += " · " + formatting.data_year_line(years.pop(), self.language)
            lines.append(line)
        return "\n".join(lines)
