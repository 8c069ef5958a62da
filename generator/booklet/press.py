"""The print shop's file: PDF/X-1a:2001, made from Typst's pages of trim size plus bleed.

    pages (trim + bleed, every colour already CMYK) → blank pages before the back cover up to a
    multiple of 4 → each page centred on a sheet SLUG_MM larger all round (MediaBox), with its
    BleedBox and TrimBox → crop marks and registration targets outside the bleed, in registration
    colour (Separation /All) → no annotations, links, outline or actions → OutputIntent carrying the
    CMYK profile the photos were converted with → Info and XMP (title and publisher only) → PDF 1.3.

Why X-1a: it is what print shops' RIPs and preflight presets accept without question (PDF/X-1a:2001),
and it asks exactly what a booklet of photos and text needs — everything CMYK, no transparency,
fonts embedded. The result is checked by preflight.py, not trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
from dataclasses import dataclass
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

MM = 72 / 25.4
SLUG_MM = 10.0          # sheet margin around the bleed: room for the crop marks
MARK_GAP_MM = 1.0       # crop marks start this far outside the bleed…
MARK_LEN_MM = 5.0       # …and are this long
MARK_WIDTH_PT = 0.25
PDFX_VERSION = "PDF/X-1:2001"
PDFX_CONFORMANCE = "PDF/X-1a:2001"
PDF_VERSION = "1.3"     # PDF/X-1a:2001 is PDF 1.3
REGISTRY = "http://www.color.org"

# Registered printing conditions (ICC characterization registry), recognised from a profile's name.
CONDITIONS = (("japan color 2001 coated", "JC200103"), ("fogra51", "FOGRA51"), ("pso coated v3", "FOGRA51"),
              ("fogra39", "FOGRA39"), ("iso coated v2", "FOGRA39"), ("swop", "CGATS TR 001"),
              ("gracol", "CGATS TR 006"))


@dataclass(frozen=True)
class PressSpec:
    title: str
    publisher: str
    bleed_mm: float
    profile: bytes                    # the CMYK output profile (ICC) the photos were converted with
    profile_name: str                 # its description, e.g. "Artifex CMYK SWOP Profile"
    condition: str = ""               # registered identifier; "" = recognised from the name
    when: dt.datetime = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    creator: str = "fengcai"


def output_condition(profile_name: str, condition: str = "") -> str:
    """The registered printing condition: `condition` as set, else recognised from the profile's name."""
    if condition:
        return condition
    name = profile_name.lower()
    return next((ident for key, ident in CONDITIONS if key in name), profile_name)


