"""Adapter between the page templates and generator.media.MediaPipeline.

The templates get <img> tags and URLs relative to the site root ("media/img/…"); page rendering then
makes them page-relative (urls.rebase_html), so the site works under any sub-path.
Purposes are the pipeline's: portrait, gallery, cover, thumb, poster.
"""

from __future__ import annotations

from pathlib import Path

from ..media import ImageSet, MediaPipeline
from ..model.entities import Media


class SiteMedia:
    def __init__(self, pipeline: MediaPipeline):
        self.pipeline = pipeline

    def imageset(self, media: Media | None, purpose: str, stand_in: str = "", surname: str = "") -> ImageSet:
        """The image's derivatives, or a generated placeholder (the surname on a calm colour)."""
        if media is None:
            return self.pipeline.placeholder(stand_in or "劳模", purpose, surname)
        return self.pipeline.image(media.path, purpose)

    def img(self, media: Media | None, purpose: str, alt: str, sizes: str = "", css_class: str = "",
            stand_in: str = "", surname: str = "", lazy: bool = True) -> str:
        return self.imageset(media, purpose, stand_in, surname).img_tag(alt, sizes, css_class, lazy=lazy)

    def img_url(self, media: Media | None, purpose: str, stand_in: str = "", surname: str = "",
                largest: bool = False) -> str:
        """The JPEG fallback (share cards, search results), or the widest WebP (lightbox)."""
        images = self.imageset(media, purpose, stand_in, surname)
        return images.largest if largest else images.fallback

    def video(self, file: Media, poster: Media | None) -> dict:
        asset = self.pipeline.video(file.path, poster.path if poster else None)
        return {"url": asset.url, "poster": asset.poster.fallback, "type": _mime(Path(asset.url))}

    def audio(self, file: Media) -> dict:
        url = self.pipeline.audio(file.path).url
        return {"url": url, "type": _mime(Path(url))}

    def file(self, media: Media) -> str:
        return self.pipeline.file(media.path)

    def run(self, out_dir: Path):
        return self.pipeline.run(Path(out_dir))


def open_media(root: Path, quiet: bool = True) -> SiteMedia:
    """The pipeline with its cache in <root>/.cache/media (kept between builds)."""
    return SiteMedia(MediaPipeline(Path(root) / ".cache" / "media", quiet=quiet))


# what the pipeline publishes (media/avspecs.py): every video an MP4, every sound an M4A or MP3
_MIME = {".mp4": "video/mp4", ".m4a": "audio/mp4", ".mp3": "audio/mpeg"}


def _mime(path: Path) -> str:
    return _MIME.get(path.suffix.lower(), "")
