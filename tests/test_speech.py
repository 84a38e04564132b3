"""Speech for blind visitors with the real engine (espeak-ng in its own process) and real playback
through miniaudio's null device, which takes frames at the pace of a sound card without one.
What the device received is recorded by the engine (--record) for the volume and pause checks."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from kiosk.speech.client import Speech, write_wav

LONG_ENGLISH = ("Welcome to the Jining National High-tech Industrial Development Zone. This kiosk shows the zone's "
                "industries, companies and figures, each with its source. Touch a chart to hear its values.")
SHORT_ENGLISH = "Welcome to the zone."
CHINESE = "济宁国家高新技术产业开发区欢迎您"  # 16 characters, each one syllable
WAIT = 30.0  # seconds: only a broken engine takes this long


def mandarin_tones(phonemes: str) -> list[str]:
    """Tone numbers in espeak's phoneme names (Chao tone letters as digits: 55 35 214 51)."""
    return re.findall(r"[A-Za-z;'](55|35|214|51)", phonemes)


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as audio:
        assert (audio.getnchannels(), audio.getsampwidth()) == (1, 2)
        return audio.getnframes() / audio.getframerate()


def samples(path: Path) -> np.ndarray:
    return np.frombuffer(path.read_bytes(), dtype=np.int16)


def rms(values: np.ndarray) -> float:
    return float(np.sqrt(np.mean(values.astype(np.float64) ** 2)))


@pytest.fixture
def speech(tmp_path):
    """Speech through the null device, recording what the device gets into tmp_path/<id>.pcm."""
    with Speech(output="null", volume=1.0, engine_args=("--record", str(tmp_path))) as speaking:
        yield speaking


def event(speech: Speech, kind: str, utterance_id: int) -> dict | None:
    return speech.wait_for_event(lambda e: e.get("event") == kind and e.get("id") == utterance_id, WAIT)


def no_audio_device(monkeypatch, home: Path) -> None:
    """Whatever this machine has, the engine finds no usable output: ALSA's default names a card
    that does not exist, and no sound server answers."""
    (home / ".asoundrc").write_text('pcm.!default { type hw card 31 }\nctl.!default { type hw card 31 }\n')
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PULSE_SERVER", f"unix:{home / 'no-such-socket'}")
    monkeypatch.setenv("JACK_NO_START_SERVER", "1")


# ---- what is said -------------------------------------------------------------------------

def test_english_audio_lasts_as_long_as_its_words_take(tmp_path):
    short = write_wav(SHORT_ENGLISH, "en", tmp_path / "short.wav")
    long = write_wav(LONG_ENGLISH, "en", tmp_path / "long.wav")
    assert wav_seconds(tmp_path / "long.wav") == pytest.approx(long, abs=0.01)
    assert long > 3 * short
    words_per_minute = len(LONG_ENGLISH.split()) / (long / 60)
    assert 100 <= words_per_minute <= 260  # people speak 120-200; espeak's default is 175


def test_chinese_audio_has_a_plausible_rate_of_syllables(tmp_path):
    seconds = write_wav(CHINESE, "zh", tmp_path / "zh.wav")
    assert 2.0 <= len(CHINESE) / seconds <= 7.0  # Mandarin is read at 3-6 syllables a second


def test_chinese_is_read_as_mandarin_syllables_with_their_tones(speech):
    # 济宁高新区, jì níng gāo xīn qū: tones 4 2 1 1 1, which espeak writes as 51 35 55 55 55.
    assert mandarin_tones(speech.phonemes("济宁高新区", "zh")) == ["51", "35", "55", "55", "55"]
    # The English voice, for contrast, has no tones: it calls each character a "Chinese letter".
    assert mandarin_tones(speech.phonemes("济宁高新区", "en")) == []


def test_an_unknown_language_is_refused_by_the_caller():
    with pytest.raises(ValueError, match="en, zh"):
        Speech(output="null").say("Bonjour", "fr")


# ---- playing ------------------------------------------------------------------------------

def test_speech_reaches_the_device_whole_and_is_logged(speech, tmp_path):
    speech.say(CHINESE, "zh")
    assert speech.speaking
    assert speech.wait_until_quiet(WAIT)
    expected = write_wav(CHINESE, "zh", tmp_path / "zh.wav")
    played = len(samples(tmp_path / "1.pcm")) / 22050
    assert played == pytest.approx(expected, abs=0.05)
    assert speech.said == [(CHINESE, "zh")] and len(speech.first_audio_seconds) == 1
    assert speech.problem is None and not speech.speaking


