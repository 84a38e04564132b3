"""Playing the engine's speech through miniaudio, with pause, software volume and interruption. Qt-free.

The audio device asks for frames every period (PERIOD_MS) on its own thread; each answer is
taken from the utterance being played at that moment, so stopping or replacing it is heard
within one period. Volume multiplies the samples as they are handed over, so a change is heard
at once too. Synthesis runs ahead of playback by at most AHEAD_SECONDS (then it waits), which
keeps a long text's memory small and lets an interrupted one be abandoned.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

import numpy as np

from kiosk.speech.voices import DEFAULT_OUTPUT, NULL_OUTPUT, SAMPLE_RATE

PERIOD_MS = 20
AHEAD_SECONDS = 2.0


class DeviceProblem(RuntimeError):
    """The audio output cannot be used; the message says which device and why, as far as known."""


# What a technician checks when the output cannot be opened (kiosk doctor says it in its own words).
CHECK_AUDIO = ("Check that the speakers or headphones are connected and switched on, that 'aplay -l' lists the "
               "sound card, and that the kiosk's user may use it (a member of the 'audio' group, or logged in to "
               "the desktop); 'kiosk speak \"test\"' plays a test sentence.")


class Utterance:
    """One say: its audio as it is synthesized, and how far playback has got."""

    def __init__(self, utterance_id, record_dir: Path | None = None):
        self.id = utterance_id
        self.chunks: deque[np.ndarray] = deque()
        self.buffered = 0  # samples synthesized and not yet played
        self.synthesized = False  # the synthesis has finished (all of it is in chunks)
        self.cancelled = False
        self.first_handed = False
        # Unbuffered: a test reads how far playback has got while it plays.
        self.record = None if record_dir is None else (record_dir / f"{utterance_id}.pcm").open("wb", buffering=0)

    def take(self, count: int) -> np.ndarray:
        """Up to `count` samples from the front."""
        taken, need = [], count
        while need and self.chunks:
            chunk = self.chunks[0]
            if len(chunk) <= need:
                taken.append(self.chunks.popleft())
                need -= len(chunk)
            else:
                taken.append(chunk[:need])
                self.chunks[0] = chunk[need:]
                need = 0
        samples = np.concatenate(taken) if taken else np.zeros(0, np.int16)
        self.buffered -= len(samples)
        return samples

    def close_record(self) -> None:
        if self.record is not None:
            self.record.close()
            self.record = None


class Player:
    """The utterance being played, fed to the device; `emit(event, id, **fields)` reports progress:
    'first-audio' when the utterance's first frame is handed to the device, 'done' after its last
    (interrupted=True if it was stopped or replaced before)."""

    def __init__(self, emit: Callable[..., None], record_dir: Path | None = None):
        self._emit = emit
        self._record_dir = record_dir
        self._lock = threading.Condition()
        self._current: Utterance | None = None
        self._volume = 1.0
        self.paused = False
        self.device = None

    # ---- the device

    def open(self, output: str) -> str:
        """Open the output (a device name, DEFAULT_OUTPUT or NULL_OUTPUT) and start it; the
        backend's name. Raises DeviceProblem in words a technician can act on."""
        import miniaudio

        backends = [miniaudio.Backend.NULL] if output == NULL_OUTPUT else _real_backends(miniaudio)
        device_id = None if output in (NULL_OUTPUT, DEFAULT_OUTPUT) else _device_id(miniaudio, backends, output)
        try:
            device = miniaudio.PlaybackDevice(output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                                              sample_rate=SAMPLE_RATE, buffersize_msec=PERIOD_MS,
                                              device_id=device_id, backends=backends, app_name="kiosk speech")
        except miniaudio.MiniaudioError as error:
            raise DeviceProblem(_cannot_open(output, error, miniaudio)) from None
        feed = self._feed()
        next(feed)
        try:
            device.start(feed)
        except miniaudio.MiniaudioError as error:
            device.close()
            raise DeviceProblem(_cannot_open(output, error, miniaudio)) from None
        self.device = device
        return device.backend

    def close(self) -> None:
        if self.device is not None:
            self.device.close()
            self.device = None

    # ---- what the engine asks

    def begin(self, utterance_id) -> Utterance:
        """A new utterance replaces the current one at once."""
        utterance = Utterance(utterance_id, self._record_dir)
        replaced = None
        with self._lock:
            replaced, self._current = self._current, utterance
            self._lock.notify_all()
        if replaced is not None:
            self._finish(replaced, interrupted=True)
        return utterance

    def add(self, utterance: Utterance, pcm: bytes) -> bool:
        """Synthesized audio for `utterance`; waits while playback is far behind. False once the
        utterance was replaced or stopped: its synthesis should be abandoned."""
        samples = np.frombuffer(pcm, dtype=np.int16)
        with self._lock:
            while (not utterance.cancelled and utterance is self._current
                   and utterance.buffered > AHEAD_SECONDS * SAMPLE_RATE):
                self._lock.wait(0.1)
            if utterance.cancelled or utterance is not self._current:
                return False
            utterance.chunks.append(samples)
            utterance.buffered += len(samples)
        return True

    def synthesized(self, utterance: Utterance) -> None:
        with self._lock:
            utterance.synthesized = True

    def stop(self, only: Utterance | None = None) -> None:
        """End the current utterance (if `only`, just when it is that one), as interrupted."""
        with self._lock:
            current = self._current
            if current is None or (only is not None and current is not only):
                return
            self._current = None
            self._lock.notify_all()
        self._finish(current, interrupted=True)

    def set_volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, float(volume)))

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False

    # ---- the device's thread

    def _feed(self):
        """The generator miniaudio calls each period with the number of frames it wants."""
        frames = yield b""
        while True:
            frames = yield self._frames(frames)

    def _frames(self, count: int) -> bytes:
        finished = first = None
        with self._lock:
            utterance = self._current
            if utterance is None or self.paused:
                return bytes(2 * count)
            samples = utterance.take(count)
            if len(samples) and not utterance.first_handed:
                utterance.first_handed = first = True
            if utterance.synthesized and not utterance.chunks:
                self._current, finished = None, utterance
            self._lock.notify_all()  # room for the synthesis
            if len(samples) and self._volume < 1.0:
                samples = (samples * self._volume).astype(np.int16)
            if utterance.record is not None:  # what the device receives, for tests
                utterance.record.write(samples.tobytes())
        if first:
            self._emit("first-audio", utterance.id)
        if finished is not None:
            self._finish(finished, interrupted=False)
        return samples.tobytes() + bytes(2 * (count - len(samples)))

    def _finish(self, utterance: Utterance, interrupted: bool) -> None:
        with self._lock:
            utterance.cancelled = True
            utterance.close_record()
        self._emit("done", utterance.id, interrupted=interrupted)


