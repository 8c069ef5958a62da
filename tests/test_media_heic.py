"""iPhone HEIC photos work wherever a JPEG does, upright and with every piece of metadata gone;
and PNG text chunks, XMP packets and colour-profile descriptions never reach a published image."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageCms, PngImagePlugin

from generator.media import MediaPipeline, probe_image
from tests.phone_media import make_heic, make_phone_video

PRIVATE = (b"13812345678", b"SERIAL-C39XK2ZQ", b"iPhone", b"Apple", "张三".encode())


def is_red(rgb) -> bool:
    r, g, b = rgb[:3]
    return r > 170 and g < 90 and b < 90


def assert_clean(path: Path) -> None:
    with Image.open(path) as img:
        assert len(img.getexif()) == 0, path
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Author"} & set(img.info), (path, img.info.keys())
        if path.suffix != ".jpg" or "print" not in path.parts:   # print JPEGs carry our own sRGB profile
            assert "icc_profile" not in img.info, path
    data = path.read_bytes()
    for text in PRIVATE:
        assert text not in data, (path, text)


def test_heic_everywhere_a_jpeg_works(tmp_path):
    # Stored landscape with EXIF orientation 6 ("turn 90° clockwise"), GPS, serial number and XMP.
    heic = make_heic(tmp_path / "IMG_4032.HEIC", size=(640, 480), orientation=6)
    with Image.open(heic) as source:   # the fixture really carries what phones write
        assert source.getexif().get_ifd(0x8825)[2] == (30.0, 52.0, 13.0) and source.info.get("xmp")
        assert source.info["original_orientation"] == 6
    info = probe_image(heic)
    assert (info.format, info.width, info.height) == ("HEIF", 480, 640)
    video = make_phone_video(tmp_path / "v.mp4", codec="libx264", rotation=None, fmt="mp4", seconds=0.5)
    p = MediaPipeline(tmp_path / "cache", quiet=True, max_workers=2)
    sets = {purpose: p.image(heic, purpose) for purpose in ("portrait", "gallery", "cover", "thumb")}
    sets["poster"] = p.video(video, poster=heic).poster
    printed = p.print_image(heic, 60, 80)
    stats = p.run(tmp_path / "site")
    assert not stats.failed, [str(e) for e in stats.failed]
    site = tmp_path / "site"
    gallery = Image.open(site / sets["gallery"].largest).convert("RGB")
    assert gallery.size == (480, 640)
    # The red block, top-left as stored, is top-right once turned clockwise as the phone asks.
    assert is_red(gallery.getpixel((gallery.width - 5, 5))) and not is_red(gallery.getpixel((5, 5)))
    for imageset in sets.values():
        for url in [u for u, _ in imageset.sources] + [imageset.fallback]:
            assert_clean(site / url)
    with Image.open(printed) as img:
        assert img.format == "JPEG" and img.height > img.width
        assert is_red(img.convert("RGB").getpixel((img.width - 5, 5)))
    assert_clean(printed)


def test_png_text_xmp_and_icc_description_are_dropped(tmp_path):
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    desc = "sRGB built-in".encode("utf-16-be")
    icc = icc.replace(desc, "张三13812345678"[:13].encode("utf-16-be"))   # same length: offsets stay valid
    assert ImageCms.getOpenProfile(io.BytesIO(icc)).profile.profile_description.startswith("张三")
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "张三 13812345678")
    text.add_itxt("Comment", "身份证 330501197003121234 电话 13812345678")
    text.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>SERIAL-C39XK2ZQ iPhone</x:xmpmeta>")
    src = tmp_path / "scan.png"
    Image.new("RGB", (900, 1200), (40, 120, 200)).save(src, pnginfo=text, icc_profile=icc)
    assert "Author" in Image.open(src).info
    p = MediaPipeline(tmp_path / "cache", quiet=True, max_workers=1)
    sets = [p.image(src, purpose) for purpose in ("portrait", "gallery")]
    printed = p.print_image(src, 60, 80)
    assert not p.run(tmp_path / "site").failed
    for imageset in sets:
        for url in [u for u, _ in imageset.sources] + [imageset.fallback]:
            assert_clean(tmp_path / "site" / url)
            assert "张三13812345".encode("utf-16-be") not in (tmp_path / "site" / url).read_bytes()
    assert_clean(printed)
    assert b"330501197003121234" not in printed.read_bytes()
