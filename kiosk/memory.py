"""What the kiosk's memory is made of: resident size, Python objects, live Qt objects. Qt-free
(the Qt objects are counted by the caller).

Shared by the benchmark (which reads its own process) and the running kiosk, which writes one
line to its log on SIGUSR1 (`kill -USR1 PID`), so that a technician or a soak test can follow a
kiosk under real input over days without stopping it.
"""

from __future__ import annotations

import functools
import gc
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process, in MB (NaN once it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def release_freed() -> None:
    """Collect garbage and hand freed heap back to the system: glibc keeps freed blocks, which
    would look like growth."""
    gc.collect()
    if _libc() is not None:
        _libc().malloc_trim(0)


@functools.cache
def _libc():
    """Loaded once: every ctypes.CDLL() makes a new function-pointer class, which would show up
    as growth in the very object counts it helps to read."""
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


def heap_in_use_mb() -> float:
    """Bytes malloc has handed out and not had back, over all arenas (NaN without glibc). Unlike
    RSS it does not include freed memory the allocator keeps, so it tells a leak from
    fragmentation."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in
                    ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                     "keepcost")]

    libc = _libc()
    if libc is None or not hasattr(libc, "mallinfo2"):
        return float("nan")
    libc.mallinfo2.restype = MallInfo2
    info = libc.mallinfo2()
    return (info.uordblks + info.hblkhd) / 2**20


def python_objects() -> Counter:
    """Objects the garbage collector tracks, by type name."""
    return Counter(type(o).__name__ for o in gc.get_objects())


@dataclass(frozen=True)
class Snapshot:
    rss_mb: float
    heap_mb: float
    python_objects: int
    qt_objects: int
    largest: tuple[tuple[str, int], ...]  # the most numerous Python types

    def line(self) -> str:
        largest = ", ".join(f"{name} {count}" for name, count in self.largest)
        return (f"memory: RSS {self.rss_mb:.1f} MB, {self.heap_mb:.1f} MB heap in use, {self.python_objects} Python objects, "
                f"{self.qt_objects} Qt objects; most numerous: {largest}")


def snapshot(qt_objects: int, top: int = 8) -> Snapshot:
    release_freed()
    counts = python_objects()
    return Snapshot(rss_mb(), heap_in_use_mb(), sum(counts.values()), qt_objects, tuple(counts.most_common(top)))
