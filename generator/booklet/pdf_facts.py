"""What a PDF really contains, read with pikepdf (qpdf): the facts preflight.py judges.

Every page's content stream is walked with its graphics state (q/Q, cm, colour spaces and colours),
into Form XObjects, so the facts are what a RIP would meet: each colour space set or declared, each
colour used for text and for paths, each image with the size it is printed at, each font and whether
its program is embedded, the boxes, annotations, transparency, OutputIntents and metadata.
"""

from __future__ import annotations

import hashlib
import io
import math
from collections import Counter
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Name

# colour spaces a PDF/X-1a file may use: process colours, spot/registration colours over them
PRESS_FAMILIES = {"DeviceCMYK", "DeviceGray", "Separation", "DeviceN", "Indexed", "Pattern"}


@dataclass(frozen=True)
class Placement:
    page: int                   # 1-based
    sha256: str                 # of the image stream's raw (encoded) bytes: a JPEG file embedded as is
    px: tuple[int, int]         # pixels
    size_pt: tuple[float, float]
    colour_space: str

    @property
    def ppi(self) -> float:
        w, h = self.size_pt
        if w <= 0 or h <= 0:
            return math.inf
        return min(self.px[0] / (w / 72), self.px[1] / (h / 72))

    @property
    def size_mm(self) -> tuple[float, float]:
        return self.size_pt[0] * 25.4 / 72, self.size_pt[1] * 25.4 / 72


@dataclass
class PageFacts:
    media: tuple[float, ...]
    bleed: tuple[float, ...] | None
    trim: tuple[float, ...] | None
    art: tuple[float, ...] | None
    annotations: list[str] = field(default_factory=list)


@dataclass
class PdfFacts:
    version: str
    pages: list[PageFacts] = field(default_factory=list)
    colour_spaces: Counter = field(default_factory=Counter)      # family → uses (set or declared)
    rgb_where: list[str] = field(default_factory=list)           # "p3: rg" …
    text_colours: Counter = field(default_factory=Counter)       # ("DeviceCMYK", (0,0,0,1)) → text-showing ops
    text_sizes: Counter = field(default_factory=Counter)         # printed size in pt (0.1) → text-showing ops
    rich_black: list[str] = field(default_factory=list)          # "p5: text 0.7 0.6 0.6 1"
    images: list[Placement] = field(default_factory=list)
    fonts: dict[str, bool] = field(default_factory=dict)         # font name → program embedded
    transparency: list[str] = field(default_factory=list)
    output_intents: list[dict] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)
    xmp: str = ""
    has_id: bool = False
    encrypted: bool = False
    catalog_keys: set[str] = field(default_factory=set)


def read_facts(pdf: bytes) -> PdfFacts:
    doc = pikepdf.open(io.BytesIO(pdf))
    facts = PdfFacts(version=doc.pdf_version, has_id="/ID" in doc.trailer, encrypted=doc.is_encrypted,
                     catalog_keys={str(k) for k in doc.Root.keys()})
    for key, value in (doc.docinfo.items() if doc.docinfo is not None else ()):
        facts.info[str(key)] = str(value)
    if "/Metadata" in doc.Root:
        facts.xmp = doc.Root.Metadata.read_bytes().decode("utf-8", "replace")
    for oi in doc.Root.get("/OutputIntents", []):
        prof = oi.get("/DestOutputProfile")
        facts.output_intents.append({
            "S": str(oi.get("/S", "")), "identifier": str(oi.get("/OutputConditionIdentifier", "")),
            "condition": str(oi.get("/OutputCondition", "")), "registry": str(oi.get("/RegistryName", "")),
            "profile_n": int(prof.get("/N", 0)) if prof is not None else 0,
            "profile_bytes": len(prof.read_bytes()) if prof is not None else 0})
    seen_forms: set = set()
    for number, page in enumerate(doc.pages, start=1):
        facts.pages.append(PageFacts(
            media=_box(page.obj.get("/MediaBox")), bleed=_box(page.obj.get("/BleedBox")),
            trim=_box(page.obj.get("/TrimBox")), art=_box(page.obj.get("/ArtBox")),
            annotations=[str(a.get("/Subtype", "")) for a in page.obj.get("/Annots", [])]))
        if "/Group" in page.obj:
            facts.transparency.append(f"第 {number} 页：透明度组")
        _walk(facts, number, page.obj, page.obj.get("/Resources", pikepdf.Dictionary()),
              (1, 0, 0, 1, 0, 0), seen_forms)
    return facts


