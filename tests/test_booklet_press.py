"""The press file a print shop receives, and the layout of its pages (issue 13's check).

Two booklets are built once for this module: the sample city booklet (every association, the sample
content of this repository) and a holdout set of 30 synthetic workers (`fengcai demo`) the layout was
never tuned on. Both are opened with PDF tools and rendered, as a print buyer would check them:
PDF/X-1a with an OutputIntent, no RGB anywhere, fonts embedded, page count divisible by 4, a sheet
larger than the bleed, crop marks outside it; profile pages at least three quarters full; no line of
a single character; QR codes that scan, with their quiet zone.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import tempfile
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader

from booklet_measure import empty_bands, lone_characters
from generator.booklet.build import BookletOptions, make_booklets
from generator.booklet.pdf_facts import read_facts
from generator.booklet.preflight import pdfx_violations
from generator.content.loader import load

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 5, 1)
MM = 72 / 25.4
TOC_LINE = re.compile(r"^(\S+)(?:\s+\S+)?\s+(\d+)$")


def _press(root: Path, out: Path):
    model = load(root).model
    res = make_booklets(model, out, options=BookletOptions(associations=("huzhou",), print_marks=True, today=TODAY))
    assert [p.name for p in res.paths] == ["huzhou-print.pdf"], [p.line() for p in res.errors]
    return model.public(), res.paths[0], res


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return _press(REPO, tmp_path_factory.mktemp("press-sample"))


@pytest.fixture(scope="module")
def holdout(tmp_path_factory):
    from generator.demo.corpus import generate
    root = tmp_path_factory.mktemp("holdout") / "demo"
    generate(root, 30, seed=13, photo_size=(1200, 1600))     # phone-sized photos, 1/4 of the pixels: faster
    return _press(root, tmp_path_factory.mktemp("press-holdout"))


BOOKLETS = ["sample", "holdout"]


@pytest.fixture(params=BOOKLETS)
def booklet(request):
    return request.getfixturevalue(request.param)


def _texts(pdf: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(pdf).pages]


def profile_pages(pdf: Path, model) -> dict[str, list[int]]:
    """{name: [its pages]} from the contents page(s): an entry runs until the next one starts."""
    texts = _texts(pdf)
    names = {w.name for w in model.workers.values()} | {c.name for c in model.collectives.values()} | {
        s.name for s in model.studios.values()}
    starts = {}
    for t in texts[1:8]:
        for line in t.splitlines():
            m = TOC_LINE.match(line.strip())
            if m and m.group(1) in names:
                starts[m.group(1)] = int(m.group(2))
    assert len(starts) >= 20, starts
    order = sorted(starts.items(), key=lambda kv: kv[1])
    out = {}
    for i, (name, first) in enumerate(order):
        last = order[i + 1][1] - 1 if i + 1 < len(order) else first
        while last > first and not (texts[last - 1].strip() and name in texts[last - 1]):
            last -= 1       # a divider page or a blank before the colophon is not part of the entry
        out[name] = list(range(first, last + 1))
    return out


# ---- the file ------------------------------------------------------------------------------------------
def test_press_file_is_pdfx_1a_by_our_preflight_and_by_hand(booklet):
    _, pdf, _ = booklet
    data = pdf.read_bytes()
    assert pdfx_violations(read_facts(data), 3.0) == []
    assert data.startswith(b"%PDF-1.3")                          # PDF/X-1a:2001
    with pikepdf.open(pdf) as doc:
        intents = list(doc.Root.OutputIntents)
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFX"
        assert int(intents[0].DestOutputProfile.N) == 4 and str(intents[0].OutputConditionIdentifier)
        assert str(doc.docinfo.GTS_PDFXVersion) == "PDF/X-1:2001" and doc.docinfo.Trapped == "/False"
        assert len(doc.pages) % 4 == 0
        for i, page in enumerate(doc.pages, start=1):
            media, bleed, trim = ([float(v) for v in page.obj[k]] for k in ("/MediaBox", "/BleedBox", "/TrimBox"))
            assert media[0] < bleed[0] and media[1] < bleed[1] and media[2] > bleed[2] and media[3] > bleed[3], i
            assert bleed[0] <= trim[0] and bleed[1] <= trim[1] and bleed[2] >= trim[2] and bleed[3] >= trim[3], i
            assert trim[2] - trim[0] == pytest.approx(148 * MM, abs=0.3) and trim[0] - bleed[0] == pytest.approx(3 * MM, abs=0.05)
            assert "/Annots" not in page.obj
        assert "/Outlines" not in doc.Root and "/AcroForm" not in doc.Root


def test_no_rgb_anywhere_and_fonts_embedded_say_poppler_too(booklet):
    _, pdf, _ = booklet
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = images.splitlines()[2:]
    assert rows and all(r.split()[5] == "cmyk" for r in rows), [r for r in rows if r.split()[5] != "cmyk"][:3]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    for row in fonts.splitlines()[2:]:
        assert row.split()[-5:-3] == ["yes", "yes"], row            # embedded, subset
    facts = read_facts(pdf.read_bytes())
    assert set(facts.colour_spaces) <= {"DeviceCMYK", "Separation", "Image:DeviceCMYK"}, facts.colour_spaces
    assert not facts.rgb_where and not facts.rich_black and not facts.transparency


def test_text_is_black_ink_only_body_ten_point_nothing_under_eight(booklet):
    _, pdf, _ = booklet
    facts = read_facts(pdf.read_bytes())
    colour, _ = facts.text_colours.most_common(1)[0]
    assert colour == ("DeviceCMYK", (0.0, 0.0, 0.0, 1.0))           # body text: K 100, not four-colour black
    dark = [c for c in facts.text_colours if c[0] == "DeviceCMYK" and c[1][3] >= 0.5 and max(c[1][:3]) == 0]
    assert dark, facts.text_colours
    size, _ = facts.text_sizes.most_common(1)[0]
    assert size == 10.0                                              # body text of an A5 booklet
    assert min(facts.text_sizes) >= 8.0, sorted(facts.text_sizes)    # captions, labels, running heads


def test_crop_marks_outside_the_bleed_in_registration_colour(sample):
    _, pdf, _ = sample
    with pikepdf.open(pdf) as doc:
        page = doc.pages[0]
        media, bleed, trim = ([float(v) for v in page.obj[k]] for k in ("/MediaBox", "/BleedBox", "/TrimBox"))
        spaces = {str(k): v for k, v in page.Resources.ColorSpace.items()}
        segments, current, point = [], None, None
        for operands, op in pikepdf.parse_content_stream(page):
            o = str(op)
            if o == "CS":
                cs = spaces.get(str(operands[0]))
                current = "All" if cs is not None and str(cs[0]) == "/Separation" and str(cs[1]) == "/All" else str(operands[0])
            elif o == "m":
                point = tuple(float(v) for v in operands)
            elif o == "l" and current == "All":
                segments.append((point, tuple(float(v) for v in operands)))
    assert len(segments) >= 8                                         # four corners, two marks each
    corner_marks = [s for s in segments if s[0][0] == s[1][0] or s[0][1] == s[1][1]]
    for (x0, y0), (x1, y1) in corner_marks:
        for x, y in ((x0, y0), (x1, y1)):
            assert media[0] <= x <= media[2] and media[1] <= y <= media[3]
            assert not (bleed[0] < x < bleed[2] and bleed[1] < y < bleed[3]), ((x0, y0), (x1, y1))
    # and a reader of the sheet sees them: dark marks in the margin beyond the bleed
    img = _render(pdf, 1, 40)
    scale = 40 / 72
    margin = img.crop((0, 0, img.width, int((media[3] - bleed[3]) * scale) - 1))
    assert margin.getextrema()[0] < 100


def test_colophon_on_the_last_page_blanks_before_it(booklet):
    model, pdf, _ = booklet
    texts = _texts(pdf)
    last = texts[-1].replace(" ", "")
    for word in ("编印单位", "印刷日期", "内部资料"):
        assert word in last
    entries = profile_pages(pdf, model)
    last_entry = max(p for pages in entries.values() for p in pages)
    # the optional products chapter (site.yml booklet.products) follows the profiles: its pages carry its title
    last_entry = max([last_entry] + [i + 1 for i, t in enumerate(texts) if t.lstrip().startswith("劳模产品")])
    for i in range(last_entry, len(texts) - 1):
        assert not texts[i].strip(), f"page {i + 1} between the last profile and the colophon is not blank"


# ---- the pages -----------------------------------------------------------------------------------------
def test_profile_pages_are_at_least_three_quarters_full(booklet):
    model, pdf, _ = booklet
    pages = sorted({p for ps in profile_pages(pdf, model).values() for p in ps})
    bands = empty_bands(pdf, pages)
    worst = max(bands.values())
    assert worst <= 0.25, {p: round(b, 3) for p, b in bands.items() if b > 0.25}


def test_no_line_of_one_character(booklet):
    _, pdf, _ = booklet
    n = len(PdfReader(pdf).pages)
    assert lone_characters(pdf, list(range(1, n + 1))) == {}


def test_qr_codes_scan_to_the_right_page_with_a_four_module_quiet_zone(sample):
    """Rendered at 300 dpi and read as a phone reads it; 4 modules of bare paper all round."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from generator.booklet.document import qr_runs
    model, pdf, _ = sample
    entries = profile_pages(pdf, model)
    by_name = {w.name: w for w in model.workers.values()}
    for name in ("陈䶮", "宋春林", "单建国"):
        url = model.site.base_url + by_name[name].url
        img = _render(pdf, entries[name][0], 300)
        codes = zxingcpp.read_barcodes(img)
        assert [c.text for c in codes] == [url], name
        pos = codes[0].position
        xs = [pos.top_left.x, pos.top_right.x, pos.bottom_left.x, pos.bottom_right.x]
        ys = [pos.top_left.y, pos.top_right.y, pos.bottom_left.y, pos.bottom_right.y]
        module = (max(xs) - min(xs)) / qr_runs(url)["n"]
        # the symbol's exact edges: the dark pixels within a module of where the reader found it
        near = img.crop((int(min(xs) - module), int(min(ys) - module), int(max(xs) + module) + 1, int(max(ys) + module) + 1))
        x0, y0, x1, y1 = near.point(lambda v: 255 if v < 128 else 0).getbbox()
        x0, y0, x1, y1 = x0 + int(min(xs) - module), y0 + int(min(ys) - module), x1 + int(min(xs) - module), y1 + int(min(ys) - module)
        quiet = int(4 * module) - 1
        ring = img.crop((x0 - quiet, y0 - quiet, x1 + quiet, y1 + quiet))
        dark = [(x, y) for x in range(ring.width) for y in range(ring.height)
                if not (quiet <= x < ring.width - quiet and quiet <= y < ring.height - quiet) and ring.getpixel((x, y)) < 160]
        assert not dark, (name, dark[:5])


