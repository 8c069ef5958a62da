"""Plain typed objects for every kind of content. No I/O here: the loader fills them in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .honors import level_rank
from .source import Loc, Source

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp", ".heic", ".heif", ".avif"}
VIDEO_SUFFIXES = {".mp4", ".m4v", ".webm", ".mov", ".avi", ".mkv", ".wmv", ".flv", ".3gp"}
AUDIO_SUFFIXES = {".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".flac", ".wma", ".amr"}


@dataclass(frozen=True)
class Media:
    """A file an editor named in YAML. `path` is resolved and known to lie inside the item's folder."""

    rel: str          # as the editor wrote it, relative to the YAML file's folder
    path: Path        # absolute path on disk
    loc: Loc

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    @property
    def kind(self) -> str:
        s = self.suffix
        if s in IMAGE_SUFFIXES or s == ".svg":
            return "image"
        if s in VIDEO_SUFFIXES:
            return "video"
        if s in AUDIO_SUFFIXES:
            return "audio"
        if s == ".vtt":
            return "captions"
        return "other"


@dataclass
class Honor:
    title: str
    level: str        # national / provincial / municipal / county
    year: int
    awarded_by: str = ""
    loc: Loc | None = None

    @property
    def rank(self) -> tuple:
        """Sort key: highest level first, then most recent."""
        return (level_rank(self.level), -self.year)


def highest(honors: list[Honor]) -> Honor | None:
    """The highest level, most recent among equals."""
    return min(honors, key=lambda h: h.rank) if honors else None


@dataclass
class Consent:
    """The record of the person's consent to publish. It is kept when consent is withdrawn:
    `withdrawn` is the date the person took it back, and from then on nothing of theirs is published."""

    date: dt.date
    note: str = ""
    withdrawn: dt.date | None = None


@dataclass
class GalleryItem:
    file: Media
    caption: str


@dataclass
class Video:
    file: Media
    title: str = ""
    poster: Media | None = None
    captions: Media | None = None


@dataclass
class AudioClip:
    file: Media
    title: str = ""
    transcript: str = ""   # text; the loader reads it from a .txt/.md file when one is named
    transcript_file: Media | None = None   # that file, when the transcript came from one


@dataclass
class Link:
    title: str
    url: str


@dataclass
class Achievement:
    title: str
    year: int | None = None
    kind: str = ""    # 专利 / 工法 / 奖项 / …


@dataclass
class InlineStudio:
    """A studio written inside a worker's profile instead of as its own file."""

    name: str
    level: str = ""
    founded: int | None = None


@dataclass
class Worker:
    id: str
    name: str
    association: str
    employer: str
    industry: str
    honors: list[Honor]
    consent: Consent | None
    folder: Path
    source: Source
    # names, derived by the loader (generator.model.names) unless name_pinyin overrides
    surname: str = ""
    given_name: str = ""
    pinyin: str = ""                    # display form with tones: "Sūn Méijīn"
    pinyin_syllables: tuple[str, ...] = ()  # toneless, one per character: ("sun", "mei", "jin")
    position: str = ""
    gender: str = ""
    birth_year: int | None = None
    portrait: Media | None = None
    portrait_alt: str = ""
    quote: str = ""
    studio: str = ""                    # studio id
    studio_inline: InlineStudio | None = None
    specialties: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    achievements: list[Achievement] = field(default_factory=list)
    gallery: list[GalleryItem] = field(default_factory=list)
    videos: list[Video] = field(default_factory=list)
    audio: list[AudioClip] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    featured: bool = False
    draft: bool = False
    sample: bool = False                # fictional sample content, shown with a 示例 badge
    import_id: str = ""                 # the register entry `fengcai import` made this from (never published)
    story_md: str = ""
    story_source: Source | None = None
    namesakes: list[str] = field(default_factory=list)   # names in this item's text that are other people

    @property
    def url(self) -> str:
        return f"workers/{self.id}/"

    @property
    def published(self) -> bool:
        """Shown anywhere at all: not a draft, and consent recorded and not withdrawn."""
        return not self.draft and self.consent is not None and self.consent.withdrawn is None

    @property
    def pinyin_plain(self) -> str:
        """"sun meijin": surname and given name as two toneless words."""
        n = len(self.surname)
        return " ".join(filter(None, ["".join(self.pinyin_syllables[:n]), "".join(self.pinyin_syllables[n:])]))

    @property
    def pinyin_initials(self) -> str:
        return "".join(s[0] for s in self.pinyin_syllables if s)

    @property
    def sort_key(self) -> tuple:
        return ("".join(self.pinyin_syllables), self.name, self.id)

    @property
    def initial(self) -> str:
        """A–Z letter for the jump bar; '#' when there is no pinyin."""
        first = self.pinyin_syllables[0][:1].upper() if self.pinyin_syllables else ""
        return first if first.isascii() and first.isalpha() else "#"

    @property
    def honors_sorted(self) -> list[Honor]:
        return sorted(self.honors, key=lambda h: h.rank)

    @property
    def highest_honor(self) -> Honor | None:
        return highest(self.honors)

    @property
    def first_honor_year(self) -> int | None:
        return min((h.year for h in self.honors), default=None)

    @property
    def latest_honor_year(self) -> int | None:
        return max((h.year for h in self.honors), default=None)

    @property
    def has_video(self) -> bool:
        return bool(self.videos)


