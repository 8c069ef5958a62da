"""What a page needs to show one image: the derivative URLs and sizes, and the <img> tag."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class ImageSet:
    """The web derivatives of one image for one purpose. URLs are relative to the site root."""

    sources: tuple[tuple[str, int], ...]   # (url, pixel width), narrowest first; all WebP
    width: int                             # of the widest derivative: sets the aspect ratio in <img>
    height: int
    fallback: str                          # JPEG, for `src`, share cards (og:image) and old browsers

    @property
    def largest(self) -> str:
        return self.sources[-1][0]

    def srcset(self, base: str = "") -> str:
        return ", ".join(f"{base}{url} {w}w" for url, w in self.sources)

    def img_tag(self, alt: str, sizes: str, css_class: str = "", base: str = "", lazy: bool = True) -> str:
        """An <img> that reserves its space before loading (width/height) and lets the browser pick a size.

        `base` prefixes every URL ("../../" from a page two folders deep, or "/" for root-absolute).
        `lazy=False` is for the one image at the top of a page (it is the largest paint: load it first).
        """
        attrs = [
            f'src="{escape(base + self.fallback)}"',
            f'srcset="{escape(self.srcset(base))}"',
            f'sizes="{escape(sizes)}"',
            f'width="{self.width}"',
            f'height="{self.height}"',
            'loading="lazy" decoding="async"' if lazy else 'loading="eager" decoding="async" fetchpriority="high"',
            f'alt="{escape(alt)}"',
        ]
        if css_class:
            attrs.append(f'class="{escape(css_class)}"')
        return f"<img {' '.join(attrs)}>"