def test_text_keeps_three_millimetres_inside_the_trim(sample):
    _, pdf, _ = sample
    with pikepdf.open(pdf) as doc:
        trim = [float(v) for v in doc.pages[0].obj.TrimBox]
        height = float(doc.pages[0].obj.MediaBox[3])
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', html)
    assert len(words) > 1000
    x0, x1 = trim[0] + 3 * MM, trim[2] - 3 * MM
    y0, y1 = height - trim[3] + 3 * MM, height - trim[1] - 3 * MM       # pdftotext counts from the top
    outside = [w for w in words if float(w[0]) < x0 or float(w[2]) > x1 or float(w[1]) < y0 or float(w[3]) > y1]
    assert not outside, outside[:3]


def test_running_heads_on_the_outer_edge(sample):
    _, pdf, _ = sample
    with pikepdf.open(pdf) as doc:
        trim = [float(v) for v in doc.pages[0].obj.TrimBox]
    middle = (trim[0] + trim[2]) / 2
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    seen = 0
    for number, page in enumerate(re.findall(r"<page .*?</page>", html, re.S), start=1):
        m = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">[^<]*（续）</word>', page)
        if m:
            seen += 1
            if number % 2:
                assert float(m.group(1)) > middle, f"page {number}: running head at the spine"
            else:
                assert float(m.group(2)) < middle, f"page {number}: running head at the spine"
    assert seen >= 2