def _box(v) -> tuple[float, ...] | None:
    return tuple(float(x) for x in v) if v is not None else None


# ---- the content walk -------------------------------------------------------------------------------

@dataclass
class _State:
    ctm: tuple = (1, 0, 0, 1, 0, 0)
    fill_cs: str = "DeviceGray"
    stroke_cs: str = "DeviceGray"
    fill: tuple = (0.0,)
    stroke: tuple = (0.0,)
    font_size: float = 0.0

    def copy(self) -> "_State":
        return _State(self.ctm, self.fill_cs, self.stroke_cs, self.fill, self.stroke, self.font_size)


TEXT_OPS = {"Tj", "TJ", "'", '"'}
# only these operators are returned by qpdf (path construction, text positioning… are skipped in C++)
OPERATORS = "q Q cm cs CS sc scn SC SCN g G rg RG k K BT Tf Tm Tj TJ ' \" f F f* B B* b b* S s Do BI sh"
FILL_OPS = {"f", "F", "f*", "B", "B*", "b", "b*"}
STROKE_OPS = {"S", "s", "B", "B*", "b", "b*"}


def _walk(facts: PdfFacts, page: int, owner, resources, ctm: tuple, seen_forms: set) -> None:
    _resources(facts, page, resources)
    st = _State(ctm)
    stack: list[_State] = []
    tm = (1, 0, 0, 1, 0, 0)
    for operands, op in pikepdf.parse_content_stream(owner, OPERATORS):
        o = str(op)
        if o == "q":
            stack.append(st.copy())
        elif o == "Q":
            st = stack.pop() if stack else st
        elif o == "cm":
            st.ctm = _mul(tuple(float(x) for x in operands), st.ctm)
        elif o in ("cs", "CS"):
            family = _family(operands[0], resources)
            facts.colour_spaces[family] += 1
            if o == "cs":
                st.fill_cs, st.fill = family, (0.0,) * _components(family)
            else:
                st.stroke_cs, st.stroke = family, (0.0,) * _components(family)
        elif o in ("sc", "scn"):
            st.fill = tuple(float(x) for x in operands if not isinstance(x, pikepdf.Name))
        elif o in ("SC", "SCN"):
            st.stroke = tuple(float(x) for x in operands if not isinstance(x, pikepdf.Name))
        elif o in ("g", "G", "rg", "RG", "k", "K"):
            family = {"g": "DeviceGray", "rg": "DeviceRGB", "k": "DeviceCMYK"}[o.lower()]
            facts.colour_spaces[family] += 1
            if family == "DeviceRGB":
                facts.rgb_where.append(f"第 {page} 页：{o}")
            values = tuple(float(x) for x in operands)
            if o.islower():
                st.fill_cs, st.fill = family, values
            else:
                st.stroke_cs, st.stroke = family, values
        elif o == "Tf":
            st.font_size = float(operands[1])
        elif o == "Tm":
            tm = tuple(float(x) for x in operands)
        elif o == "BT":
            tm = (1, 0, 0, 1, 0, 0)
        elif o in TEXT_OPS:
            facts.text_colours[(st.fill_cs, _rounded(st.fill))] += 1
            m = _mul(tm, st.ctm)
            facts.text_sizes[round(st.font_size * math.hypot(m[2], m[3]), 1)] += 1
            _rich_black(facts, page, "文字", st.fill_cs, st.fill)
        elif o in FILL_OPS or o in STROKE_OPS:
            if o in FILL_OPS:
                _rich_black(facts, page, "图形", st.fill_cs, st.fill)
            if o in STROKE_OPS:
                _rich_black(facts, page, "线条", st.stroke_cs, st.stroke)
        elif o == "Do":
            xobj = resources.get("/XObject", {}).get(str(operands[0]))
            if xobj is None:
                continue
            if xobj.get("/Subtype") == Name.Image:
                _image(facts, page, xobj, st.ctm)
            elif xobj.get("/Subtype") == Name.Form:
                if "/Group" in xobj:
                    facts.transparency.append(f"第 {page} 页：透明度组（表单）")
                matrix = tuple(float(x) for x in xobj.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                key = (xobj.objgen, st.ctm)
                if key not in seen_forms:
                    seen_forms.add(key)
                    _walk(facts, page, xobj, xobj.get("/Resources", resources), _mul(matrix, st.ctm), seen_forms)
        elif o == "BI":
            pass
        elif o == "INLINE IMAGE":
            facts.colour_spaces["InlineImage"] += 1
        elif o == "sh":
            sh = resources.get("/Shading", {}).get(str(operands[0]))
            if sh is not None:
                facts.colour_spaces[_family(sh.get("/ColorSpace"), resources)] += 1


def _resources(facts: PdfFacts, page: int, resources) -> None:
    for cs in resources.get("/ColorSpace", {}).values():
        family = _family(cs, resources)
        facts.colour_spaces[family] += 1
        if family not in PRESS_FAMILIES:
            facts.rgb_where.append(f"第 {page} 页：资源中的 {family}")
    for gs in resources.get("/ExtGState", {}).values():
        mask = gs.get("/SMask")
        if mask is not None and not (isinstance(mask, pikepdf.Name) and str(mask) == "/None"):
            facts.transparency.append(f"第 {page} 页：软蒙版")
        for key in ("/CA", "/ca"):
            if key in gs and float(gs[key]) < 1:
                facts.transparency.append(f"第 {page} 页：不透明度 {float(gs[key]):g}")
        if str(gs.get("/BM", "/Normal")) not in ("/Normal", "/Compatible"):
            facts.transparency.append(f"第 {page} 页：混合模式 {gs.get('/BM')}")
        if "/TR" in gs or "/TR2" in gs:
            facts.transparency.append(f"第 {page} 页：传递函数")
    for font in resources.get("/Font", {}).values():
        name = str(font.get("/BaseFont", "?"))
        if font.get("/Subtype") == Name.Type3:
            facts.fonts[name] = True
            continue
        desc = font.DescendantFonts[0].get("/FontDescriptor") if "/DescendantFonts" in font else font.get("/FontDescriptor")
        facts.fonts[name] = desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _image(facts: PdfFacts, page: int, xobj, ctm: tuple) -> None:
    if xobj.get("/ImageMask", False):
        return
    family = _family(xobj.get("/ColorSpace"), None) if "/ColorSpace" in xobj else "JPXEncoded"
    facts.colour_spaces["Image:" + family] += 1
    if family not in PRESS_FAMILIES:
        facts.rgb_where.append(f"第 {page} 页：{family} 图片")
    if "/SMask" in xobj or "/Mask" in xobj:
        facts.transparency.append(f"第 {page} 页：图片带透明蒙版")
    a, b, c, d = ctm[:4]
    size = (math.hypot(a, b), math.hypot(c, d))
    raw = xobj.read_raw_bytes()
    facts.images.append(Placement(page, hashlib.sha256(raw).hexdigest(), (int(xobj.Width), int(xobj.Height)),
                                  size, family))


def _family(cs, resources) -> str:
    """The family name of a colour space operand or resource: DeviceCMYK, ICCBased(N=1), Separation(All) …"""
    if cs is None:
        return "DeviceGray"
    if isinstance(cs, pikepdf.Name):
        name = str(cs)[1:]
        if name in ("DeviceCMYK", "DeviceRGB", "DeviceGray", "Pattern", "CMYK", "RGB", "G"):
            return {"CMYK": "DeviceCMYK", "RGB": "DeviceRGB", "G": "DeviceGray"}.get(name, name)
        if resources is not None and str(cs) in resources.get("/ColorSpace", {}):
            return _family(resources.ColorSpace[str(cs)], None)
        return name
    if isinstance(cs, pikepdf.Array) and len(cs):
        kind = str(cs[0])[1:]
        if kind == "ICCBased":
            return f"ICCBased(N={int(cs[1].get('/N', 0))})"
        if kind in ("Separation", "DeviceN"):
            alt = _family(cs[2], None)
            return kind if alt in ("DeviceCMYK", "DeviceGray") else f"{kind}({alt})"
        if kind == "Indexed":
            base = _family(cs[1], None)
            return "Indexed" if base in PRESS_FAMILIES else f"Indexed({base})"
        return kind
    return str(cs)


def _components(family: str) -> int:
    return {"DeviceCMYK": 4, "DeviceRGB": 3}.get(family, 1)


def _rounded(values: tuple) -> tuple:
    return tuple(round(v, 3) for v in values)


def _rich_black(facts: PdfFacts, page: int, what: str, family: str, values: tuple) -> None:
    """Near-black made of several inks (blurs small type and fine QR modules if plates shift)."""
    if family == "DeviceCMYK" and len(values) == 4:
        c, m, y, k = values
        if k >= 0.85 and max(c, m, y) > 0.02:
            facts.rich_black.append(f"第 {page} 页：{what} {c:g}/{m:g}/{y:g}/{k:g}")


def _mul(m: tuple, n: tuple) -> tuple:
    """m × n for PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)
