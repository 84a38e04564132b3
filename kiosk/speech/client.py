"""The kiosk's side of speech: `Speech` drives the engine process (kiosk.speech.engine). Qt-free.

The engine starts on first use (speech mode is rare, so not at the kiosk's start), its events are
read on a daemon thread, and it is started again, with a log line, if it has died. Nothing here
loads espeak-ng: that GPL-3.0 library lives in the engine's process only.
"""

from __future__ import annotations

import collections
import json
import logging
import subprocess
import sys
import threading
import time
from pathlib import Path

from kiosk.speech.voices import DEFAULT_OUTPUT, DEFAULT_VOLUME, VOICES, voice_for

__all__ = ["DEFAULT_VOLUME", "VOICES", "Speech", "write_wav"]

log = logging.getLogger(__name__)
ENGINE = ("-m", "kiosk.speech.engine")
CLOSE_SECONDS = 3.0  # for the engine to quit by itself before it is killed
STDERR_KEPT = 20  # the engine's last words, for the message when it dies
EVENTS_KEPT = 1000  # a kiosk in speech mode all day must not grow without end


KEPT = 1000  # of what was said and how soon it was heard: a kiosk speaks all day for a year


def _append_kept(items: list, item) -> None:
    """Append, keeping the latest KEPT to KEPT * 2 items (a list, so it can still be sliced)."""
    items.append(item)
    if len(items) >= 2 * KEPT:
        del items[:KEPT]


def _clamped(volume: float) -> float:
    return min(1.0, max(0.0, float(volume)))


