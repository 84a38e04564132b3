"""libespeak-ng 1.52 from the espeakng-loader wheel, through ctypes. Qt-free.

Loaded only in the speech engine's own process (kiosk.speech.engine): espeak-ng is GPL-3.0.
The library keeps global state and is not thread-safe, so one thread at a time may use an Espeak.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

# speak_lib.h
AUDIO_OUTPUT_SYNCHRONOUS = 2  # espeak_Synth returns when done, calling the synth callback with each chunk
ESPEAK_CHARS_UTF8 = 1
POS_CHARACTER = 1
PHONEMES_ASCII = 0  # espeak's own phoneme names, with Mandarin tones as digits (tS;'i51)
CHUNK_MS = 50  # audio per callback: the smallest step in which a synthesis can be abandoned

SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class EspeakError(RuntimeError):
    pass


class Espeak:
    """One initialised engine: synthesize text to 16-bit mono PCM, or to phoneme names."""

    def __init__(self):
        import espeakng_loader

        self.library_path = espeakng_loader.get_library_path()
        try:
            lib = ctypes.CDLL(self.library_path)
        except OSError as error:
            raise EspeakError(f"cannot load the speech library {self.library_path}: {error}") from None
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
                                     ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
        lib.espeak_Info.restype = ctypes.c_char_p
        lib.espeak_Info.argtypes = [ctypes.c_void_p]
        data = espeakng_loader.get_data_path()
        self.sample_rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, CHUNK_MS, data.encode(), 0)
        if self.sample_rate <= 0:
            raise EspeakError(f"espeak-ng could not start with its data in {data} (espeak_Initialize returned "
                              f"{self.sample_rate})")
        self.version = lib.espeak_Info(None).decode()
        self._lib = lib
        self._on_chunk: Callable[[bytes], bool] | None = None
        self._callback = SynthCallback(self._chunk)  # kept: the library holds only the pointer
        lib.espeak_SetSynthCallback(self._callback)
        self._voice = None

    def set_voice(self, voice: str) -> None:
        if voice != self._voice:
            if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise EspeakError(f"espeak-ng has no voice {voice!r}")
            self._voice = voice

    def synthesize(self, text: str, voice: str, on_chunk: Callable[[bytes], bool]) -> bool:
        """Speak `text` into `on_chunk` (16-bit mono PCM at sample_rate), chunk by chunk as it is
        made; on_chunk returns False to abandon the rest. True if the whole text was synthesized."""
        self.set_voice(voice)
        encoded = text.encode("utf-8")
        self._on_chunk, self._abandoned = on_chunk, False
        try:
            result = self._lib.espeak_Synth(encoded, len(encoded) + 1, 0, POS_CHARACTER, 0, ESPEAK_CHARS_UTF8,
                                            None, None)
        finally:
            self._on_chunk = None
        if result != 0 and not self._abandoned:
            raise EspeakError(f"espeak_Synth failed with status {result}")
        return not self._abandoned

    def pcm(self, text: str, voice: str) -> bytes:
        """The whole of `text`'s audio."""
        chunks: list[bytes] = []
        self.synthesize(text, voice, lambda chunk: chunks.append(chunk) or True)
        return b"".join(chunks)

    def phonemes(self, text: str, voice: str) -> str:
        """espeak's phoneme names for `text`, as the voice reads it (Mandarin: tones as digits)."""
        self.set_voice(voice)
        buffer = ctypes.create_string_buffer(text.encode("utf-8"))
        position = ctypes.c_void_p(ctypes.addressof(buffer))
        clauses = []
        while position.value:  # the library moves the pointer on, clause by clause, to NULL at the end
            clause = self._lib.espeak_TextToPhonemes(ctypes.byref(position), ESPEAK_CHARS_UTF8, PHONEMES_ASCII)
            clauses.append((clause or b"").decode("utf-8", "replace").strip())
        return " ".join(part for part in clauses if part)

    def _chunk(self, wav, samples: int, events) -> int:
        if self._on_chunk is None:
            return 1
        if samples > 0 and wav:
            if not self._on_chunk(ctypes.string_at(wav, samples * 2)):
                self._abandoned = True
                return 1  # espeak stops synthesizing this text
        return 0