def test_honours_in_the_order_they_were_awarded(sample):
    model, pdf, _ = sample
    texts = _texts(pdf)
    entries = profile_pages(pdf, model)
    checked = 0
    for w in model.workers.values():
        if len({h.year for h in w.honors}) < 3:
            continue
        text = texts[entries[w.name][0] - 1]
        years = [int(y) for y in re.findall(r"^((?:19|20)\d\d)\s*\S", text, re.M) if int(y) in {h.year for h in w.honors}]
        assert years == sorted(years) and len(years) >= 3, (w.name, years)
        checked += 1
    assert checked >= 3


def test_contents_fit_whole_pages(sample):
    _, pdf, _ = sample
    texts = _texts(pdf)
    toc = [t for t in texts[:8] if toc_like(t)]
    counts = [sum(1 for line in t.splitlines() if re.search(r"\s\d+$", line)) for t in toc]
    assert counts and (len(counts) == 1 or max(counts) - min(counts) <= 3), counts


def toc_like(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 8 and sum(1 for line in lines if re.search(r"\s\d+$", line)) > 0.8 * len(lines)


def test_every_photo_prints_at_300_ppi_or_is_reported(booklet):
    _, pdf, res = booklet
    facts = read_facts(pdf.read_bytes())
    low = [p for p in facts.images if p.ppi < 299.5]
    reported = [p for p in res.problems if p.code in ("booklet.low-ppi", "booklet.very-low-ppi")]
    assert bool(low) == bool(reported), (len(low), [p.line() for p in reported])
    assert all(p.ppi >= 150 for p in facts.images)


def test_preflight_summary_in_chinese(booklet):
    _, _, res = booklet
    text = "\n".join(res.summary)
    assert text.startswith("印前检查") and "PDF/X-1a:2001" in text and "4 的倍数" in text
    assert text.endswith("文件合格；这是示例内容，只用来看印刷效果") and not res.errors
    # all sample workers: the example address only warns (one real person and it is an error again)
    assert any(p.code == "booklet.example-url-sample" for p in res.problems)


def _render(pdf: Path, page: int, dpi: int) -> Image.Image:
    """The whole sheet (MediaBox) of `page`, in grey."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                        str(pdf), f"{tmp}/page"], check=True)
        return Image.open(f"{tmp}/page.png").convert("L")
