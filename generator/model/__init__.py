"""The typed content model. Loaded once by `generator.content.loader`; every output reads only this."""

from .source import Loc, Source
from .entities import (
    Achievement, Association, AudioClip, Collective, Consent, Contact, GalleryItem, Honor, Link,
    Media, Page, ServiceItem, SiteConfig, Stat, Story, Studio, Video, Worker,
)
from .honors import LEVELS, LEVEL_LABELS, level_rank
from .corpus import Model

__all__ = [
    "Loc", "Source", "Achievement", "Association", "AudioClip", "Collective", "Consent", "Contact",
    "GalleryItem", "Honor", "Link", "Media", "Page", "ServiceItem", "SiteConfig", "Stat", "Story",
    "Studio", "Video", "Worker", "LEVELS", "LEVEL_LABELS", "level_rank", "Model",
]