def _real_backends(miniaudio) -> list:
    """Every backend but the null one: without a sound card, "default" must fail, not go silent."""
    order = [miniaudio.Backend.PULSEAUDIO, miniaudio.Backend.ALSA, miniaudio.Backend.JACK]
    enabled = miniaudio.get_enabled_backends()
    return [backend for backend in order if backend in enabled]


def playback_devices(miniaudio, backends) -> list[dict]:
    try:
        return miniaudio.Devices(backends).get_playbacks()
    except miniaudio.MiniaudioError:
        return []


def _device_id(miniaudio, backends, name: str):
    """The device called `name` (or the one whose name contains it)."""
    devices = playback_devices(miniaudio, backends)
    exact = [device for device in devices if device["name"] == name]
    partial = [device for device in devices if name.lower() in device["name"].lower()]
    found = exact or partial
    if len(found) != 1:
        named = "; ".join(device["name"] for device in devices) or "none"
        which = "more than one" if found else "no"
        raise DeviceProblem(f"The audio output '{name}' (setting speech_output) matches {which} playback device. "
                            f"This PC's playback devices: {named}. Set speech_output to one of them, "
                            f"or to \"default\".")
    return found[0]["id"]


def _cannot_open(output: str, error, miniaudio) -> str:
    code = error.args[1] if len(error.args) > 1 else None
    reason = _result_name(miniaudio, code) if isinstance(code, int) else str(error)
    cards = Path("/proc/asound/cards")
    no_card = not Path("/dev/snd").exists() or (cards.exists() and "no soundcards" in cards.read_text())
    which = "The default audio output" if output == DEFAULT_OUTPUT else f"The audio output '{output}'"
    text = f"{which} cannot be opened ({reason})."
    return text + (" This PC shows no sound card (/dev/snd is missing or empty)." if no_card else "")


def _result_name(miniaudio, code: int) -> str:
    """miniaudio's name for a result code, in words: -401 -> "failed to open backend device"."""
    names = [name for name in dir(miniaudio.lib) if name.startswith("MA_") and getattr(miniaudio.lib, name) == code
             and name not in ("MA_SUCCESS",)]
    return names[0][3:].lower().replace("_", " ") + f", code {code}" if names else f"code {code}"
