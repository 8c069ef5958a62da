"""Personal metadata in the repository's own media files: found (for `check`) and blanked in place
(for `fengcai clean-media`), photos by photo_metadata.py, videos and voice memos by movie_metadata.py.

The site and booklets never publish any metadata; this is about the files editors commit, which are
public whenever the repository is: a portrait or a video taken at home carries the home's position.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .movie_metadata import MOVIE_SUFFIXES, blank_locations, locations, read_moov
from .photo_metadata import PHOTO_SUFFIXES, without_location

MEDIA_SUFFIXES = PHOTO_SUFFIXES | MOVIE_SUFFIXES


@dataclass(frozen=True)
class PersonalMetadata:
    personal: bool      # a location; in photos also a serial number, an owner's or artist's name, a comment


def personal_metadata(path: Path) -> PersonalMetadata:
    """Whether the file at `path` carries anything clean_in_place would blank."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix in MOVIE_SUFFIXES:
            found = read_moov(path)
            return PersonalMetadata(found is not None and bool(locations(found[1])))
        if suffix in PHOTO_SUFFIXES:
            data = path.read_bytes()
            return PersonalMetadata(without_location(data, suffix) != data)
    except OSError:
        pass            # the media probe reports a missing or unreadable file in its own words
    return PersonalMetadata(False)


def clean_in_place(path: Path) -> bool:
    """Blank the file's personal metadata; True if anything changed. A photo is replaced atomically;
    a video's few location bytes are overwritten where they are (it may be hundreds of megabytes)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in MOVIE_SUFFIXES:
        return blank_locations(path)
    if suffix not in PHOTO_SUFFIXES:
        return False
    data = path.read_bytes()
    cleaned = without_location(data, suffix)
    if cleaned == data:
        return False
    fd, tmp = tempfile.mkstemp(prefix=".clean-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(cleaned)
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
