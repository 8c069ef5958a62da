"""Preflight (印前检查): would a print shop accept the press file, and is every photo sharp enough?

    content_problems(model, settings, press) before anything is made: QR codes that lead to an example
                                            address (error; a warning for sample content), no website, no 准印证号 (warnings)
    pdfx_violations(facts, bleed_mm)        what in a press file breaks PDF/X-1a or the house rules —
                                            each is a bug, and such a file is never written
    metadata_violations(facts, publisher)   Author/Subject/Keywords (Info and XMP) other than the publisher
    photo_problems(placements, uses, press) every placed photo's effective ppi at its printed size:
                                            warning under 300, error under 150 (press file)
    summary(...)                            the short Chinese summary a run ends with
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model import Media, Model
from ..problems import Problem, error, warning
from .pdf_facts import PRESS_FAMILIES, PdfFacts, Placement
from .press import PDF_VERSION, PDFX_VERSION
from .settings import BookletSettings

GOOD_PPI = 300
MIN_PPI = 150
MM = 72 / 25.4

_PLACEHOLDER_HOSTS = re.compile(
    r"(^|\.)(example\.(org|com|net|edu)|example|localhost|test|invalid|local)$|^(127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?)$")


def placeholder_url(url: str) -> bool:
    """An address no reader can open: example.org/.com/.net, localhost, 127.x, *.test, *.invalid, *.local."""
    host = (urlsplit(url.strip()).hostname or "").lower()
    return not host or bool(_PLACEHOLDER_HOSTS.search(host))


def content_problems(model: Model, settings: BookletSettings, press: bool) -> list[Problem]:
    """What the settings say about the booklet before it is made (only the press file is held to them)."""
    if not press:
        return []
    site = model.site
    out: list[Problem] = []
    url = site.base_url.strip()
    if not url:
        out.append(warning(site.source.loc(), "content/site.yml 没有写网站地址（base_url），印刷版上没有二维码",
                           "写上网上展馆的正式地址，例如 base_url: https://fengcai.某某.cn/", "booklet.no-url"))
    elif placeholder_url(url) and model.workers and all(w.sample for w in model.workers.values()):
        # the shipped sample content: fictional people, never printed for readers, so its press file is made
        # to be looked at; as soon as one real person is in, the address must be the real one
        out.append(warning(site.source.loc("base_url"),
                           f"二维码指向示例网址 {url}：现在都是示例劳模，印刷文件只用来看效果",
                           "加入真实的劳模后，必须先把 content/site.yml 的 base_url 改成网上展馆的正式地址，否则不能生成印刷文件",
                           "booklet.example-url-sample"))
    elif placeholder_url(url):
        out.append(error(site.source.loc("base_url"),
                         f"二维码会指向示例网址 {url}，读者扫码打不开，印刷版不能用",
                         "把 content/site.yml 的 base_url 改成网上展馆的正式地址；只想先看印刷效果，可以加 --proof 生成校样",
                         "booklet.example-url"))
    if not settings.permit:
        out.append(warning(site.source.loc("booklet"),
                           "版权页没有准印证号：内部资料印刷前要取得《准印证》，印刷厂会查验",
                           "取得准印证后在 content/site.yml 的 booklet 下写 permit: 准印证号", "booklet.no-permit"))
    return out


@dataclass(frozen=True)
class PhotoUse:
    """A photo placed in a booklet: whose, which file (for the message and its location)."""

    media: Media
    who: str            # "孙梅金的肖像", "南浔区劳模协会的封面照片"


def photo_problems(placements: list[tuple[str, Placement]], uses: dict[str, PhotoUse], press: bool) -> list[Problem]:
    """One problem per photo printed below 300 ppi (its lowest placement); errors under 150 in a press file."""
    lowest: dict[str, tuple[Placement, PhotoUse, str]] = {}
    for booklet, p in placements:
        use = uses.get(p.sha256)
        if use is None or p.ppi >= GOOD_PPI - 0.5:
            continue
        key = str(use.media.path)
        if key not in lowest or p.ppi < lowest[key][0].ppi:
            lowest[key] = (p, use, booklet)
    out = []
    for p, use, booklet in sorted(lowest.values(), key=lambda t: t[0].ppi):
        w, h = p.size_mm
        need = (math.ceil(w / 25.4 * GOOD_PPI), math.ceil(h / 25.4 * GOOD_PPI))
        where = f"《{booklet}》第 {p.page} 页"
        hint = (f"换一张像素更多的原图（印这么大需要至少 {need[0]}×{need[1]} 像素，现在只有 {p.px[0]}×{p.px[1]}）；"
                "请用相机或手机拍的原图，不要用微信转发、截图或压缩过的图片")
        if p.ppi < MIN_PPI and press:
            out.append(error(use.media.loc, f"{use.who} {use.media.rel} 在{where}印成 {w:.0f}×{h:.0f} 毫米，"
                             f"只有 {p.ppi:.0f} ppi，印出来会明显模糊（印刷至少要 {MIN_PPI} ppi）", hint, "booklet.very-low-ppi"))
        else:
            out.append(warning(use.media.loc, f"{use.who} {use.media.rel} 在{where}印成 {w:.0f}×{h:.0f} 毫米，"
                               f"只有 {p.ppi:.0f} ppi，低于印刷要求的 {GOOD_PPI} ppi，印出来会发虚", hint, "booklet.low-ppi"))
    return out


def pdfx_violations(f: PdfFacts, bleed_mm: float) -> list[str]:
    """Everything in a press file that breaks PDF/X-1a:2001 or the house rules (Chinese; empty = good)."""
    out: list[str] = []
    if f.version != PDF_VERSION:
        out.append(f"PDF 版本是 {f.version}，PDF/X-1a:2001 要求 {PDF_VERSION}")
    intents = [oi for oi in f.output_intents if oi["S"] == "/GTS_PDFX"]
    if len(intents) != 1:
        out.append(f"应有一个 GTS_PDFX 输出意图（OutputIntent），实际 {len(intents)} 个")
    elif intents[0]["profile_n"] != 4 or not intents[0]["identifier"]:
        out.append("输出意图没有嵌入 CMYK 色彩特性文件或缺少印刷条件标识")
    for key in ("/Title", "/CreationDate", "/ModDate", "/GTS_PDFXVersion"):
        if not f.info.get(key):
            out.append(f"文档信息缺少 {key[1:]}")
    if f.info.get("/GTS_PDFXVersion") and f.info["/GTS_PDFXVersion"] != PDFX_VERSION:
        out.append(f"GTS_PDFXVersion 是 {f.info['/GTS_PDFXVersion']}")
    if f.info.get("/Trapped") not in ("/True", "/False"):
        out.append("文档信息的 Trapped 必须是 True 或 False")
    if not f.has_id:
        out.append("文件尾缺少 ID")
    if f.encrypted:
        out.append("文件加密了")
    for key in ("/AcroForm", "/OpenAction", "/AA", "/Names"):
        if key in f.catalog_keys:
            out.append(f"文档目录里有 {key[1:]}（表单、动作或脚本）")
    if len(f.pages) % 4:
        out.append(f"页数 {len(f.pages)} 不是 4 的倍数")
    for i, p in enumerate(f.pages, start=1):
        out += [f"第 {i} 页：{m}" for m in _box_problems(p, bleed_mm)]
        if p.annotations:
            out.append(f"第 {i} 页：有 {len(p.annotations)} 个注释或链接")
    bad = sorted({k for k in f.colour_spaces if k.removeprefix("Image:") not in PRESS_FAMILIES})
    if bad:
        out.append("用了印刷不允许的颜色空间：" + "、".join(bad) + "（" + "；".join(f.rgb_where[:3]) + "）")
    if f.rich_black:
        out.append(f"有 {len(f.rich_black)} 处四色黑（文字和二维码应只用黑版 K100）：" + "；".join(f.rich_black[:3]))
    missing = sorted(n for n, embedded in f.fonts.items() if not embedded)
    if missing:
        out.append("字体没有嵌入：" + "、".join(missing))
    if f.transparency:
        out.append("有透明效果（PDF/X-1a 不允许）：" + "；".join(f.transparency[:3]))
    return out


def _box_problems(p, bleed_mm: float) -> list[str]:
    out = []
    if p.trim is None:
        return ["没有 TrimBox（成品尺寸框）"]
    if p.art is not None:
        out.append("同时有 TrimBox 和 ArtBox")
    if p.bleed is None:
        return out + ["没有 BleedBox（出血框）"]
    if not _inside(p.trim, p.bleed):
        out.append("TrimBox 不在 BleedBox 以内")
    if not _inside(p.bleed, p.media) or not all(abs(a - b) > 1 for a, b in zip(p.bleed, p.media)):
        out.append("MediaBox 没有比 BleedBox 大（裁切线需要出血以外的纸边）")
    margins = (p.trim[0] - p.bleed[0], p.trim[1] - p.bleed[1], p.bleed[2] - p.trim[2], p.bleed[3] - p.trim[3])
    if any(abs(m - bleed_mm * MM) > 0.05 for m in margins):
        out.append(f"出血不是 {bleed_mm:g} 毫米")
    return out


def _inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] - 0.01 and inner[1] >= outer[1] - 0.01
            and inner[2] <= outer[2] + 0.01 and inner[3] <= outer[3] + 0.01)


_XMP_CONTENT = re.compile(r"<(pdf:Keywords|dc:subject|dc:description)\b")


def metadata_violations(f: PdfFacts, publisher: str) -> list[str]:
    """The document metadata carries no author, subject or keywords taken from content (issue 11)."""
    out = []
    if f.info.get("/Author", publisher) != publisher:
        out.append(f"作者是「{f.info['/Author']}」而不是编印单位")
    for key in ("/Subject", "/Keywords"):
        if f.info.get(key):
            out.append(f"文档信息里有 {key[1:]}")
    creators = re.findall(r"<dc:creator>.*?</dc:creator>", f.xmp, re.S)
    names = re.findall(r"<rdf:li[^>]*>(.*?)</rdf:li>", "".join(creators), re.S)
    if any(n.strip() != publisher for n in names):
        out.append("XMP 的作者（dc:creator）不只是编印单位")
    if _XMP_CONTENT.search(f.xmp):
        out.append("XMP 里有主题、描述或关键词")
    return out


@dataclass
class BookletCheck:
    """The facts of one written booklet, for the summary."""

    name: str
    pages: int
    press: bool
    images: int = 0
    lowest_ppi: float = math.inf


def summary(checks: list[BookletCheck], problems: list[Problem], settings: BookletSettings, profile_name: str,
            condition: str, proof: bool, written: bool) -> list[str]:
    """A few Chinese lines: what was checked, the numbers, and whether the files can go to the print shop."""
    press = [c for c in checks if c.press]
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    lines = ["印前检查（印刷厂版）："]
    if press:
        pages = "、".join(f"{c.name} {c.pages} 页" for c in press)
        lines.append(f"  PDF/X-1a:2001，全部 CMYK（文字和二维码只用黑版），字体全部嵌入，出血 {settings.bleed_mm:g} 毫米，"
                     f"裁切线在出血以外；页数都是 4 的倍数：{pages}")
        lines.append(f"  印刷色彩：{profile_name}（{condition}）")
        images = sum(c.images for c in press)
        lowest = min((c.lowest_ppi for c in press), default=math.inf)
        low = sum(1 for p in problems if p.code in ("booklet.low-ppi", "booklet.very-low-ppi"))
        lines.append(f"  图片 {images} 处，最低 {lowest:.0f} ppi；低于 {GOOD_PPI} ppi 的照片 {low} 张" if images else "  没有图片")
    sample = any(p.code == "booklet.example-url-sample" for p in problems)
    verdict = ("文件合格；这是示例内容，只用来看印刷效果" if sample and not errors and written else
               "可以交付印刷" if not errors and written else
               "校样：有错误，不能交付印刷" if proof and written else "有错误，没有生成印刷文件")
    lines.append(f"  结果：{len(errors)} 个错误，{len(warnings)} 个警告 —— {verdict}")
    return lines
