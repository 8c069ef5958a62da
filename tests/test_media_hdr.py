"""HDR phone video (iPhones' HLG, Androids' HLG or PQ, 10-bit HEVC) shown on the site with the contrast
and colour the phone showed: tone-mapped to BT.709 SDR, not a flat, pale copy.

The clips show flat colour stripes whose HDR signal is computed here from the standards (BT.2100,
BT.2408: reference white 203 cd/m² = SDR white), so each stripe has a known SDR look to come back to.
"""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from PIL import Image

from generator.media import MediaPipeline, probe_video
from generator.media.avspecs import VideoPlan, plan_video
from generator.media.transcode import publish_video
from tests.phone_media import hdr_patches_video, hlg_oetf, make_phone_video, pq_inverse_eotf

WHITE = 203.0   # cd/m²: HDR reference white (HLG 75 %), shown as SDR white

# What a reader should see (sRGB, 0–255) for each stripe; the skin and the red lie inside BT.709 and
# below the tone curve's knee, so they must come back as they are.
SKIN = (196, 150, 124)
RED = (200, 30, 30)
HLG_STRIPES = {   # name: (HLG BT.2020 R'G'B' signal, what the reader should see)
    "white": ((0.75, 0.75, 0.75), None),          # checked on its own: near-white, not the 75 % grey
    "grey": ((0.38, 0.38, 0.38), (109, 109, 109)),   # BT.2408 18 % grey → BT.709 grey at ~0.43
    "skin": (None, SKIN),
    "red709": (None, RED),
    "red2020": ((0.75, 0.0, 0.0), None),          # beyond BT.709: the reddest red there is
}


def srgb_to_hdr(rgb, encode) -> tuple[float, float, float]:
    """The HDR signal of an SDR colour (BT.1886 gamma 2.4 display light, SDR white = 203 cd/m²) in
    BT.2020 primaries; `encode` turns display light (cd/m², per channel, all three) into signal."""
    lin = [(v / 255) ** 2.4 * WHITE for v in rgb]
    m = ((0.6274, 0.3293, 0.0433), (0.0691, 0.9195, 0.0114), (0.0164, 0.0880, 0.8956))   # BT.709 → BT.2020
    return encode([sum(a * b for a, b in zip(row, lin)) for row in m])


def hlg_from_display(light):
    """Inverse of HLG's OOTF on the nominal 1000 cd/m² display, then the OETF."""
    y = (0.2627 * light[0] + 0.6780 * light[1] + 0.0593 * light[2]) / 1000
    ys = y ** (1 / 1.2)
    return tuple(hlg_oetf(v / 1000 / ys ** 0.2) for v in light)


def pq_from_display(light):
    return tuple(pq_inverse_eotf(v) for v in light)


def stripes(encode, table) -> list:
    return [signal if signal is not None else srgb_to_hdr(seen, encode) for signal, seen in table.values()]


