"""Speech for blind visitors: an offline engine (espeak-ng) in its own process, and its client. Qt-free.

espeak-ng is GPL-3.0 and the kiosk is MIT, so the engine's library is loaded only by the worker
program (kiosk.speech.engine), never by the kiosk's own process: the kiosk talks to it through
JSON lines on a pipe (kiosk.speech.client).
"""