def test_a_new_say_interrupts_the_one_being_said(speech, tmp_path):
    speech.say(LONG_ENGLISH, "en")
    assert event(speech, "first-audio", 1)
    speech.say(SHORT_ENGLISH, "en")
    assert speech.wait_until_quiet(WAIT)
    kinds = [(e["event"], e.get("id")) for e in speech.events if e["event"] != "ready"]
    assert kinds == [("started", 1), ("first-audio", 1), ("done", 1), ("started", 2), ("first-audio", 2), ("done", 2)]
    assert event(speech, "done", 1)["interrupted"] and not event(speech, "done", 2)["interrupted"]
    whole = write_wav(LONG_ENGLISH, "en", tmp_path / "long.wav")
    assert len(samples(tmp_path / "1.pcm")) / 22050 < whole / 2  # cut short, not played out
    assert speech.said == [(LONG_ENGLISH, "en"), (SHORT_ENGLISH, "en")]


def test_stop_ends_the_utterance(speech):
    speech.say(LONG_ENGLISH, "en")
    assert event(speech, "first-audio", 1)
    speech.stop()
    assert speech.wait_until_quiet(WAIT)
    assert event(speech, "done", 1)["interrupted"]


def test_volume_scales_the_samples_the_device_receives(speech, tmp_path):
    speech.say(SHORT_ENGLISH, "en")
    assert speech.wait_until_quiet(WAIT)
    speech.set_volume(0.5)
    speech.say(SHORT_ENGLISH, "en")
    assert speech.wait_until_quiet(WAIT)
    full, half = samples(tmp_path / "1.pcm"), samples(tmp_path / "2.pcm")
    assert rms(full) > 500  # real speech, not silence
    assert rms(half) / rms(full) == pytest.approx(0.5, abs=0.02)
    speech.set_volume(7)
    assert speech.volume == 1.0
    speech.reset_volume()
    assert speech.volume == 1.0 == speech.default_volume


def test_a_volume_change_applies_within_the_utterance(speech, tmp_path):
    speech.say(LONG_ENGLISH, "en")
    assert event(speech, "first-audio", 1)
    time.sleep(0.5)
    speech.set_volume(0.0)
    time.sleep(0.5)
    heard = len(samples(tmp_path / "1.pcm"))
    time.sleep(0.5)
    later = samples(tmp_path / "1.pcm")[heard:]
    assert len(later) > 0 and not later.any()  # still playing, every sample silent


def test_pause_holds_playback_and_resume_goes_on_from_there(speech, tmp_path):
    speech.say(LONG_ENGLISH, "en")
    assert event(speech, "first-audio", 1)
    speech.pause()
    assert speech.paused
    time.sleep(0.3)
    held = len(samples(tmp_path / "1.pcm"))
    time.sleep(0.6)
    assert len(samples(tmp_path / "1.pcm")) == held  # nothing of it reaches the device while paused
    assert speech.speaking and not speech.wait_until_quiet(0.1)
    speech.resume()
    assert speech.wait_until_quiet(WAIT)
    assert not event(speech, "done", 1)["interrupted"]
    whole = write_wav(LONG_ENGLISH, "en", tmp_path / "long.wav")
    assert len(samples(tmp_path / "1.pcm")) / 22050 == pytest.approx(whole, abs=0.05)  # nothing skipped


# ---- the engine process -------------------------------------------------------------------

def test_the_engine_starts_on_first_use_only():
    speech = Speech(output="null")
    assert speech.pid is None
    speech.set_volume(0.3)  # a setting alone starts nothing
    assert speech.pid is None
    speech.start()  # speech mode switched on: ready before the first say
    assert speech.wait_for_event(lambda e: e.get("event") == "ready", WAIT)["output"] == "Null"
    speech.close()


def test_a_killed_engine_is_started_again_at_the_next_say(speech):
    speech.say(SHORT_ENGLISH, "en")
    assert speech.wait_until_quiet(WAIT)
    first = speech.pid
    os.kill(first, signal.SIGKILL)
    assert speech.wait_for_event(lambda e: False, 0.5) is None  # let the reader see the end
    assert "stopped unexpectedly" in speech.problem
    speech.say(CHINESE, "zh")
    assert speech.wait_until_quiet(WAIT)
    assert speech.pid != first and speech.starts == 2
    assert speech.problem is None
    assert event(speech, "first-audio", 2) and not event(speech, "done", 2)["interrupted"]


def test_close_leaves_no_process_behind():
    speech = Speech(output="null")
    speech.say(LONG_ENGLISH, "en")
    assert speech.wait_for_event(lambda e: e.get("event") == "first-audio", WAIT)
    pid = speech.pid
    speech.close()
    assert not Path(f"/proc/{pid}").exists()  # ended and reaped: not even a zombie


