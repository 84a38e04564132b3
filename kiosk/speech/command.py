"""``kiosk speak TEXT``: a technician tests the speakers with the kiosk's own engine and voice. Qt-free.

Plays TEXT through the configured speech output (or --output), or writes it to a WAV file
(--out). Exit 0 when it was played or written; 1 when there is no sound (the reason is printed,
with what to check); 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kiosk.config import default_config_path, load_config
from kiosk.speech.voices import VOICES

EXIT_NO_SOUND = 1
SECONDS_PER_CHARACTER = 0.3  # far more than speech takes: only a hung engine runs out of time
SPOKEN_AT_LEAST = 15.0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk speak", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("text", metavar="TEXT", help="what to say, e.g. \"Testing the kiosk's speakers\" or \"济宁高新区\"")
    p.add_argument("--lang", choices=tuple(VOICES), default="en", help="language of TEXT (default en)")
    p.add_argument("--out", type=Path, metavar="FILE.wav", help="write the speech to this WAV file instead of playing it")
    p.add_argument("--output", metavar="DEVICE",
                   help="audio output: a playback device's name, 'default' or 'null' (default: the config's "
                        "speech_output)")
    p.add_argument("--volume", type=float, help="0..1 (default: the config's speech_volume)")
    p.add_argument("--config", type=Path, help=f"configuration file (default {default_config_path()})")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    from kiosk.speech.client import Speech, write_wav

    # The problem is printed below, once: not also by logging's last-resort handler.
    logging.getLogger("kiosk").addHandler(logging.NullHandler())

    if args.out is not None:
        try:
            seconds = write_wav(args.text, args.lang, args.out)
        except RuntimeError as error:
            print(error, file=sys.stderr)
            return EXIT_NO_SOUND
        print(f"{args.out}: {seconds:.1f} s of speech ({args.lang})")
        return 0
    config = load_config(args.config).config
    output = args.output or config.speech_output
    volume = config.speech_volume if args.volume is None else args.volume
    with Speech(output=output, volume=volume) as speech:
        speech.say(args.text, args.lang)
        finished = speech.wait_until_quiet(SPOKEN_AT_LEAST + SECONDS_PER_CHARACTER * len(args.text))
        if speech.problem:
            print(speech.problem, file=sys.stderr)
            return EXIT_NO_SOUND
        if not finished or not speech.first_audio_seconds:
            print(f"The speech engine did not finish speaking through '{output}'; run 'kiosk doctor' for its checks.",
                  file=sys.stderr)
            return EXIT_NO_SOUND
        ready = speech.wait_for_event(lambda event: event.get("event") == "ready", 0)
    print(f"Spoken through '{output}' ({ready.get('output')} backend) at volume {volume:g}; the first sound "
          f"reached the device {speech.first_audio_seconds[0] * 1000:.0f} ms after the command.")
    return 0
