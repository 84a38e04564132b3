"""Speech mode: the kiosk read aloud (reading order, touch, keypad)."""
