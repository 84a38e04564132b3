"""The speech engine: a worker program that speaks English and Mandarin offline. Qt-free.

    python -m kiosk.speech.engine [--output DEVICE|default|null] [--volume 0..1]
    python -m kiosk.speech.engine --wav FILE --language zh [--text TEXT]   (else the text is read from stdin)
    python -m kiosk.speech.engine --check [--output DEVICE]                (kiosk doctor: JSON on stdout)

It loads espeak-ng (GPL-3.0) and miniaudio, so it runs in its own process; the kiosk (MIT) talks
to it through kiosk.speech.client. One JSON object a line each way.

Commands on stdin: {"cmd": "say", "id": 7, "text": "...", "language": "en"|"zh"} (interrupts
whatever is being said), {"cmd": "stop"}, {"cmd": "pause"}, {"cmd": "resume"},
{"cmd": "volume", "value": 0.5}, {"cmd": "phonemes", "id": 8, "text": "...", "language": "zh"},
{"cmd": "quit"}. The end of stdin (the kiosk has gone) also ends the engine.

Events on stdout: {"event": "ready", ...}, {"event": "started", "id"}, {"event": "first-audio",
"id"} when the utterance's first frame is handed to the audio device, {"event": "done", "id",
"interrupted": bool, "silent": bool}, {"event": "phonemes", "id", "phonemes"},
{"event": "error", "message"}. Without a usable audio device the engine says why once (an
error event) and goes on answering: each say is then done at once, silent.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import threading
import wave
from pathlib import Path

from kiosk.speech.player import CHECK_AUDIO, DeviceProblem, Player
from kiosk.speech.voices import DEFAULT_OUTPUT, SAMPLE_WIDTH, VOICES, voice_for


class Events:
    """JSON lines on stdout, whole, from any thread."""

    def __init__(self, stream):
        self._stream = stream
        self._lock = threading.Lock()

    def __call__(self, event: str, utterance_id=None, **fields) -> None:
        record = {"event": event, **({} if utterance_id is None else {"id": utterance_id}), **fields}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock:
            try:
                self._stream.write(line)
                self._stream.flush()
            except (BrokenPipeError, ValueError):
                pass  # the kiosk has gone; stdin's end will stop the engine


class Engine:
    """Commands in, events out; synthesis on its own thread (espeak is not thread-safe)."""

    def __init__(self, emit: Events, output: str, volume: float, record_dir: Path | None = None):
        from kiosk.speech.espeak import Espeak

        self.emit = emit
        self.espeak = Espeak()
        self.player = Player(emit, record_dir)
        self.player.set_volume(volume)
        self.problem = None
        self.backend = None
        try:
            self.backend = self.player.open(output)
        except DeviceProblem as problem:
            self.problem = f"Speech cannot be heard. {problem} {CHECK_AUDIO}"
        self._generation = 0  # bumped by every say and stop: a synthesis of an older one is abandoned
        self._jobs: queue.Queue = queue.Queue()
        self._worker = threading.Thread(target=self._work, name="speech-synthesis", daemon=True)

    def run(self, commands) -> None:
        self._worker.start()
        self.emit("ready", espeak=self.espeak.version, sample_rate=self.espeak.sample_rate, output=self.backend)
        if self.problem:
            self.emit("error", message=self.problem)
        for line in commands:
            if not line.strip():
                continue
            try:
                command = json.loads(line)
                if self.handle(command) == "quit":
                    break
            except (ValueError, KeyError, TypeError) as error:
                self.emit("error", message=f"bad command {line.strip()[:200]!r}: {error}")
        self._jobs.put(None)
        self.player.stop()
        self._worker.join(timeout=2)
        self.player.close()

    def handle(self, command: dict) -> str | None:
        kind = command["cmd"]
        if kind == "say":
            voice_for(command["language"])  # an unknown language is an error now, not in the worker
            self._generation += 1
            self.player.stop()  # heard within one device period, before the new text is synthesized
            self._jobs.put({**command, "generation": self._generation})
        elif kind == "stop":
            self._generation += 1
            self.player.stop()
        elif kind == "pause":
            self.player.pause()
        elif kind == "resume":
            self.player.resume()
        elif kind == "volume":
            self.player.set_volume(command["value"])
        elif kind == "phonemes":
            self._jobs.put(command)
        elif kind == "quit":
            return "quit"
        else:
            raise KeyError(f"unknown command {kind!r}")
        return None

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            if job["cmd"] == "phonemes":
                phonemes = self.espeak.phonemes(job["text"], voice_for(job["language"]))
                self.emit("phonemes", job.get("id"), phonemes=phonemes)
            elif job["generation"] != self._generation:
                self.emit("done", job["id"], interrupted=True, silent=True)  # replaced before it began
            elif self.problem:
                self.emit("started", job["id"])
                self.emit("done", job["id"], interrupted=False, silent=True)
            else:
                self._speak(job)

    def _speak(self, job: dict) -> None:
        utterance = self.player.begin(job["id"])
        self.emit("started", job["id"])
        voice = voice_for(job["language"])
        try:
            # A newer say abandons this synthesis even before it replaces the utterance.
            whole = self.espeak.synthesize(job["text"], voice, lambda pcm: job["generation"] == self._generation
                                           and self.player.add(utterance, pcm))
        except Exception as error:  # noqa: BLE001 (the engine must go on answering)
            self.emit("error", message=f"speech synthesis failed: {error}")
            self.player.stop()
            return
        if whole:
            self.player.synthesized(utterance)
        else:
            self.player.stop(only=utterance)  # abandoned for a newer command: ended, if nothing else ended it


def write_wav(espeak, text: str, language: str, path: Path) -> float:
    """`text` spoken into a WAV file (mono, 16-bit); its length in seconds."""
    pcm = espeak.pcm(text, voice_for(language))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(SAMPLE_WIDTH)
        out.setframerate(espeak.sample_rate)
        out.writeframes(pcm)
    return len(pcm) / SAMPLE_WIDTH / espeak.sample_rate


# A short sentence per language for the check; the Mandarin one is read syllable by syllable.
CHECK_TEXTS = {"en": "Welcome to the Jining High-tech Zone.", "zh": "欢迎来到济宁高新区。"}


def check(output: str) -> dict:
    """What `kiosk doctor` needs to know: the engine loads, each language's check sentence gives
    audio (and Mandarin's phonemes, whose tones show it is read as Mandarin), and the output opens."""
    from kiosk.speech.espeak import Espeak

    espeak = Espeak()
    languages = {}
    for language, text in CHECK_TEXTS.items():
        pcm = espeak.pcm(text, voice_for(language))
        languages[language] = {"text": text, "seconds": len(pcm) / SAMPLE_WIDTH / espeak.sample_rate,
                               "phonemes": espeak.phonemes(text, voice_for(language))}
    player = Player(lambda *args, **kwargs: None)
    try:
        backend, problem = player.open(output), None
    except DeviceProblem as error:
        backend, problem = None, str(error)
    finally:
        player.close()
    return {"espeak": espeak.version, "library": espeak.library_path, "languages": languages,
            "output": output, "backend": backend, "problem": problem}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m kiosk.speech.engine", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--output", default=DEFAULT_OUTPUT,
                   help="audio output: a playback device's name, 'default', or 'null' (no sound, real timing)")
    p.add_argument("--volume", type=float, default=1.0, help="software volume, 0..1")
    p.add_argument("--wav", type=Path, metavar="FILE", help="write the text (--text, else stdin) to FILE and exit")
    p.add_argument("--language", choices=tuple(VOICES), default="en", help="language of --wav's text")
    p.add_argument("--text", help="the text for --wav")
    p.add_argument("--check", action="store_true", help="check the engine and the output, print JSON, exit")
    p.add_argument("--record", type=Path, metavar="DIR", help=argparse.SUPPRESS)  # tests: what the device got
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # The pipes carry UTF-8 JSON whatever the locale of the kiosk's session.
    sys.stdin.reconfigure(encoding="utf-8")
    sys.stdout.reconfigure(encoding="utf-8")
    from kiosk.speech.espeak import Espeak, EspeakError

    try:
        if args.check:
            print(json.dumps(check(args.output), ensure_ascii=False))
            return 0
        if args.wav:
            text = args.text if args.text is not None else sys.stdin.read()
            seconds = write_wav(Espeak(), text, args.language, args.wav)
            print(json.dumps({"path": str(args.wav), "seconds": seconds}))
            return 0
        emit = Events(sys.stdout)
        Engine(emit, args.output, args.volume, args.record).run(sys.stdin)
    except EspeakError as error:
        print(json.dumps({"event": "error", "message": str(error), "fatal": True}), flush=True)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
