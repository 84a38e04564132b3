"""The speech figures of the benchmark: from say() to the first frame handed to the audio device. Qt-free.

Measured through the kiosk's own client and engine process, on miniaudio's null device (which
takes frames at a sound card's pace, so it runs in CI), from the moment say() is called until
the client has read the engine's "first-audio" event: the pipe both ways is included.
"""

from __future__ import annotations

import time

from kiosk.speech.client import Speech

PHRASES = {"en": "Industrial output value", "zh": "工业总产值"}
LONG = {"en": "The zone's industries, companies and figures, each with its source, read aloud one after another.",
        "zh": "济宁国家高新技术产业开发区的产业、企业和数据，逐一朗读，并说明来源。"}
WAIT = 30.0
PLAYED_BEFORE_INTERRUPT = 0.3  # seconds of the long text heard before the visitor touches something else


def first_audio(runs: int, stats) -> dict:
    """p50/p95/max of say() to first frame, per language, fresh (nothing playing) and interrupting
    a long text; and once with the engine's start included (the first say after the kiosk's start)."""
    results = {}
    started = []
    for _ in range(max(1, runs // 5)):
        with Speech(output="null") as speech:
            speech.say(PHRASES["en"], "en")
            speech.wait_until_quiet(WAIT)
            started.append(_last_ms(speech))
    results["speech: first say, engine start included, to first frame"] = stats(started)
    with Speech(output="null") as speech:
        speech.say(PHRASES["en"], "en")  # the engine is up: what follows is the steady state
        speech.wait_until_quiet(WAIT)
        for language, phrase in PHRASES.items():
            fresh, interrupting = [], []
            for _ in range(runs):
                speech.say(phrase, language)
                fresh.append(_heard_ms(speech))
                speech.say(LONG[language], language)
                time.sleep(PLAYED_BEFORE_INTERRUPT)
                speech.say(phrase, language)
                interrupting.append(_heard_ms(speech))
            results[f"speech: say() to first frame at the device, {language}, fresh"] = stats(fresh)
            results[f"speech: say() to first frame at the device, {language}, interrupting"] = stats(interrupting)
    return results


def _heard_ms(speech: Speech) -> float:
    """The latest say's time to its first frame; then quiet again, so that the next say is fresh."""
    speech.wait_until_heard(WAIT)
    speech.stop()
    speech.wait_until_quiet(WAIT)
    return _last_ms(speech)


def _last_ms(speech: Speech) -> float:
    if speech.problem:
        raise RuntimeError(speech.problem)
    return speech.first_audio_seconds[-1] * 1000
