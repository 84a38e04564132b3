"""Text kept as its English template and its values, translated where it is shown. Qt-free.

Commands and files print the English (str()); the staff panel and the content editor show the
same text in their language, because the template is translated before the values go in.
Templates are marked with QT_TRANSLATE_NOOP, so that pyside6-lupdate extracts them into
resources/i18n/kiosk_<language>.ts with the interface text.
"""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pyside6-lupdate looks for)
    """Marks text for translation without importing Qt (the Qt-free layers must not)."""
    return text


@dataclass(frozen=True)
class Message:
    """A text template (English, with {placeholders}) and its values; a value may be a Message."""

    template: str
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return self.template.format(**{name: str(value) for name, value in self.values})


def say(template: str, **values) -> Message:
    return Message(template, tuple(values.items()))