def to_pdfx(pdf: bytes, spec: PressSpec) -> bytes:
    """The PDF/X-1a press file of Typst's `pdf` (pages of trim size plus `spec.bleed_mm` on every side)."""
    doc = pikepdf.open(io.BytesIO(pdf))
    _pad_to_four(doc)
    slug, bleed = SLUG_MM * MM, spec.bleed_mm * MM
    registration = doc.make_indirect(Array([Name.Separation, Name.All, Name.DeviceCMYK, Dictionary(
        FunctionType=2, Domain=Array([0, 1]), C0=Array([0, 0, 0, 0]), C1=Array([1, 1, 1, 1]), N=1)]))
    shift = doc.make_stream(f"q 1 0 0 1 {slug:.4f} {slug:.4f} cm\n".encode())
    for page in doc.pages:
        box = [float(v) for v in page.mediabox]
        w, h = box[2] - box[0], box[3] - box[1]
        if box[0] or box[1]:
            raise ValueError("page MediaBox does not start at 0 0")
        for key in ("/Annots", "/CropBox", "/ArtBox", "/BleedBox", "/TrimBox", "/AA"):
            if key in page.obj:
                del page.obj[key]
        page.obj.MediaBox = Array([0, 0, _r(w + 2 * slug), _r(h + 2 * slug)])
        page.obj.BleedBox = Array([_r(slug), _r(slug), _r(slug + w), _r(slug + h)])
        page.obj.TrimBox = Array([_r(slug + bleed), _r(slug + bleed), _r(slug + w - bleed), _r(slug + h - bleed)])
        name = page.add_resource(registration, Name.ColorSpace, Name("/FcRegistration"), replace_existing=True)
        page.contents_add(shift, prepend=True)
        marks = _marks(slug + bleed, slug + bleed, slug + w - bleed, slug + h - bleed, bleed, str(name))
        page.contents_add(doc.make_stream(b"Q\n" + marks))
    for key in ("/Outlines", "/Names", "/Dests", "/OpenAction", "/AA", "/PageMode", "/AcroForm",
                "/StructTreeRoot", "/MarkInfo", "/Metadata", "/OutputIntents"):
        if key in doc.Root:
            del doc.Root[key]
    icc = doc.make_stream(spec.profile)
    icc.N = 4
    condition = output_condition(spec.profile_name, spec.condition)
    doc.Root.OutputIntents = Array([Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFX, OutputConditionIdentifier=String(condition),
        OutputCondition=String(spec.profile_name), RegistryName=String(REGISTRY), Info=String(spec.profile_name),
        DestOutputProfile=icc)])
    stamp = spec.when.astimezone(dt.timezone.utc).replace(microsecond=0)
    pdf_date = stamp.strftime("D:%Y%m%d%H%M%S") + "+00'00'"
    doc.trailer.Info = doc.make_indirect(Dictionary(
        Title=String(spec.title), Author=String(spec.publisher), Creator=String(spec.creator),
        Producer=String(spec.creator), CreationDate=String(pdf_date), ModDate=String(pdf_date),
        Trapped=Name("/False"), GTS_PDFXVersion=String(PDFX_VERSION), GTS_PDFXConformance=String(PDFX_CONFORMANCE)))
    digest = hashlib.sha256(pdf + spec.profile).hexdigest()
    meta = doc.make_stream(_xmp(spec, stamp, digest).encode("utf-8"))
    meta.Type, meta.Subtype = Name.Metadata, Name.XML
    doc.Root.Metadata = meta
    out = io.BytesIO()
    doc.save(out, force_version=PDF_VERSION, object_stream_mode=pikepdf.ObjectStreamMode.disable,
             compress_streams=True, deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()


def _r(x: float) -> float:
    return round(x, 4)


def _pad_to_four(doc: pikepdf.Pdf) -> int:
    """Blank pages before the last page (the back cover with the colophon) up to a multiple of 4."""
    n = len(doc.pages)
    pad = (4 - n % 4) % 4
    if n < 2:
        return 0
    size = doc.pages[-1].mediabox
    for _ in range(pad):
        blank = pikepdf.Page(doc.make_indirect(Dictionary(
            Type=Name.Page, MediaBox=Array(list(size)), Resources=Dictionary(), Contents=doc.make_stream(b""))))
        doc.pages.insert(len(doc.pages) - 1, blank)
    return pad


def _marks(x0: float, y0: float, x1: float, y1: float, bleed: float, cs: str) -> bytes:
    """Crop marks at the trim corners and registration targets at the middle of each side, all outside the bleed."""
    start, length = bleed + MARK_GAP_MM * MM, MARK_LEN_MM * MM
    ops = [f"q {cs} CS 1 SCN {MARK_WIDTH_PT} w 0 J [] 0 d"]
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            ops.append(f"{x + sx * start:.3f} {y:.3f} m {x + sx * (start + length):.3f} {y:.3f} l S")
            ops.append(f"{x:.3f} {y + sy * start:.3f} m {x:.3f} {y + sy * (start + length):.3f} l S")
    r = 1.6 * MM
    mid = start + length / 2
    for cx, cy in (((x0 + x1) / 2, y0 - mid), ((x0 + x1) / 2, y1 + mid), (x0 - mid, (y0 + y1) / 2), (x1 + mid, (y0 + y1) / 2)):
        ops.append(_circle(cx, cy, r))
        ops.append(f"{cx - 1.6 * r:.3f} {cy:.3f} m {cx + 1.6 * r:.3f} {cy:.3f} l S")
        ops.append(f"{cx:.3f} {cy - 1.6 * r:.3f} m {cx:.3f} {cy + 1.6 * r:.3f} l S")
    ops.append("Q")
    return ("\n".join(ops) + "\n").encode()


def _circle(cx: float, cy: float, r: float) -> str:
    c = 0.5523 * r     # Bézier approximation of a quarter circle
    return (f"{cx + r:.3f} {cy:.3f} m "
            f"{cx + r:.3f} {cy + c:.3f} {cx + c:.3f} {cy + r:.3f} {cx:.3f} {cy + r:.3f} c "
            f"{cx - c:.3f} {cy + r:.3f} {cx - r:.3f} {cy + c:.3f} {cx - r:.3f} {cy:.3f} c "
            f"{cx - r:.3f} {cy - c:.3f} {cx - c:.3f} {cy - r:.3f} {cx:.3f} {cy - r:.3f} c "
            f"{cx + c:.3f} {cy - r:.3f} {cx + r:.3f} {cy - c:.3f} {cx + r:.3f} {cy:.3f} c S")


def _xmp(spec: PressSpec, stamp: dt.datetime, digest: str) -> str:
    """XMP that says what Info says (title, publisher, dates, PDF/X) and nothing else."""
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    doc_id = uuid.uuid5(uuid.NAMESPACE_URL, "fengcai:" + digest)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(spec.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(spec.publisher)}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{iso}</xmp:CreateDate>
   <xmp:ModifyDate>{iso}</xmp:ModifyDate>
   <xmp:MetadataDate>{iso}</xmp:MetadataDate>
   <xmp:CreatorTool>{escape(spec.creator)}</xmp:CreatorTool>
   <pdf:Producer>{escape(spec.creator)}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{doc_id}</xmpMM:InstanceID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfx:GTS_PDFXVersion>{PDFX_VERSION}</pdfx:GTS_PDFXVersion>
   <pdfx:GTS_PDFXConformance>{PDFX_CONFORMANCE}</pdfx:GTS_PDFXConformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
{" " * 2000}
<?xpacket end="w"?>"""
