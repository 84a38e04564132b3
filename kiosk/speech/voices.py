"""The kiosk's language codes and the espeak-ng voice that reads each. Qt-free."""

from __future__ import annotations

# espeak-ng 1.52's "cmn" reads Chinese characters as Mandarin with tones (1.51, as in Debian 12,
# spells them out as pinyin letters).
VOICES = {"en": "en", "zh": "cmn"}
SAMPLE_RATE = 22050  # what espeak-ng synthesizes: mono, signed 16-bit
SAMPLE_WIDTH = 2
# The volume the kiosk starts at and returns to after each visitor (config: speech_volume).
DEFAULT_VOLUME = 0.8
# Audio outputs that are not a device's name: the desktop's default, and none (silent, real timing).
DEFAULT_OUTPUT, NULL_OUTPUT = "default", "null"


def voice_for(language: str) -> str:
    """The espeak voice for a kiosk language code; a ValueError names the ones there are."""
    try:
        return VOICES[language]
    except KeyError:
        raise ValueError(f"no speech voice for language {language!r}; there are: {', '.join(VOICES)}") from None
