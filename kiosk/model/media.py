"""The pictures a dataset shows: where each is used, and whether its file can be shown there. Qt-free.

A picture is a file in the "media" folder beside the data file. Each is checked where it is
used: the file is inside that folder (no name or link leads out of it), is not too large,
really is a PNG, JPEG or WebP image that decodes, and has enough pixels for its place (a
banner across a 1920-pixel screen must not be a thumbnail blown up).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.model import problem_texts as T
from kiosk.model.checks import Problem
from kiosk.model.dataset import Dataset, Gallery, Photo
from kiosk.wording import Message, say

MEDIA_FOLDER = "media"
MAX_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 60_000_000  # more is a mistake (or a decompression bomb), not a sharper picture
FORMATS = {"PNG", "JPEG", "WEBP"}


@dataclass(frozen=True)
class Place:
    """Where a picture is shown, and the width it needs there to look sharp on a 1920-pixel screen."""

    name: str  # a kiosk.model.problem_texts template
    min_width: int


BANNER = Place(T.PLACE_BANNER, 1600)
PHOTO = Place(T.PLACE_PHOTO, 800)
GALLERY = Place(T.PLACE_GALLERY, 1280)
DETAIL = Place(T.PLACE_DETAIL, 480)


def media_folder(data_file: Path) -> Path:
    return Path(data_file).parent / MEDIA_FOLDER


def uses(d: Dataset) -> Iterator[tuple[str, str, Place]]:
    """Every use of a picture: (path of the reference, media id, place)."""
    for t, tab in enumerate(d.views):
        if tab.banner:
            yield f"views.{t}.banner", tab.banner, BANNER
        for b, block in enumerate(tab.blocks):
            if isinstance(block, Photo):
                yield f"views.{t}.blocks.{b}.media", block.media, PHOTO
            elif isinstance(block, Gallery):
                for i, media_id in enumerate(block.media):
                    yield f"views.{t}.blocks.{b}.media.{i}", media_id, GALLERY
    for collection in ("industries", "companies", "facts"):
        for i, record in enumerate(getattr(d, collection)):
            if record.photo:
                yield f"{collection}.{i}.photo", record.photo, DETAIL


def check_media(d: Dataset, folder: Path) -> list[Problem]:
    """Problems with the dataset's picture files, each named by where the picture is listed or used."""
    problems: list[Problem] = []
    sizes: dict[str, tuple[int, int]] = {}
    for i, media in enumerate(d.media):
        found = _image_size(folder, media.file)
        if isinstance(found, Message):
            problems.append(Problem(f"media.{i}.file", found))
        else:
            sizes[media.id] = found
    for path, media_id, place in uses(d):
        if media_id in sizes and sizes[media_id][0] < place.min_width:
            width, height = sizes[media_id]
            problems.append(Problem(path, say(T.PICTURE_TOO_SMALL, media=media_id, width=width, height=height,
                                              place=say(place.name), least=place.min_width)))
    return problems


def _image_size(folder: Path, name: str) -> tuple[int, int] | Message:
    """The picture's (width, height), or what is wrong with its file."""
    from PIL import Image, UnidentifiedImageError  # only a dataset with pictures needs it

    path = folder / name
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
        size = path.stat().st_size
    except OSError:
        return say(T.PICTURE_OUTSIDE, name=name, folder=str(folder))
    if not inside:
        return say(T.PICTURE_LEADS_OUT, name=name, folder=str(folder))
    if size > MAX_BYTES:
        return say(T.PICTURE_TOO_LARGE, name=name, megabytes=f"{size / 1e6:.1f}", limit=f"{MAX_BYTES / 1e6:.0f}")
    try:
        with Image.open(path) as image:
            if image.format not in FORMATS:
                return say(T.PICTURE_FORMAT, name=name, format=image.format)
            if image.width * image.height > MAX_PIXELS:
                return say(T.PICTURE_TOO_MANY_PIXELS, name=name, width=image.width, height=image.height)
            size = image.size
            # Every block of the picture decodes, not only its header. A JPEG may decode at an
            # eighth of its size (its DCT scaling): the same data is read, in a tenth of the time.
            image.draft("RGB", (image.width // 8, image.height // 8))
            image.load()
            return size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        return say(T.PICTURE_UNREADABLE, name=name, error=str(error))
