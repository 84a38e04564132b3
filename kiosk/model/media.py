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

from kiosk.model.checks import Problem
from kiosk.model.dataset import Dataset, Gallery, Photo

MEDIA_FOLDER = "media"
MAX_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 60_000_000  # more is a mistake (or a decompression bomb), not a sharper picture
FORMATS = {"PNG", "JPEG", "WEBP"}


@dataclass(frozen=True)
class Place:
    """Where a picture is shown, and the width it needs there to look sharp on a 1920-pixel screen."""

    name: str
    min_width: int


BANNER = Place("a banner", 1600)
PHOTO = Place("a photo block", 800)
GALLERY = Place("a gallery", 1280)
DETAIL = Place("an industry, company or fact", 480)


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
        if isinstance(found, str):
            problems.append(Problem(f"media.{i}.file", found))
        else:
            sizes[media.id] = found
    for path, media_id, place in uses(d):
        if media_id in sizes and sizes[media_id][0] < place.min_width:
            width, height = sizes[media_id]
            problems.append(Problem(path, f'"{media_id}" is {width}x{height} pixels; {place.name} needs at least '
                                          f"{place.min_width} pixels across to look sharp"))
    return problems


def _image_size(folder: Path, name: str) -> tuple[int, int] | str:
    """The picture's (width, height), or what is wrong with its file."""
    from PIL import Image, UnidentifiedImageError  # only a dataset with pictures needs it

    path = folder / name
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
        size = path.stat().st_size
    except OSError:
        return f"{name} is not in the media folder {folder}"
    if not inside:
        return f"{name} leads out of the media folder {folder} (a link?); copy the picture into it"
    if size > MAX_BYTES:
        return f"{name} is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB (save it smaller)"
    try:
        with Image.open(path) as image:
            if image.format not in FORMATS:
                return f"{name} is a {image.format} file; save it as PNG, JPEG or WebP"
            if image.width * image.height > MAX_PIXELS:
                return f"{name} is {image.width}x{image.height} pixels; save it smaller (at most 60 megapixels)"
            size = image.size
            # Every block of the picture decodes, not only its header. A JPEG may decode at an
            # eighth of its size (its DCT scaling): the same data is read, in a tenth of the time.
            image.draft("RGB", (image.width // 8, image.height // 8))
            image.load()
            return size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        return f"{name} cannot be read as a picture ({error}); export it again as PNG, JPEG or WebP"
