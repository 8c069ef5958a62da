"""Phone-like media made on the spot with PyAV and pillow-heif: HEVC MOVs with a rotation, variable
frame rate and tags carrying personal data; HEIC photos with an EXIF orientation and GPS; voice notes.

Shared by the media tests and bench/video.py (which imports it as `tests.phone_media`).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
from PIL import Image, ImageDraw

PRIVATE_TAGS = {
    "location": "+30.8703+120.0933/",
    "comment": "王师傅 13812345678 身份证 330501197003121234",
    "title": "访谈原片",
    "artist": "iPhone 15 Pro 张三",
    "creation_time": "2024-05-01T08:30:00.000000Z",
}
PRIVATE_STRINGS = ("13812345678", "330501197003121234", "+30.8703", "张三", "iPhone", "访谈原片")


def marker_frame(w: int, h: int, i: int, scene: Image.Image | None = None) -> Image.Image:
    """Yellow background (or `scene`, panning), a red block in the stored picture's top-left corner,
    a blue bar that moves."""
    if scene is None:
        img = Image.new("RGB", (w, h), (230, 200, 40))
    else:
        x = (i * 3) % (scene.width - w + 1)
        img = scene.crop((x, 0, x + w, h))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 0, w // 4, h // 4], fill=(220, 20, 20))
    x = (i * 7) % w
    draw.rectangle([x, h // 2, x + w // 6, h // 2 + h // 6], fill=(20, 60, 200))
    return img


def make_phone_video(path: Path, size=(320, 240), seconds: float = 1.5, codec: str = "libx265",
                     rotation: int | None = 90, vfr: bool = True, audio: bool = True, tags: dict | None = None,
                     fmt: str = "mov", preset: str = "ultrafast", faststart: bool = False,
                     textured: bool = False, hlg: bool = False) -> Path:
    """A phone recording: HEVC (or `codec`) in a MOV, stored landscape with a display rotation
    (counter-clockwise degrees, as FFmpeg's display matrix), timestamps on Apple's 1/600 clock with
    uneven gaps when `vfr`, AAC sound, and the container and stream tags phones write. `faststart`
    puts the index (moov) first, as apps that upload videos do: cut short, such a file still opens.
    `textured` pans over a noisy scene, so encoders work about as hard as on a real recording.
    `hlg`: 10-bit and tagged HDR HLG like an iPhone's (the pictures are not graded for HLG: for timing)."""
    w, h = size
    scene = textured_scene(w + 240, h) if textured else None
    tags = PRIVATE_TAGS if tags is None else tags
    with av.open(str(path), "w", format=fmt, options={"movflags": "+faststart"} if faststart else {}) as out:
        for key, value in tags.items():
            out.metadata[key] = value
        stream = out.add_stream(codec, rate=30)
        pix_fmt = "yuv420p10le" if hlg else "yuv420p"
        stream.width, stream.height, stream.pix_fmt = w, h, pix_fmt
        if hlg:
            ctx = stream.codec_context
            ctx.color_primaries, ctx.color_trc, ctx.colorspace, ctx.color_range = 9, 18, 9, 1
        stream.codec_context.time_base = Fraction(1, 600)
        stream.time_base = Fraction(1, 600)
        if codec in ("libx265", "libx264"):
            stream.options = {"preset": preset, **({"x265-params": "log-level=error"} if codec == "libx265" else {})}
        stream.metadata["handler_name"] = "Core Media Video (iPhone 15 Pro)"
        if rotation is not None:
            stream.set_display_rotation(rotation)
        astream = out.add_stream("aac", rate=48000, layout="mono") if audio else None
        if astream is not None:
            astream.metadata["handler_name"] = "Core Media Audio"
        pts, i = 0, 0
        while pts < seconds * 600:
            frame = av.VideoFrame.from_image(marker_frame(w, h, i, scene)).reformat(format=pix_fmt)
            if hlg:
                frame.color_primaries, frame.color_trc, frame.colorspace, frame.color_range = 9, 18, 9, 1
            frame.pts, frame.time_base = pts, Fraction(1, 600)
            out.mux(stream.encode(frame))
            pts += (15 if i % 3 else 25) if vfr else 20   # 40, 24, 24, 40 … fps: a variable frame rate
            i += 1
        out.mux(stream.encode(None))
        if astream is not None:
            tone(out, astream, seconds)
    return path


def textured_scene(w: int, h: int) -> Image.Image:
    """Gradients, soft shapes and sensor-like noise: detail like a real scene at a fraction of the cost."""
    from PIL import ImageChops, ImageFilter
    small = (max(1, w // 8), max(1, h // 8))
    base = Image.merge("RGB", [Image.linear_gradient("L").rotate(a).resize(small) for a in (0, 120, 240)])
    draw = ImageDraw.Draw(base)
    for k in range(40):
        x, y, r = (k * 37) % small[0], (k * 53) % small[1], 3 + k % 11
        draw.ellipse([x - r, y - r, x + r, y + r], fill=((k * 70) % 256, (k * 130) % 256, (k * 190) % 256))
    base = base.filter(ImageFilter.GaussianBlur(1)).resize((w, h), Image.BICUBIC)
    noise = Image.effect_noise((w, h), 18).convert("RGB")
    return ImageChops.add(base, noise, scale=1.0, offset=-128)


def make_voice(path: Path, codec: str, fmt: str | None = None, rate: int = 8000, seconds: float = 1.0,
               tags: dict | None = None) -> Path:
    """A voice note: `codec` "libopencore_amrnb" in "amr" is WeChat's; "pcm_s16le" in "wav"; "aac" in "ipod"."""
    with av.open(str(path), "w", format=fmt) as out:
        for key, value in (PRIVATE_TAGS if tags is None else tags).items():
            out.metadata[key] = value
        stream = out.add_stream(codec, rate=rate, layout="mono")
        if codec == "libopencore_amrnb":
            stream.bit_rate = 12200
        tone(out, stream, seconds)
    return path


def tone(out, stream, seconds: float) -> None:
    """A 440 Hz tone (not silence: encoders may shortcut digital silence)."""
    import math
    ctx = stream.codec_context
    rate = ctx.sample_rate
    per = ctx.frame_size or 1024
    fmt = ctx.format.name
    channels = ctx.layout.nb_channels
    layout = ctx.layout.name
    samples = int(seconds * rate)
    for start in range(0, samples, per):
        n = min(per, samples - start) if ctx.frame_size == 0 else per
        frame = av.AudioFrame(format="s16", layout=layout, samples=n)
        values = [int(8000 * math.sin(2 * math.pi * 440 * (start + k) / rate)) for k in range(n)]
        data = b"".join(v.to_bytes(2, "little", signed=True) * channels for v in values)
        frame.planes[0].update(data)
        frame.sample_rate, frame.pts = rate, start
        if fmt != "s16":
            frame = av.AudioResampler(format=fmt, layout=layout, rate=rate).resample(frame)
            for f in frame:
                out.mux(stream.encode(f))
            continue
        out.mux(stream.encode(frame))
    out.mux(stream.encode(None))


def make_heic(path: Path, size=(640, 480), orientation: int = 6, gps: bool = True) -> Path:
    """An iPhone-like HEIC: the marker picture stored sideways with EXIF orientation `orientation`,
    a GPS position, the camera's make and serial number, and an XMP packet."""
    import pillow_heif
    img = marker_frame(*size, 0)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15 Pro"
    exif[0xA431] = "SERIAL-C39XK2ZQ"   # BodySerialNumber lives in the Exif IFD; also keep one in IFD0:
    exif[0x013B] = "张三 13812345678"   # Artist
    if gps:
        exif[0x8825] = {1: "N", 2: (30.0, 52.0, 13.0), 3: "E", 4: (120.0, 5.0, 36.0)}
    xmp = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>张三 13812345678</dc:creator>'
           '</rdf:Description></rdf:RDF></x:xmpmeta>').encode()
    pillow_heif.register_heif_opener()
    img.save(path, "HEIF", exif=exif.tobytes(), xmp=xmp, quality=90)
    return path


# ---- HDR: phones' HLG (iPhone 12 and later) and PQ (many Androids) 10-bit HEVC ---------------------
# Written from the standards here, independently of generator/media/hdr.py, so the tests check it.

def hlg_oetf(e: float) -> float:
    """BT.2100 HLG: scene light 0..1 → signal 0..1."""
    import math
    a = 0.17883277
    return math.sqrt(3 * e) if e <= 1 / 12 else a * math.log(12 * e - (1 - 4 * a)) + 0.5 - a * math.log(4 * a)


def pq_inverse_eotf(nits: float) -> float:
    """BT.2100 PQ: display light in cd/m² → signal 0..1."""
    m1, m2, c1, c2, c3 = 2610 / 16384, 2523 / 4096 * 128, 3424 / 4096, 2413 / 4096 * 32, 2392 / 4096 * 32
    y = (max(0.0, nits) / 10000) ** m1
    return ((c1 + c2 * y) / (1 + c3 * y)) ** m2


def hdr_patches_video(path: Path, patches: list[tuple[float, float, float]], transfer: str = "arib-std-b67",
                      size=(256, 128), seconds: float = 0.5) -> Path:
    """A 10-bit HEVC MOV tagged BT.2020 / `transfer` / bt2020nc, limited range, whose every frame shows
    `patches` (non-linear BT.2020 R'G'B' signals, 0..1) side by side as flat vertical stripes."""
    w, h = size
    stripe = w // len(patches)
    ycc = [_bt2020_ycbcr10(*rgb) for rgb in patches]
    with av.open(str(path), "w", format="mov") as out:
        stream = out.add_stream("libx265", rate=30)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p10le"
        ctx = stream.codec_context
        ctx.color_primaries, ctx.color_trc, ctx.colorspace, ctx.color_range = 9, 18 if transfer == "arib-std-b67" else 16, 9, 1
        stream.options = {"preset": "ultrafast", "x265-params": "log-level=error:qp=4"}
        for i in range(max(1, int(seconds * 30))):
            frame = av.VideoFrame(w, h, "yuv420p10le")
            for plane, (pw, ph), index in ((frame.planes[0], (w, h), 0), (frame.planes[1], (w // 2, h // 2), 1),
                                           (frame.planes[2], (w // 2, h // 2), 2)):
                per = stripe * pw // w
                row = b"".join(ycc[min(x // per, len(ycc) - 1)][index].to_bytes(2, "little") for x in range(pw))
                row += b"\0" * (plane.line_size - len(row))
                plane.update(row * ph)
            frame.pts = i
            frame.color_primaries, frame.color_trc, frame.colorspace, frame.color_range = ctx.color_primaries, ctx.color_trc, 9, 1
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


def _bt2020_ycbcr10(r: float, g: float, b: float) -> tuple[int, int, int]:
    """Non-constant-luminance BT.2020 Y'CbCr, 10-bit limited range."""
    y = 0.2627 * r + 0.6780 * g + 0.0593 * b
    cb, cr = (b - y) / 1.8814, (r - y) / 1.4746
    return round(64 + 876 * y), round(512 + 896 * cb), round(512 + 896 * cr)