@dataclass
class Contact:
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    hours: str = ""
    # the file states that `phone` is an office number meant to be public (required for a mobile)
    phone_is_public_office_number: bool = False


@dataclass
class Stat:
    label: str
    value: float | int
    unit: str = ""
    year: int | None = None


@dataclass
class ServiceItem:
    name: str
    description: str = ""


@dataclass
class Association:
    id: str
    name: str
    short_name: str
    source: Source
    parent: str = ""
    region: str = ""
    founded: int | None = None
    logo: Media | None = None
    cover: Media | None = None
    contact: Contact = field(default_factory=Contact)
    stats: list[Stat] = field(default_factory=list)
    services: list[ServiceItem] = field(default_factory=list)
    summary: str = ""
    story_md: str = ""
    story_source: Source | None = None
    venues: list = field(default_factory=list)   # offerings.Venue: its product hall or shop
    namesakes: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"associations/{self.id}/"


@dataclass
class Collective:
    id: str
    name: str
    association: str
    source: Source
    honors: list[Honor] = field(default_factory=list)
    members: int | None = None
    photo: Media | None = None
    photo_alt: str = ""
    summary: str = ""
    tags: list[str] = field(default_factory=list)
    draft: bool = False
    sample: bool = False
    import_id: str = ""                 # as for workers
    story_md: str = ""
    story_source: Source | None = None
    namesakes: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"collectives/{self.id}/"

    @property
    def highest_honor(self) -> Honor | None:
        return highest(self.honors)


@dataclass
class Studio:
    id: str
    name: str
    source: Source
    association: str = ""
    level: str = ""          # same levels as honors
    founded: int | None = None
    leader: str = ""         # worker id
    members: int | None = None
    photo: Media | None = None
    photo_alt: str = ""
    summary: str = ""
    achievements: list[Achievement] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    draft: bool = False
    sample: bool = False
    story_md: str = ""
    story_source: Source | None = None
    namesakes: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"studios/{self.id}/"


@dataclass
class Story:
    id: str                  # "2024-05-01-hong-wu-yue": the file name without .md
    title: str
    date: dt.date
    source: Source
    association: str = ""
    cover: Media | None = None
    cover_alt: str = ""
    workers: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    summary: str = ""
    draft: bool = False
    body_md: str = ""
    namesakes: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"stories/{self.id}/"


@dataclass
class Page:
    id: str
    title: str
    source: Source
    body_md: str = ""
    order: int = 0
    namesakes: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"pages/{self.id}/"


@dataclass(frozen=True)
class Synonym:
    """A word readers type and the words pages say (content/search.yml): 全国劳模 → (全国劳动模范,)."""

    term: str
    means: tuple[str, ...]
    loc: Loc | None = None


@dataclass
class SiteConfig:
    title: str
    source: Source
    subtitle: str = ""
    publisher: str = ""
    base_url: str = ""
    language: str = "zh"
    description: str = ""
    contact: Contact = field(default_factory=Contact)
    industries: list[str] = field(default_factory=list)
    honor_titles: dict[str, str] = field(default_factory=dict)   # title → level
    services: list[str] = field(default_factory=list)            # volunteer-service vocabulary
    booklet: dict = field(default_factory=dict)                  # paper, bleed_mm, …
    product_categories: list[str] = field(default_factory=list)  # 劳模产品 categories (vocabulary)
    root_association: str = ""
    province: str = ""                                            # 浙江省: {省} in content/search.yml
    city: str = ""                                                # 湖州市: {市}
    synonyms: list[Synonym] = field(default_factory=list)         # content/search.yml
