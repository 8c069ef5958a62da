"""Image derivatives: upright, metadata-free sRGB, cached by content, failing cleanly."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from generator.media import MediaError, MediaPipeline
from generator.media import images as images_module
from generator.media import pipeline as pipeline_module
from generator.media.placeholder import INK, render

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def new_pipeline(tmp_path: Path, workers: int = 1) -> MediaPipeline:
    return MediaPipeline(tmp_path / "cache", quiet=True, max_workers=workers)


def photo(path: Path, size=(1600, 1200), colour=(90, 140, 200), **save) -> Path:
    img = Image.new("RGB", size, colour)
    ImageDraw.Draw(img).ellipse([size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4], fill=(200, 60, 40))
    img.save(path, **save)
    return path


def files_of(site: Path, imageset) -> list[Path]:
    return [site / url for url, _ in imageset.sources] + [site / imageset.fallback]


def cache_files(tmp_path: Path) -> dict[str, tuple[int, int]]:
    """Cache-relative path → (inode, mtime_ns), to prove files were not rewritten."""
    root = tmp_path / "cache" / "media"
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in root.rglob("*") if p.is_file()}


# ---- what derivatives look like ---------------------------------------------------------------


def test_exif_rotated_jpeg_comes_out_upright(tmp_path):
    stored = Image.new("RGB", (800, 600), (220, 20, 20))
    stored.paste((20, 20, 220), (400, 0, 800, 600))          # left half red, right half blue, as stored
    exif = Image.Exif()
    exif[0x0112] = 6                                         # "rotate 90° clockwise to display"
    src = tmp_path / "rotated.jpg"
    stored.save(src, exif=exif, quality=95)
    pipeline = new_pipeline(tmp_path)
    imgset = pipeline.image(src, "gallery")
    assert (imgset.width, imgset.height) == (600, 800)
    pipeline.run(tmp_path / "site")
    out = Image.open(tmp_path / "site" / imgset.largest).convert("RGB")
    assert out.size == (600, 800)
    top, bottom = out.getpixel((300, 100)), out.getpixel((300, 700))
    assert top[0] > 180 and top[2] < 80        # stored left (red) is now on top
    assert bottom[2] > 180 and bottom[0] < 80


def test_no_metadata_survives(tmp_path):
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x013B] = "Canon", "EOS R5", "王摄影师"   # make, model, artist
    exif[0x8825] = {1: "N", 2: (30.0, 52.0, 12.0), 3: "E", 4: (120.0, 5.0, 30.0)}  # GPS: Huzhou
    exif.get_ifd(0x8769)[0xA431] = "SERIAL-0042"                                  # body serial number
    src = photo(tmp_path / "gps.jpg", exif=exif, comment="拍摄者 王某", xmp=b"<x:xmpmeta>SECRET</x:xmpmeta>")
    assert Image.open(src).getexif().get_ifd(0x8825)
    pipeline = new_pipeline(tmp_path)
    sets = [pipeline.image(src, p) for p in ("portrait", "gallery", "cover", "thumb")]
    printed = pipeline.print_image(src, 60, 80)
    pipeline.run(tmp_path / "site")
    outputs = [f for s in sets for f in files_of(tmp_path / "site", s)] + [printed]
    for path in outputs:
        with Image.open(path) as img:
            assert len(img.getexif()) == 0, path
            assert not {"exif", "comment", "xmp", "XML:com.adobe.xmp"} & set(img.info), (path, img.info.keys())
        data = path.read_bytes()
        assert b"SERIAL-0042" not in data and b"Canon" not in data and b"SECRET" not in data


def test_cmyk_jpeg_becomes_press_like_srgb(tmp_path):
    src = tmp_path / "poster-cmyk.jpg"
    img = Image.new("CMYK", (800, 600), (0, 0, 0, 0))
    img.paste((0, 255, 255, 0), (0, 0, 400, 600))     # 100 % magenta + yellow: print-shop red
    img.paste((255, 0, 0, 0), (400, 0, 800, 600))     # 100 % cyan
    img.save(src, quality=95)
    pipeline = new_pipeline(tmp_path)
    imgset = pipeline.image(src, "gallery")
    printed = pipeline.print_image(src, 80, 60)
    pipeline.run(tmp_path / "site")
    for path in (tmp_path / "site" / imgset.largest, tmp_path / "site" / imgset.fallback, printed):
        out = Image.open(path)
        assert out.mode == "RGB"
        red, cyan = out.getpixel((out.width // 4, out.height // 2)), out.getpixel((out.width * 3 // 4, out.height // 2))
        assert all(abs(a - b) <= 12 for a, b in zip(red, (237, 28, 36))), red
        assert all(abs(a - b) <= 12 for a, b in zip(cyan, (0, 174, 239))), cyan


def test_png_alpha_kept_for_web_flattened_for_jpeg_and_print(tmp_path):
    src = tmp_path / "logo.png"
    img = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    ImageDraw.Draw(img).rectangle([0, 0, 399, 599], fill=(140, 28, 19, 255))
    img.save(src)
    pipeline = new_pipeline(tmp_path)
    imgset = pipeline.image(src, "gallery")
    printed = pipeline.print_image(src, 80, 60)
    pipeline.run(tmp_path / "site")
    webp = Image.open(tmp_path / "site" / imgset.largest)
    assert webp.mode == "RGBA"
    assert webp.getpixel((700, 300))[3] == 0 and webp.getpixel((100, 300))[3] == 255
    for path in (tmp_path / "site" / imgset.fallback, printed):
        flat = Image.open(path)
        assert flat.mode == "RGB" and min(flat.getpixel((flat.width - 20, flat.height // 2))) > 245


def test_opaque_png_loses_its_alpha_channel(tmp_path):
    src = tmp_path / "screenshot.png"
    Image.new("RGBA", (700, 500), (10, 200, 10, 255)).save(src)
    pipeline = new_pipeline(tmp_path)
    imgset = pipeline.image(src, "gallery")
    pipeline.run(tmp_path / "site")
    assert Image.open(tmp_path / "site" / imgset.largest).mode == "RGB"


def test_16_bit_and_palette_pngs(tmp_path):
    grey16 = tmp_path / "scan16.png"
    Image.new("I", (400, 300), 32768).convert("I;16").save(grey16)       # mid-grey in 16 bits
    palette = tmp_path / "palette.png"
    img = Image.new("P", (400, 300), 1)
    img.putpalette([255, 0, 0, 0, 0, 255])
    img.save(palette, transparency=0)
    pipeline = new_pipeline(tmp_path)
    sets = pipeline.image(grey16, "gallery"), pipeline.image(palette, "gallery")
    pipeline.run(tmp_path / "site")
    grey = Image.open(tmp_path / "site" / sets[0].largest).convert("RGB").getpixel((200, 150))
    assert all(120 <= v <= 136 for v in grey), grey                       # not clipped to white
    assert Image.open(tmp_path / "site" / sets[1].largest).convert("RGB").getpixel((200, 150))[2] > 200


def test_widths_by_purpose_and_never_upscaled(tmp_path):
    big = photo(tmp_path / "big.jpg", size=(4000, 3000))
    small = photo(tmp_path / "small.jpg", size=(500, 400))
    pipeline = new_pipeline(tmp_path)
    portrait = pipeline.image(big, "portrait")
    assert [w for _, w in portrait.sources] == [240, 480, 960] and (portrait.width, portrait.height) == (960, 1280)
    assert [w for _, w in pipeline.image(big, "gallery").sources] == [320, 640, 1280]
    assert [w for _, w in pipeline.image(big, "thumb").sources] == [160, 320]
    small_set = pipeline.image(small, "gallery")
    assert [w for _, w in small_set.sources] == [320, 500] and (small_set.width, small_set.height) == (500, 400)
    stats = pipeline.run(tmp_path / "site")
    assert stats.encoded == 4 and not stats.failed
    for url, width in small_set.sources:
        assert Image.open(tmp_path / "site" / url).width == width
    thumb = Image.open(tmp_path / "site" / pipeline.image(big, "thumb").largest)
    assert thumb.size == (320, 320)


def test_portrait_crop_sits_above_centre(tmp_path):
    src = tmp_path / "tall.jpg"
    img = Image.new("RGB", (600, 1600), (30, 30, 30))
    img.paste((250, 250, 250), (0, 350, 600, 400))    # only a crop above centre contains this band,
    img.paste((250, 0, 0), (0, 1150, 600, 1200))      # only a centred crop contains this one
    img.save(src, quality=95)
    pipeline = new_pipeline(tmp_path)
    imgset = pipeline.image(src, "portrait")          # 600×800 of 600×1600, from row 320 (40 % of the spare)
    assert (imgset.width, imgset.height) == (600, 800)
    pipeline.run(tmp_path / "site")
    out = Image.open(tmp_path / "site" / imgset.largest).convert("RGB")
    assert min(out.getpixel((300, 55))) > 200
    assert max(out.getpixel((300, 790))) < 80 and out.getpixel((300, 760))[0] < 80


def test_print_image_300_dpi(tmp_path):
    src = photo(tmp_path / "p.jpg", size=(3000, 4000))
    small = photo(tmp_path / "s.jpg", size=(600, 800))
    pipeline = new_pipeline(tmp_path)
    sharp = pipeline.print_image(src, 90, 120)
    soft = pipeline.print_image(small, 90, 120)
    assert sharp.is_absolute() and sharp.parent == tmp_path / "cache" / "print"
    pipeline.run(tmp_path / "site")
    with Image.open(sharp) as img:
        assert img.size == (1063, 1418) and img.info["dpi"] == (300, 300) and img.mode == "RGB"
        assert "icc_profile" in img.info   # tagged sRGB, so print software does not guess
    assert Image.open(soft).size == (600, 800)   # not upscaled
    assert not (tmp_path / "site" / "print").exists()   # print files are not published


def test_img_tag():
    from generator.media.imageset import ImageSet
    imgset = ImageSet(sources=(("media/img/ab-240.webp", 240), ("media/img/ab-480.webp", 480)), width=480,
                      height=640, fallback="media/img/ab-480.jpg")
    assert imgset.img_tag('孙梅金 "劳模" <像>', "(min-width: 40em) 20em, 50vw", css_class="portrait", base="../../") == (
        '<img src="../../media/img/ab-480.jpg" '
        'srcset="../../media/img/ab-240.webp 240w, ../../media/img/ab-480.webp 480w" '
        'sizes="(min-width: 40em) 20em, 50vw" width="480" height="640" loading="lazy" decoding="async" '
        'alt="孙梅金 &quot;劳模&quot; &lt;像&gt;" class="portrait">')
    assert 'loading="eager"' in imgset.img_tag("", "100vw", lazy=False)


# ---- the cache --------------------------------------------------------------------------------


def test_second_run_with_fresh_pipeline_does_no_image_work(tmp_path, monkeypatch):
    sources = [photo(tmp_path / f"{i}.jpg", colour=(i * 40, 100, 100)) for i in range(3)]

    def request(pipeline):
        return [pipeline.image(s, "portrait") for s in sources] + [pipeline.placeholder("李明")]

    first = new_pipeline(tmp_path)
    sets_before = request(first)
    assert first.run(tmp_path / "site").encoded == 4
    before = cache_files(tmp_path)

    def forbidden(*args, **kwargs):
        raise AssertionError("no image work expected")
    monkeypatch.setattr(images_module, "decode_region", forbidden)     # no decoding
    monkeypatch.setattr(pipeline_module, "file_sha256", forbidden)     # not even re-hashing
    second = new_pipeline(tmp_path)
    assert request(second) == sets_before
    stats = second.run(tmp_path / "site2")
    assert (stats.encoded, stats.cached, stats.failed) == (0, 4, [])
    assert cache_files(tmp_path) == before
    assert stats.files_out == first.run(tmp_path / "site").files_out


def test_changed_image_reencodes_only_its_own(tmp_path):
    a, b = photo(tmp_path / "a.jpg"), photo(tmp_path / "b.jpg", colour=(10, 200, 10))
    first = new_pipeline(tmp_path)
    set_a, set_b = first.image(a, "gallery"), first.image(b, "gallery")
    first.run(tmp_path / "site")
    before = cache_files(tmp_path)
    time.sleep(0.01)
    photo(a, colour=(250, 250, 0))   # the editor replaces a.jpg with a new photo
    second = new_pipeline(tmp_path)
    new_a, same_b = second.image(a, "gallery"), second.image(b, "gallery")
    stats = second.run(tmp_path / "site")
    assert stats.encoded == 1 and stats.cached == 1
    assert same_b == set_b and new_a != set_a
    after = cache_files(tmp_path)
    b_files = [k for k in before if k.split("/")[-1].split("-")[0] in set_b.largest]
    assert b_files and all(after[k] == before[k] for k in b_files)


def test_prune_drops_what_recent_runs_did_not_want(tmp_path):
    a, b = photo(tmp_path / "a.jpg"), photo(tmp_path / "b.jpg", colour=(1, 2, 3))
    first = new_pipeline(tmp_path)
    first.image(a, "gallery")
    set_b = first.image(b, "gallery")
    first.run(tmp_path / "site")
    crashed = tmp_path / "cache" / "media" / "img" / ".x.webp.999.1.tmp"
    crashed.write_bytes(b"half")
    os.utime(crashed, (time.time() - 7200,) * 2)
    second = new_pipeline(tmp_path)
    set_a = second.image(a, "gallery")
    second.run(tmp_path / "site")
    assert second.prune(keep_runs=2) == (0, 0) or not crashed.exists()   # b still wanted by run 1
    assert (tmp_path / "cache" / set_b.largest).exists()
    removed, freed = second.prune(keep_runs=1)
    assert removed == len(set_b.sources) + 1 and freed > 0
    assert not (tmp_path / "cache" / set_b.largest).exists() and (tmp_path / "cache" / set_a.largest).exists()
    assert not crashed.exists()


# ---- bad input --------------------------------------------------------------------------------


def assert_names_file(err: MediaError, name: str) -> None:
    assert name in err.message and CHINESE.search(err.message) and CHINESE.search(err.hint)


@pytest.mark.parametrize("workers", [1, 2])
def test_truncated_image_fails_cleanly_in_run(tmp_path, workers):
    good = photo(tmp_path / "good.jpg", size=(2000, 1500))
    whole = photo(tmp_path / "whole.jpg", size=(2000, 1500), colour=(5, 5, 5))
    bad = tmp_path / "半张.jpg"
    bad.write_bytes(whole.read_bytes()[:3000])   # header intact, pixels cut off
    pipeline = new_pipeline(tmp_path, workers=workers)
    good_set = pipeline.image(good, "gallery")
    bad_set = pipeline.image(bad, "gallery")     # planning reads only the header: it cannot know yet
    stats = pipeline.run(tmp_path / "site")
    (err,) = stats.failed
    assert_names_file(err, "半张.jpg")
    assert (tmp_path / "site" / good_set.largest).exists()
    cache = tmp_path / "cache"
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]
    assert not [p for p in cache.rglob("*") if bad_set.largest.split("/")[-1].split("-")[0] in p.name]


@pytest.mark.parametrize("name, content, expected", [
    ("简历.jpg", b"%PDF-1.4\n1 0 obj<<>>endobj\n", "PDF"),
    ("readme.png", "这是一段文字，不是图片。".encode(), "纯文本"),
    ("标志.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
])
def test_wrong_files_as_portrait(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(MediaError) as exc:
        new_pipeline(tmp_path).image(path, "portrait")
    assert_names_file(exc.value, name)
    assert expected in exc.value.message


def test_bomb_refused_while_planning(tmp_path):
    path = tmp_path / "huge.png"
    Image.new("P", (20000, 20000)).save(path)
    with pytest.raises(MediaError) as exc:
        new_pipeline(tmp_path).image(path, "gallery")
    assert_names_file(exc.value, "huge.png")
    assert not (tmp_path / "cache" / "media").exists()


# ---- placeholders -----------------------------------------------------------------------------


def ink_mask(img: Image.Image) -> Image.Image:
    """White where the middle of the picture is (close to) the ivory ink."""
    w, h = img.size
    middle = img.convert("RGB").crop((w // 5, h // 5, w * 4 // 5, h * 3 // 4))
    masks = [band.point(lambda v, ink=ink: 255 if abs(v - ink) < 40 else 0) for band, ink in zip(middle.split(), INK)]
    return ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])


def share(mask: Image.Image) -> float:
    return mask.histogram()[255] / (mask.width * mask.height)


def test_placeholder_shows_the_surname(tmp_path):
    pipeline = new_pipeline(tmp_path)
    sets = {"孙": pipeline.placeholder("孙梅金"), "王": pipeline.placeholder("王芳"),
            "欧阳": pipeline.placeholder("欧阳修", surname="欧阳")}
    assert pipeline.placeholder("孙梅金") == sets["孙"]          # deterministic per name
    assert (sets["孙"].width, sets["孙"].height) == (960, 1280)
    pipeline.run(tmp_path / "site")
    # What a missing glyph looks like in this font (Noto draws a crossed box): the "tofu" to avoid.
    tofu = ink_mask(render("\U000F0000", (140, 28, 19), 960, 1280))
    for mark, imgset in sets.items():
        ink = ink_mask(Image.open(tmp_path / "site" / imgset.largest))
        assert share(ink) > 0.05, mark                                         # something is drawn
        assert share(ImageChops.difference(ink, tofu)) > 0.08, mark            # and it is not the tofu box
    sun = ink_mask(Image.open(tmp_path / "site" / sets["孙"].largest))
    wang = ink_mask(Image.open(tmp_path / "site" / sets["王"].largest))
    assert share(ImageChops.difference(sun, wang)) > 0.05                      # each name its own glyph


def test_placeholder_for_thumb_is_square(tmp_path):
    pipeline = new_pipeline(tmp_path)
    thumb = pipeline.placeholder("张三", purpose="thumb")
    pipeline.run(tmp_path / "site")
    assert Image.open(tmp_path / "site" / thumb.largest).size == (320, 320)
