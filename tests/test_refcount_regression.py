"""PySide6 6.12.0 on Python < 3.12 lowers the refcount of None on every void call until the
interpreter aborts; pyproject.toml excludes it there. This proves the installed pair is safe."""

import sys

from PySide6.QtGui import QImage, QPainter


def test_void_calls_do_not_leak_references_to_none(qapp):
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        painter.drawLine(0, 0, 8, 8)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before, f"refcount of None dropped by {before - after}"
