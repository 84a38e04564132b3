"""The model's field descriptions (kiosk.model.dataset), marked for translation: the content
editor shows them as help in its own language. Written by scripts/build_translations.py from
kiosk.editor.fields.descriptions(); do not edit."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

NOTES = (
    QT_TRANSLATE_NOOP("Kiosk", "2: tabs made of blocks (files of version 1 are read as 2)."),
    QT_TRANSLATE_NOOP("Kiosk", "The year the zone was established: no figure refers to an earlier year."),
    QT_TRANSLATE_NOOP("Kiosk", "Per language, with \"{}\" where the number goes."),
    QT_TRANSLATE_NOOP("Kiosk", "May be shown in thousands/millions or 万/亿."),
    QT_TRANSLATE_NOOP("Kiosk", "Use thousands separators (false for years)."),
    QT_TRANSLATE_NOOP("Kiosk", "Values are percentages: 0 to 100."),
    QT_TRANSLATE_NOOP("Kiosk", "Title as published, in its own language."),
    QT_TRANSLATE_NOOP("Kiosk", "The year the figure refers to."),
    QT_TRANSLATE_NOOP("Kiosk", "The figure exactly as the source states it."),
    QT_TRANSLATE_NOOP("Kiosk", "Another figure shown under this one."),
    QT_TRANSLATE_NOOP("Kiosk", "A figure (same unit) this one is a part of."),
    QT_TRANSLATE_NOOP("Kiosk", "Values by year from a source; a chart is shown once there are two."),
    QT_TRANSLATE_NOOP("Kiosk", "Figure id: the cluster's share of the city's total (percent)."),
    QT_TRANSLATE_NOOP("Kiosk", "Pictures, each a file in the media folder beside the data file."),
    QT_TRANSLATE_NOOP("Kiosk", "Its file name in the media folder, e.g. \"harbour.jpg\"."),
    QT_TRANSLATE_NOOP("Kiosk", "What the picture shows, for visitors who cannot see it (read aloud)."),
    QT_TRANSLATE_NOOP("Kiosk", "Who made the picture; shown with it."),
    QT_TRANSLATE_NOOP("Kiosk", "The terms it is shown under, e.g. \"CC BY 4.0\" or \"with permission\"."),
    QT_TRANSLATE_NOOP("Kiosk", "Where it was published, if it was."),
    QT_TRANSLATE_NOOP("Kiosk", "The approval number a map shown in public in China needs (审图号), shown with it."),
    QT_TRANSLATE_NOOP("Kiosk", "The point (x, y, each 0 to 1 from the top left) that stays in view when a place crops it."),
    QT_TRANSLATE_NOOP("Kiosk", "The tabs, in the order the tab bar shows them."),
    QT_TRANSLATE_NOOP("Kiosk", "Share of the row beside the other blocks, in landscape: 1, 2 or 3."),
    QT_TRANSLATE_NOOP("Kiosk", "Under the block before it, in the same column, instead of beside it."),
    QT_TRANSLATE_NOOP("Kiosk", "Starts a new row under the blocks before it."),
    QT_TRANSLATE_NOOP("Kiosk", "At least two: one bar compares nothing."),
    QT_TRANSLATE_NOOP("Kiosk", "log keeps very small and very large values readable together."),
    QT_TRANSLATE_NOOP("Kiosk", "Percent figures; at least two."),
    QT_TRANSLATE_NOOP("Kiosk", "Shown above the ring, the figure's label under it; without a title the figure's label is the title."),
    QT_TRANSLATE_NOOP("Kiosk", "Which chart colour (1 to 7); none: the accent colour."),
    QT_TRANSLATE_NOOP("Kiosk", "Tells visitors what to tap."),
    QT_TRANSLATE_NOOP("Kiosk", "The selected industry's share, with \"{value}\" where the number goes."),
    QT_TRANSLATE_NOOP("Kiosk", "A figure with a series of at least two years."),
    QT_TRANSLATE_NOOP("Kiosk", "At least two pictures."),
    QT_TRANSLATE_NOOP("Kiosk", "A wide picture across the top of the tab."),
)