def seen_colours(path: Path, count: int) -> list[tuple[int, int, int]]:
    """The middle of each stripe in the 2nd frame, decoded the way browsers show BT.709 video."""
    with av.open(str(path)) as c:
        frames = list(c.decode(video=0))
    image = frames[1].reformat(format="rgb24", src_colorspace="itu709").to_image()
    return [image.getpixel(((2 * i + 1) * image.width // (2 * count), image.height // 2)) for i in range(count)]


def close(actual, expected, tolerance=10) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected))


def assert_sdr_look(colours: dict) -> None:
    white, grey, red = colours["white"], colours["grey"], colours["red2020"]
    assert min(white) >= 0.88 * 255 and max(white) - min(white) <= 6, white      # white, not 75 % grey
    assert close(grey, (109, 109, 109), 12), grey
    assert white[0] - grey[0] >= 110, (white, grey)                              # contrast kept
    assert close(colours["skin"], SKIN), colours["skin"]
    assert close(colours["red709"], RED), colours["red709"]
    assert red[0] >= 230 and red[1] <= 30 and red[2] <= 40, red                   # saturated, not pink


def web_tags(path: Path) -> tuple:
    with av.open(str(path)) as c:
        ctx = c.streams.video[0].codec_context
        frame = next(c.decode(video=0))
        return (ctx.name, ctx.pix_fmt, frame.color_primaries, frame.color_trc, frame.colorspace)


def test_hlg_iphone_video_is_tone_mapped_to_bt709(tmp_path):
    src = hdr_patches_video(tmp_path / "IMG_0100.MOV", stripes(hlg_from_display, HLG_STRIPES))
    info = probe_video(src)
    assert (info.hdr, info.pix_fmt) == ("hlg", "yuv420p10le")
    p = MediaPipeline(tmp_path / "cache", quiet=True, max_workers=1)
    asset = p.video(src)
    assert not p.run(tmp_path / "site").failed
    out = tmp_path / "site" / asset.url
    assert web_tags(out) == ("h264", "yuv420p", 1, 1, 1)      # 8-bit H.264, tagged BT.709 throughout
    colours = dict(zip(HLG_STRIPES, seen_colours(out, len(HLG_STRIPES))))
    assert_sdr_look(colours)
    # The poster comes from the converted video: tone-mapped too.
    poster = Image.open(tmp_path / "site" / asset.poster.largest).convert("RGB")
    assert min(poster.getpixel((poster.width // 10, poster.height // 2))) >= 0.85 * 255
    assert len(list((tmp_path / "cache" / "hdr-lut").glob("*.cube"))) == 1       # the LUT is kept in the cache


def test_without_tone_mapping_the_same_clip_looks_flat(tmp_path):
    """What the clip looked like before: the checks above would fail (white is a 75 % grey)."""
    src = hdr_patches_video(tmp_path / "IMG_0100.MOV", stripes(hlg_from_display, HLG_STRIPES))
    plan = VideoPlan(False, 256, 128, 0, False, 600)          # as planned before HDR was recognised
    publish_video(src, tmp_path / "naive.mp4", plan)
    colours = dict(zip(HLG_STRIPES, seen_colours(tmp_path / "naive.mp4", len(HLG_STRIPES))))
    assert max(colours["white"]) <= 0.78 * 255
    with pytest.raises(AssertionError):
        assert_sdr_look(colours)


PQ_STRIPES = {
    "white": (None, (255, 255, 255)),             # 203 cd/m²: near-white (the shoulder takes a little)
    "grey": (None, (109, 109, 109)),
    "skin": (None, SKIN),
    "red709": (None, RED),
    "red2020": ((pq_inverse_eotf(WHITE), 0.0, 0.0), None),
    "highlight": ((pq_inverse_eotf(1000),) * 3, None),   # 1000 cd/m²: brighter than white, not clipped away
}


def test_pq_android_video_is_tone_mapped_to_bt709(tmp_path):
    table = dict(PQ_STRIPES)
    table["grey"] = ((pq_inverse_eotf(26.0),) * 3, None)   # BT.2408 18 % grey: 26 cd/m²
    src = hdr_patches_video(tmp_path / "VID_2024.mp4", stripes(pq_from_display, table), transfer="smpte2084",
                            size=(384, 128))
    info = probe_video(src)
    assert info.hdr == "pq"
    plan = plan_video(info.demuxer, info.video_codec, info.pix_fmt, info.audio_codec, info.width, info.height,
                      info.rotation, src.stat().st_size, info.duration, info.hdr)
    assert plan.hdr == "pq" and not plan.remux
    out = tmp_path / "out.mp4"
    publish_video(src, out, plan, lut_dir=tmp_path / "lut")
    assert web_tags(out) == ("h264", "yuv420p", 1, 1, 1)
    colours = dict(zip(table, seen_colours(out, len(table))))
    assert_sdr_look(colours)
    assert min(colours["highlight"]) >= 250 and colours["highlight"][0] > colours["white"][0]


def test_rotated_hlg_recording_is_upright_and_tone_mapped(tmp_path):
    """An iPhone held upright: stored landscape with a rotation, like every phone clip."""
    src = make_phone_video(tmp_path / "IMG_0200.MOV", size=(320, 240), rotation=90, seconds=1, hlg=True)
    p = MediaPipeline(tmp_path / "cache", quiet=True, max_workers=1)
    asset = p.video(src)
    assert not p.run(tmp_path / "site").failed
    out = tmp_path / "site" / asset.url
    assert web_tags(out) == ("h264", "yuv420p", 1, 1, 1)
    with av.open(str(out)) as c:
        frame = next(c.decode(video=0)).reformat(format="rgb24", src_colorspace="itu709").to_image()
    assert frame.size == (240, 320)
    r, g, b = frame.getpixel((5, frame.height - 5))    # the red block, top-left as stored, turned
    assert r > 200 and g < 60 and b < 60, (r, g, b)


def test_sdr_video_keeps_its_path_and_cache_key(tmp_path):
    src = make_phone_video(tmp_path / "IMG_0001.MOV", rotation=None)
    info = probe_video(src)
    plan = plan_video(info.demuxer, info.video_codec, info.pix_fmt, info.audio_codec, info.width, info.height,
                      info.rotation, src.stat().st_size, info.duration, info.hdr)
    assert info.hdr == "" and plan.hdr == ""
    # The key this plan had before HDR support existed: SDR videos already converted stay cached.
    assert VideoPlan(False, 1920, 1080, 90, True, 2500).key("0" * 64) == "244591193153a287"
    assert VideoPlan(False, 1920, 1080, 90, True, 2500, "hlg").key("0" * 64) != "244591193153a287"
