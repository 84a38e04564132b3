"""Speech for blind visitors: the engine loads and speaks both languages, and the audio output opens."""

from __future__ import annotations

import json
import re

from kiosk.doctor import messages as m
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, WARNING, Finding, say
from kiosk.speech.voices import NULL_OUTPUT

ENGINE_SECONDS = 30.0  # loading and two short sentences take well under a second
# espeak's phoneme names give a Mandarin syllable's tone as digits after it (tS;'i51 is jì):
# Chinese read as letters has none.
TONE = re.compile(r"[A-Za-z@:;'](55|35|214|51|21|11)")


def check_speech(env: Environment) -> list[Finding]:
    output = env.loaded.config.speech_output
    ran = env.run([env.python, "-m", "kiosk.speech.engine", "--check", "--output", output], timeout=ENGINE_SECONDS)
    try:
        answer = json.loads(ran.stdout) if ran.ok else None
    except ValueError:
        answer = None
    if answer is None:
        return [Finding("speech", PROBLEM, say(m.SPEECH_ENGINE_FAILED, detail=ran.why()), say(m.SPEECH_ENGINE_FIX))]
    return [_engine(answer), _output(answer, env)]


def _engine(answer: dict) -> Finding:
    languages = answer["languages"]
    for language, name in (("en", "English"), ("zh", "Mandarin")):
        if languages[language]["seconds"] <= 0:
            return Finding("speech", PROBLEM, say(m.SPEECH_SILENT, language=name), say(m.SPEECH_ENGINE_FIX))
    chinese = languages["zh"]
    # One tone per Chinese character of the test sentence (its last character is a full stop).
    if len(TONE.findall(chinese["phonemes"])) < len(chinese["text"]) - 1:
        return Finding("speech", PROBLEM, say(m.SPEECH_NOT_MANDARIN, phonemes=chinese["phonemes"]),
                       say(m.SPEECH_ENGINE_FIX))
    return Finding("speech", OK, say(m.SPEECH_OK, version=answer["espeak"], english=f"{languages['en']['seconds']:.1f}",
                                     chinese=f"{chinese['seconds']:.1f}"))


def _output(answer: dict, env: Environment) -> Finding:
    config = env.loaded.path
    if answer["problem"]:
        return Finding("speech-output", PROBLEM, say(m.SPEECH_OUTPUT_FAILED, detail=answer["problem"]), say(m.SPEECH_OUTPUT_FIX, config=config))
    if answer["output"] == NULL_OUTPUT:
        return Finding("speech-output", WARNING, say(m.SPEECH_OUTPUT_NULL), say(m.SPEECH_OUTPUT_NULL_FIX, config=config))
    return Finding("speech-output", OK, say(m.SPEECH_OUTPUT_OK, output=answer["output"], backend=answer["backend"]))