def test_the_engine_ends_when_the_kiosk_dies():
    kiosk = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from kiosk.speech.client import Speech\n"
        "s = Speech(output='null'); s.say('hello', 'en'); s.wait_until_quiet(30)\n"
        "print(s.pid, flush=True); time.sleep(60)")], stdout=subprocess.PIPE, text=True)
    engine = int(kiosk.stdout.readline())
    kiosk.kill()
    kiosk.communicate(timeout=10)
    deadline = time.monotonic() + WAIT
    while Path(f"/proc/{engine}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{engine}").exists()


# ---- no audio device ----------------------------------------------------------------------

def test_without_an_audio_device_the_problem_is_said_and_nothing_crashes(monkeypatch, tmp_path):
    no_audio_device(monkeypatch, tmp_path)
    with Speech(output="default") as speech:
        speech.say(SHORT_ENGLISH, "en")
        assert speech.wait_until_quiet(WAIT)
        assert "default audio output cannot be opened" in speech.problem
        assert "aplay -l" in speech.problem  # what to check
        assert speech.first_audio_seconds == [] and event(speech, "done", 1)["silent"]
        speech.say(CHINESE, "zh")  # still answering
        assert speech.wait_until_quiet(WAIT) and speech.pid is not None
        assert mandarin_tones(speech.phonemes("高新区", "zh")) == ["55", "55", "55"]
    assert write_wav(CHINESE, "zh", tmp_path / "zh.wav") > 1.0  # speech can still be written


def test_an_engine_that_cannot_start_is_a_problem_not_a_crash(tmp_path):
    with Speech(output="null", python=str(tmp_path / "no-python")) as speech:
        speech.say(SHORT_ENGLISH, "en")
        assert "cannot be started" in speech.problem and not speech.speaking


def test_an_output_that_does_not_exist_is_named_with_the_ones_that_do():
    with Speech(output="no such speakers") as speech:
        speech.say(SHORT_ENGLISH, "en")
        assert speech.wait_until_quiet(WAIT)
        assert "'no such speakers'" in speech.problem and "playback devices" in speech.problem


# ---- kiosk speak ----------------------------------------------------------------------------

def speak(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "speak", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_kiosk_speak_writes_a_wav(tmp_path):
    out = tmp_path / "test.wav"
    result = speak("济宁高新区", "--lang", "zh", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    with wave.open(str(out)) as audio:
        assert (audio.getnchannels(), audio.getsampwidth(), audio.getframerate()) == (1, 2, 22050)
    assert 5 / 7 <= wav_seconds(out) <= 5 / 2  # five syllables


def test_kiosk_speak_plays_through_the_output_it_is_given():
    result = speak("Testing the speakers", "--output", "null")
    assert result.returncode == 0, result.stderr
    assert "'null'" in result.stdout


def test_kiosk_speak_without_an_audio_device_says_so_and_fails(monkeypatch, tmp_path):
    no_audio_device(monkeypatch, tmp_path)
    config = tmp_path / "config.toml"
    config.write_text('speech_output = "default"\n')
    result = speak("Testing the speakers", "--config", str(config), env=dict(os.environ))
    assert result.returncode == 1
    assert "default audio output cannot be opened" in result.stderr and result.stderr.count("cannot be opened") == 1


def test_the_engine_check_reports_both_languages_and_the_output():
    done = subprocess.run([sys.executable, "-m", "kiosk.speech.engine", "--check", "--output", "null"],
                          capture_output=True, text=True, timeout=120)
    answer = json.loads(done.stdout)
    assert answer["espeak"].startswith("1.52")
    assert answer["languages"]["en"]["seconds"] > 1 and answer["languages"]["zh"]["seconds"] > 1
    assert answer["backend"] == "Null" and answer["problem"] is None


def test_a_burst_of_says_ends_each_one_and_speaks_the_last(speech):
    """A visitor swiping through items faster than they can be read."""
    for n in range(30):
        speech.say(SHORT_ENGLISH if n % 2 else CHINESE, "en" if n % 2 else "zh")
        if n % 7 == 0:
            speech.stop()
    assert speech.wait_until_quiet(WAIT)
    ended = sorted(e["id"] for e in speech.events if e["event"] == "done")
    assert ended == list(range(1, 31))  # every say is ended exactly once, none left hanging
    assert not event(speech, "done", 30)["interrupted"] and event(speech, "first-audio", 30)


def test_what_was_said_is_kept_to_a_bounded_number(monkeypatch):
    """A kiosk in speech mode all year must not keep every sentence it ever said."""
    from kiosk.speech import client

    monkeypatch.setattr(client, "KEPT", 5)
    with client.Speech(output="null") as speech:
        for n in range(23):
            speech.say(f"item {n}", "en")
        assert 5 <= len(speech.said) < 10
        assert speech.said[-1] == ("item 22", "en")
