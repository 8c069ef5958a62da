"""The `booklet:` settings of content/site.yml as one typed object (read by content/site_reader.py).

    booklet:
      paper: A5                  # A5 / A4
      bleed_mm: 3                # bleed of the press file
      publisher: 湖州市劳模协会   # 编印单位 (default: site.yml publisher)
      permit: 浙内准字第…号       # 准印证号 — a press build without it warns
      printer: 湖州某某印刷有限公司 # 印刷单位
      copies: 2000               # 印数（册）
      print_date: 2026年5月       # 印刷日期 (default: the month of the build)
      edition: 2026年5月第1版     # 版次
      recipients: 本会会员及有关单位 # 发送对象
      cmyk_profile: /usr/share/color/icc/ghostscript/default_cmyk.icc   # press colour profile
      output_condition: CGATS TR 001   # registered printing condition of that profile (optional)
      fonts_dir: fonts
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Ghostscript's SWOP-based coated-paper CMYK profile, from Debian's libgs-common (dev.sh installs it).
# Debian main ships no FOGRA39 / Japan Color profile; a print shop's own profile can be set instead.
DEFAULT_CMYK_PROFILE = "/usr/share/color/icc/ghostscript/default_cmyk.icc"


@dataclass(frozen=True)
class BookletSettings:
    paper: str = "A5"
    bleed_mm: float = 3.0
    publisher: str = ""          # 编印单位
    permit: str = ""             # 准印证号
    printer: str = ""            # 印刷单位
    copies: int | None = None    # 印数
    print_date: str = ""         # 印刷日期
    edition: str = ""            # 版次
    recipients: str = ""         # 发送对象
    cmyk_profile: str = DEFAULT_CMYK_PROFILE
    output_condition: str = ""   # e.g. "CGATS TR 001", "FOGRA39", "JC200103"; "" = from the profile's name
    fonts_dir: str = ""

    @classmethod
    def of(cls, site) -> "BookletSettings":
        """From a SiteConfig: its `booklet` mapping, with the site's publisher as the default 编印单位."""
        raw = dict(site.booklet or {})
        copies = raw.get("copies")
        try:
            copies = int(copies) if copies not in (None, "") else None
        except (TypeError, ValueError):
            copies = None
        return cls(
            paper=str(raw.get("paper") or "A5"),
            bleed_mm=float(raw.get("bleed_mm") or 3),
            publisher=str(raw.get("publisher") or site.publisher or ""),
            permit=str(raw.get("permit") or ""), printer=str(raw.get("printer") or ""), copies=copies,
            print_date=str(raw.get("print_date") or ""), edition=str(raw.get("edition") or ""),
            recipients=str(raw.get("recipients") or ""),
            cmyk_profile=str(raw.get("cmyk_profile") or DEFAULT_CMYK_PROFILE),
            output_condition=str(raw.get("output_condition") or ""),
            fonts_dir=str(raw.get("fonts_dir") or ""),
        )

    def profile_path(self, root: Path) -> Path:
        p = Path(self.cmyk_profile).expanduser()
        return p if p.is_absolute() else Path(root) / p