class Speech:
    """Speech in the kiosk's languages ("en", "zh") through the engine process.

    `say` returns at once and interrupts whatever is being said (a new say also ends a pause: the
    visitor chose something new). `problem` says in plain words why nothing can be heard, or is
    None. `engine_args` are extra options for the engine (tests: --record DIR)."""

    def __init__(self, output: str = DEFAULT_OUTPUT, volume: float = DEFAULT_VOLUME, python: str = sys.executable,
                 engine_args: tuple[str, ...] = ()):
        self.output = output
        self.default_volume = _clamped(volume)
        self.python = python
        self.engine_args = tuple(engine_args)
        self._volume = self.default_volume
        self._paused = False
        self._process: subprocess.Popen | None = None
        self._readers: list[threading.Thread] = []
        self._closing = False
        self._changed = threading.Condition()
        self._next_id = 0
        self._pending: set[int] = set()  # said, and not done yet
        self._said_at: dict[int, float] = {}
        self._phonemes: dict[int, str] = {}
        self._stderr: collections.deque[str] = collections.deque(maxlen=STDERR_KEPT)
        self.said: list[tuple[str, str]] = []
        self.first_audio_seconds: list[float] = []
        # The engines' events, in order, the latest EVENTS_KEPT (logs and tests).
        self.events: collections.deque[dict] = collections.deque(maxlen=EVENTS_KEPT)
        self.problem: str | None = None
        self.starts = 0  # engine processes started

    # ---- what the kiosk does

    def start(self) -> None:
        """Start the engine now (e.g. as speech mode is switched on) rather than at the first say,
        which would otherwise wait for it (~0.3 s, most of it importing the audio library)."""
        self._ensure_engine()

    def say(self, text: str, language: str) -> None:
        voice_for(language)  # an unknown language is the caller's mistake: say so here
        _append_kept(self.said, (text, language))
        if self._paused:
            self.resume()
        with self._changed:
            self._next_id += 1
            utterance_id = self._next_id
            self._pending = {utterance_id}  # the engine ends the others as this one starts
            self._said_at[utterance_id] = time.perf_counter()
        self._send({"cmd": "say", "id": utterance_id, "text": text, "language": language})

    def stop(self) -> None:
        self._send({"cmd": "stop"}, start=False)

    def pause(self) -> None:
        self._paused = True
        self._send({"cmd": "pause"}, start=False)

    def resume(self) -> None:
        self._paused = False
        self._send({"cmd": "resume"}, start=False)

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        self._volume = _clamped(volume)
        self._send({"cmd": "volume", "value": self._volume}, start=False)

    def reset_volume(self) -> None:
        """Back to the configured level (after every visitor: Section 508 402.3.2, EN 301 549 5.1.3.13)."""
        self.set_volume(self.default_volume)

    @property
    def speaking(self) -> bool:
        with self._changed:
            return bool(self._pending)

    def wait_until_quiet(self, timeout: float) -> bool:
        """True once everything said has been played (or stopped); False if still speaking at timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._pending, timeout)

    def wait_until_heard(self, timeout: float) -> bool:
        """True once the latest say's first frame has reached the audio device (or it has ended)."""
        with self._changed:
            latest = self._next_id
            return self._changed.wait_for(lambda: latest not in self._said_at, timeout)

    def phonemes(self, text: str, language: str, timeout: float = 10.0) -> str:
        """How the engine reads `text`, in espeak's phoneme names (Mandarin tones are digits)."""
        voice_for(language)
        with self._changed:
            self._next_id += 1
            request = self._next_id
        self._send({"cmd": "phonemes", "id": request, "text": text, "language": language})
        with self._changed:
            if not self._changed.wait_for(lambda: request in self._phonemes, timeout):
                raise TimeoutError(f"the speech engine gave no phonemes in {timeout} s ({self.problem})")
            return self._phonemes.pop(request)

    def wait_for_event(self, predicate, timeout: float) -> dict | None:
        """The first event (of all so far, in order) that `predicate` accepts, waiting for it."""
        with self._changed:
            self._changed.wait_for(lambda: any(predicate(event) for event in self.events), timeout)
            return next((event for event in self.events if predicate(event)), None)

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    def close(self) -> None:
        """End the engine and reap it (no zombie left behind)."""
        process, self._process = self._process, None
        if process is None:
            return
        self._closing = True
        try:
            process.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
            process.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass
        try:
            process.wait(CLOSE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for reader in self._readers:
            reader.join(CLOSE_SECONDS)  # they close the engine's stdout and stderr at their end
        with self._changed:
            self._pending.clear()
            self._changed.notify_all()

    def __enter__(self) -> Speech:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- the engine process

    def _send(self, command: dict, start: bool = True) -> None:
        """To the engine; started (again) first if `start`. Without an engine, a command that does
        not start one has nothing to act on, except the settings sent at every start."""
        running = self._ensure_engine() if start else self._running()
        if not running:
            return
        try:
            self._process.stdin.write(json.dumps(command, ensure_ascii=False) + "\n")
            self._process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as error:
            self._engine_gone(f"the speech engine could not be reached ({error})")

    def _ensure_engine(self) -> bool:
        """The engine runs, started (again) if need be; False, with the problem said, if it cannot start."""
        if self._running():
            return True
        try:
            self._start()
        except OSError as error:
            self._process = None
            self._engine_gone(f"the speech engine cannot be started with {self.python}: {error}")
            return False
        return True

    def _running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _start(self) -> None:
        if self._process is not None:
            log.warning("the speech engine (pid %d) has exited with code %s; starting it again",
                        self._process.pid, self._process.returncode)
            self._process.wait()
            self._process.stdin.close()
        command = [self.python, *ENGINE, "--output", self.output, "--volume", str(self._volume), *self.engine_args]
        self._closing = False
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         text=True, encoding="utf-8", bufsize=1)
        self.starts += 1
        log.info("speech engine started (pid %d, output %s)", self._process.pid, self.output)
        self._readers = [threading.Thread(target=self._read_events, args=(self._process,), daemon=True,
                                          name="speech-events"),
                         threading.Thread(target=self._read_stderr, args=(self._process,), daemon=True,
                                          name="speech-stderr")]
        for reader in self._readers:
            reader.start()
        if self._paused:
            self._process.stdin.write(json.dumps({"cmd": "pause"}) + "\n")

    def _read_events(self, process: subprocess.Popen) -> None:
        with process.stdout:
            for line in process.stdout:
                try:
                    event = json.loads(line)
                except ValueError:
                    log.warning("speech engine: %s", line.rstrip())
                    continue
                self._on_event(event)
        process.wait()
        if process is self._process and not self._closing:
            last = self._stderr[-1] if self._stderr else f"exit code {process.returncode}"
            fatal = next((e["message"] for e in reversed(self.events) if e.get("fatal")), None)
            self._engine_gone(fatal or f"the speech engine stopped unexpectedly ({last}); "
                                       "it is started again at the next say")

    def _read_stderr(self, process: subprocess.Popen) -> None:
        with process.stderr:
            for line in process.stderr:
                self._stderr.append(line.rstrip())
                log.debug("speech engine: %s", line.rstrip())  # ALSA's probing of absent cards is noisy

    def _on_event(self, event: dict) -> None:
        kind, utterance_id = event.get("event"), event.get("id")
        with self._changed:
            self.events.append(event)
            if kind == "ready":
                self.problem = None
            elif kind == "error":
                self.problem = event.get("message")
                log.error("speech: %s", self.problem)
            elif kind == "first-audio" and utterance_id in self._said_at:
                _append_kept(self.first_audio_seconds, time.perf_counter() - self._said_at.pop(utterance_id))
            elif kind == "done":
                self._pending.discard(utterance_id)
                self._said_at.pop(utterance_id, None)
            elif kind == "phonemes":
                self._phonemes[utterance_id] = event.get("phonemes", "")
            self._changed.notify_all()

    def _engine_gone(self, why: str) -> None:
        log.error("speech: %s", why)
        with self._changed:
            self.problem = why
            self._pending.clear()
            self._changed.notify_all()


def write_wav(text: str, language: str, path: Path, python: str = sys.executable, timeout: float = 120) -> float:
    """`text` in `language` as a WAV file, with the kiosk's engine and voice; its length in seconds."""
    voice_for(language)
    done = subprocess.run([python, *ENGINE, "--wav", str(path), "--language", language], input=text,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    if done.returncode != 0:
        last = (done.stdout.strip() or done.stderr.strip() or f"exit code {done.returncode}").splitlines()[-1]
        raise RuntimeError(f"the speech engine could not write {path}: {last}")
    return json.loads(done.stdout)["seconds"]
