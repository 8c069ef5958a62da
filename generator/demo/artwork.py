"""Synthetic, clearly illustrated media for sample content and test corpora.

Nothing here depicts a real person. Every function is deterministic: the same arguments give the same
pixels (and, for one FFmpeg build, the same bytes), so sample media can be regenerated at will and a
synthetic-corpus generator can call these thousands of times.

    portrait(seed, name, size=(1200, 1600), industry=None, gender=None, birth_year=None) -> PIL.Image
    scene(seed, title, size=(1600, 1200), kind=None) -> PIL.Image
    video_frame(seed, t, size=(640, 360), title="", seconds=4.0) -> PIL.Image
    make_video(path, seed, seconds=4, size=(640, 360), title="", audio=True)
    make_audio(path, seed, seconds=6)          # .m4a (AAC) or .mp3
    write_vtt(path, cues)                      # cues: [(start_s, end_s, text), ...]

Only Pillow and PyAV are needed (no numpy).
"""

from __future__ import annotations

import colorsys
import fractions
import functools
import hashlib
import math
import random
import struct
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = [
    "portrait", "scene", "video_frame", "make_video", "make_audio", "write_vtt",
    "save_jpeg", "cjk_font", "SCENE_KINDS", "MARKER",
]

# --------------------------------------------------------------------------------------------
# basics


def _rng(*parts) -> random.Random:
    """A private RNG seeded from any mix of ints and strings (stable across runs and platforms)."""
    h = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def _hex(c: str) -> tuple[int, int, int]:
    c = c.lstrip("#")
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _mix(a, b, t: float):
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))


def _shade(c, f: float):
    """f < 1 darker, f > 1 lighter (towards white)."""
    if f <= 1:
        return tuple(int(x * f) for x in c)
    return _mix(c, (255, 255, 255), min(1.0, f - 1))


def _hsl(h: float, s: float, l: float):
    r, g, b = colorsys.hls_to_rgb(h % 1.0, l, s)
    return (int(r * 255), int(g * 255), int(b * 255))


@functools.lru_cache(maxsize=8)
def _font_file(bold: bool) -> tuple[str, int]:
    pattern = "Noto Sans CJK SC:bold" if bold else "Noto Sans CJK SC"
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}:%{index}", pattern],
                             capture_output=True, text=True, timeout=10).stdout.strip()
        file, _, idx = out.rpartition(":")
        if file and Path(file).exists():
            return file, int(idx or 0)
    except (OSError, ValueError, subprocess.SubprocessError):
        pass
    for cand in ("/usr/share/fonts/opentype/noto/NotoSansCJK-%s.ttc" % ("Bold" if bold else "Regular"),
                 "/usr/share/fonts/noto-cjk/NotoSansCJK-%s.ttc" % ("Bold" if bold else "Regular")):
        if Path(cand).exists():
            return cand, 2  # SC face inside the Noto CJK collection
    return "", 0


@functools.lru_cache(maxsize=64)
def cjk_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Noto Sans CJK SC at `size` px (falls back to Pillow's default font when it is missing)."""
    file, idx = _font_file(bold)
    if file:
        return ImageFont.truetype(file, size, index=idx)
    return ImageFont.load_default(size)


def _gradient(size, top, bottom, horizontal: bool = False) -> Image.Image:
    w, h = size
    ramp = Image.linear_gradient("L")  # 256x256, black at top
    if horizontal:
        ramp = ramp.rotate(90, expand=True).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    mask = ramp.resize((w, h), Image.Resampling.BILINEAR)
    return Image.composite(Image.new("RGB", (w, h), bottom), Image.new("RGB", (w, h), top), mask)


def _overlay(base: Image.Image, draw_fn) -> Image.Image:
    """Draw translucent shapes: draw_fn(ImageDraw on an RGBA layer)."""
    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(layer))
    return Image.alpha_composite(base.convert("RGBA"), layer).convert("RGB")


def _finish(img: Image.Image, size, ss: int) -> Image.Image:
    if ss > 1:
        img = img.reduce(ss) if img.size == (size[0] * ss, size[1] * ss) else img.resize(size, Image.Resampling.LANCZOS)
    return img


def _label(img: Image.Image, text: str, corner: str = "br", alpha: int = 150) -> Image.Image:
    """A small translucent marker such as 示例插画, so nobody mistakes the image for a photo."""
    w, h = img.size
    fs = max(12, int(min(w, h) * 0.028))
    font = cjk_font(fs)

    def draw(d: ImageDraw.ImageDraw):
        x0, y0, x1, y1 = d.textbbox((0, 0), text, font=font)
        pad = fs * 0.45
        tw, th = x1 - x0, y1 - y0
        m = fs * 0.8
        x = w - tw - 2 * pad - m if corner.endswith("r") else m
        y = h - th - 2 * pad - m if corner.startswith("b") else m
        d.rounded_rectangle((x, y, x + tw + 2 * pad, y + th + 2 * pad), radius=pad,
                            fill=(0, 0, 0, int(alpha * 0.45)))
        d.text((x + pad - x0, y + pad - y0), text, font=font, fill=(255, 255, 255, alpha + 60))
    return _overlay(img, draw)


MARKER = "fengcai-sample-media"


def save_jpeg(img: Image.Image, path, quality: int = 85, comment: str = MARKER) -> None:
    """Baseline sRGB JPEG without EXIF/timestamps: byte-identical on every run.

    The JPEG comment marks the file as generated, so tools may regenerate it but never a real photo.
    """
    img.convert("RGB").save(path, "JPEG", quality=quality, optimize=True, progressive=False,
                            subsampling="4:2:0", comment=comment.encode("ascii") if comment else b"")


# --------------------------------------------------------------------------------------------
# portrait

# work-clothes colour, accent, headwear ("helmet" colour, "cap" colour or None), style
_INDUSTRY_LOOK = {
    "制造业":   ("#2f4f7f", "#f2b134", ("cap", "#2f4f7f"), "overall"),
    "电力":     ("#2c5d8a", "#d9e3ea", ("helmet", "#f4f4f0"), "stripes"),
    "纺织服装": ("#7a4e8c", "#f0d9e8", None, "apron"),
    "现代农业": ("#4d7a3a", "#e8d9a0", ("straw", "#d9b86a"), "vest"),
    "教育":     ("#8a5a44", "#f1e6d0", None, "cardigan"),
    "医疗卫生": ("#f7f8fa", "#4f9fc8", None, "coat"),
    "交通运输": ("#24496b", "#f0c419", ("cap", "#24496b"), "stripes"),
    "建筑":     ("#e07b24", "#f2f2d8", ("helmet", "#f3c623"), "stripes"),
    "信息技术": ("#3b4a5c", "#7fc4d9", None, "hoodie"),
    "公共服务": ("#b5473a", "#f6e7c8", None, "vest"),
    "商贸服务": ("#34627a", "#f4d3a2", None, "shirt"),
    "林业":     ("#3e6b48", "#c8d89a", ("helmet", "#e46b2e"), "vest"),
    "化工":     ("#4a6fa5", "#f7f7f7", ("helmet", "#e8e8e8"), "overall"),
    "文化旅游": ("#a0463c", "#f3dfb0", None, "shirt"),
}

_SKIN = ["#f3d3b5", "#eec6a3", "#e8b98f", "#dcaa80", "#f6dcc3", "#d9a27a"]
_HAIR_DARK = ["#1f1a17", "#2b211c", "#3a2a22", "#241d1a"]
_HAIR_GREY = ["#8c8a86", "#a9a6a0", "#6f6b66"]
_BG = [
    ("#e9f1f7", "#b9d3e8"), ("#f6efe3", "#e2c9a4"), ("#eef5ea", "#bcd8b0"), ("#f4ecf3", "#d8bcd5"),
    ("#fbf3e4", "#f0c9a0"), ("#e8f3f2", "#a8d1cc"), ("#f1f0f7", "#c3c0e0"), ("#fdf0ec", "#efbfae"),
]


def _star(cx, cy, r, n=5, inner=0.45, rot=-math.pi / 2):
    pts = []
    for i in range(2 * n):
        rr = r if i % 2 == 0 else r * inner
        a = rot + i * math.pi / n
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def _gear(cx, cy, r, teeth=10, depth=0.18, rot=0.0):
    pts = []
    steps = teeth * 4
    for i in range(steps):
        a = rot + 2 * math.pi * i / steps
        rr = r if (i % 4) in (0, 1) else r * (1 - depth)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def _motif(d: ImageDraw.ImageDraw, industry: str, cx, cy, r, fill):
    """A faint emblem of the trade behind the figure."""
    if industry in ("制造业", "化工", "信息技术"):
        d.polygon(_gear(cx, cy, r, 12), fill=fill)
        d.ellipse((cx - r * 0.4, cy - r * 0.4, cx + r * 0.4, cy + r * 0.4), fill=(0, 0, 0, 0))
    elif industry in ("电力",):
        d.polygon([(cx + r * .15, cy - r), (cx - r * .5, cy + r * .1), (cx, cy + r * .1),
                   (cx - r * .15, cy + r), (cx + r * .5, cy - r * .1), (cx, cy - r * .1)], fill=fill)
    elif industry in ("现代农业", "林业"):
        d.ellipse((cx - r * .45, cy - r, cx + r * .45, cy + r * .6), fill=fill)
        d.line((cx, cy - r * .6, cx, cy + r), fill=fill, width=max(2, int(r * .08)))
    elif industry in ("医疗卫生",):
        a = r * .32
        d.rectangle((cx - a, cy - r * .9, cx + a, cy + r * .9), fill=fill)
        d.rectangle((cx - r * .9, cy - a, cx + r * .9, cy + a), fill=fill)
    elif industry in ("教育",):
        d.polygon([(cx - r, cy - r * .5), (cx, cy - r * .2), (cx + r, cy - r * .5), (cx + r, cy + r * .6),
                   (cx, cy + r * .9), (cx - r, cy + r * .6)], fill=fill)
    else:
        d.polygon(_star(cx, cy, r), fill=fill)


def portrait(seed, name: str = "", size=(1200, 1600), industry: str | None = None,
             gender: str | None = None, birth_year: int | None = None, ss: int = 2,
             label: str = "示例插画") -> Image.Image:
    """A stylised, friendly bust illustration (never a likeness of anyone).

    `industry` picks the work clothes and headwear, `gender` (男/女) the hair, `birth_year` grey hair
    for older people. Everything else comes from `seed` and `name`.
    """
    rng = _rng("portrait", seed, name)
    W, H = size[0] * ss, size[1] * ss
    bg_top, bg_bottom = (_hex(c) for c in rng.choice(_BG))
    img = _gradient((W, H), bg_top, bg_bottom)
    look = _INDUSTRY_LOOK.get(industry or "")
    if look is None:
        hue = rng.random()
        look = ("#%02x%02x%02x" % _hsl(hue, 0.35, 0.38), "#%02x%02x%02x" % _hsl(hue + .5, .5, .8), None, "shirt")
    cloth, accent, headwear, style = _hex(look[0]), _hex(look[1]), look[2], look[3]
    if gender not in ("男", "女"):
        gender = rng.choice(["男", "女"])
    older = birth_year is not None and birth_year < 1968
    skin = _hex(rng.choice(_SKIN))
    hair = _hex(rng.choice(_HAIR_GREY if older else _HAIR_DARK))

    cx = W * (0.5 + rng.uniform(-0.015, 0.015))
    U = W  # unit

    # background: soft circles and the trade emblem
    def bg(d: ImageDraw.ImageDraw):
        for _ in range(5):
            r = U * rng.uniform(0.10, 0.28)
            x, y = rng.uniform(0, W), rng.uniform(0, H * 0.7)
            d.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, rng.randint(28, 60)))
        mx = W * (0.80 if rng.random() < .5 else 0.20)
        _motif(d, industry or "", mx, H * 0.16, U * 0.11, (255, 255, 255, 95))
    img = _overlay(img, bg)
    d = ImageDraw.Draw(img)

    head_cy = H * 0.425
    hrx, hry = U * 0.165, U * 0.205
    shoulder_y = H * 0.665
    body_w = U * rng.uniform(0.38, 0.42)
    neck_w = U * 0.085

    # long hair behind the head and shoulders
    if gender == "女" and rng.random() < 0.7:
        ln = rng.uniform(0.05, 0.13)
        d.rounded_rectangle((cx - hrx * 1.18, head_cy - hry * 0.6, cx + hrx * 1.18, shoulder_y + H * ln),
                            radius=int(hrx * 0.9), fill=hair)

    # neck with shadow
    d.rectangle((cx - neck_w, head_cy + hry * 0.5, cx + neck_w, shoulder_y + U * 0.05), fill=_shade(skin, .92))
    d.ellipse((cx - neck_w, shoulder_y - U * 0.06, cx + neck_w, shoulder_y + U * 0.02), fill=_shade(skin, .85))

    # body
    body = (cx - body_w, shoulder_y, cx + body_w, H + U * 0.3)
    d.rounded_rectangle(body, radius=int(U * 0.17), fill=cloth)
    dark = _shade(cloth, 0.82)
    # neckline
    if style in ("coat", "cardigan", "shirt", "hoodie"):
        inner = {"coat": accent, "cardigan": accent, "shirt": (250, 250, 248), "hoodie": _shade(cloth, .7)}[style]
        d.polygon([(cx - neck_w * 1.5, shoulder_y - 2), (cx + neck_w * 1.5, shoulder_y - 2),
                   (cx, shoulder_y + U * 0.20)], fill=inner)
        d.polygon([(cx - neck_w, shoulder_y - 2), (cx + neck_w, shoulder_y - 2), (cx, shoulder_y + U * 0.09)],
                  fill=_shade(skin, .92))
        lapel = _shade(cloth, 0.93) if style != "coat" else (232, 236, 240)
        d.polygon([(cx - neck_w * 1.5, shoulder_y), (cx - neck_w * 2.6, shoulder_y + U * 0.03),
                   (cx - U * 0.02, shoulder_y + U * 0.26)], fill=lapel)
        d.polygon([(cx + neck_w * 1.5, shoulder_y), (cx + neck_w * 2.6, shoulder_y + U * 0.03),
                   (cx + U * 0.02, shoulder_y + U * 0.26)], fill=lapel)
        if style == "coat":  # stethoscope
            d.arc((cx - U * .12, shoulder_y - U * .02, cx + U * .12, shoulder_y + U * .24), 20, 160,
                  fill=(70, 80, 90), width=int(U * 0.012))
            d.ellipse((cx - U * .035, shoulder_y + U * .20, cx + U * .035, shoulder_y + U * .27), fill=(150, 160, 170))
    else:
        # round work collar
        d.pieslice((cx - neck_w * 1.9, shoulder_y - U * 0.07, cx + neck_w * 1.9, shoulder_y + U * 0.09),
                   0, 180, fill=dark)
        d.pieslice((cx - neck_w * 1.2, shoulder_y - U * 0.06, cx + neck_w * 1.2, shoulder_y + U * 0.05),
                   0, 180, fill=_shade(skin, .9))
        d.rectangle((cx - U * 0.006, shoulder_y + U * 0.05, cx + U * 0.006, H), fill=dark)  # placket
    if style == "stripes":
        for k in (0.16, 0.22):
            y = shoulder_y + U * k
            d.rectangle((cx - body_w, y, cx + body_w, y + U * 0.028), fill=accent)
    elif style == "overall":
        d.rectangle((cx - body_w * 0.55, shoulder_y + U * 0.15, cx - body_w * 0.55 + U * .05, H), fill=dark)
        d.rectangle((cx + body_w * 0.55 - U * .05, shoulder_y + U * 0.15, cx + body_w * 0.55, H), fill=dark)
        d.rounded_rectangle((cx - body_w * .35, shoulder_y + U * .24, cx - body_w * .05, shoulder_y + U * .36),
                            radius=int(U * .01), fill=dark)
    elif style == "vest":
        d.polygon([(cx - body_w * 0.62, shoulder_y + U * .02), (cx - U * .02, H), (cx - body_w, H),
                   (cx - body_w, shoulder_y + U * .12)], fill=_shade(cloth, 0.78))
        d.polygon([(cx + body_w * 0.62, shoulder_y + U * .02), (cx + U * .02, H), (cx + body_w, H),
                   (cx + body_w, shoulder_y + U * .12)], fill=_shade(cloth, 0.78))
    elif style == "apron":
        d.rounded_rectangle((cx - body_w * .55, shoulder_y + U * .12, cx + body_w * .55, H + U * .1),
                            radius=int(U * .04), fill=accent)
    # chest pocket on the viewer's left, medal on the viewer's right
    if style not in ("apron", "hoodie"):
        px = cx - body_w * 0.62
        d.rounded_rectangle((px, shoulder_y + U * .22, px + U * .11, shoulder_y + U * .33),
                            radius=int(U * .008), outline=dark, width=max(2, int(U * .005)))
    mx, my = cx + body_w * 0.52, shoulder_y + U * 0.17
    rw = U * 0.028
    d.polygon([(mx - rw * 1.6, my - U * .09), (mx - rw * .2, my - U * .09), (mx + rw * .2, my),
               (mx - rw * .9, my)], fill=(200, 40, 45))
    d.polygon([(mx + rw * 1.6, my - U * .09), (mx + rw * .2, my - U * .09), (mx - rw * .2, my),
               (mx + rw * .9, my)], fill=(220, 60, 60))
    mr = U * 0.04
    d.ellipse((mx - mr, my - mr * .3, mx + mr, my + mr * 1.7), fill=(232, 182, 60))
    d.polygon(_star(mx, my + mr * .7, mr * .62), fill=(204, 40, 40))

    # ears, head
    er = U * 0.035
    for sx in (-1, 1):
        ex = cx + sx * hrx * 0.98
        d.ellipse((ex - er, head_cy - er * 1.2, ex + er, head_cy + er * 1.3), fill=_shade(skin, .95))
    d.ellipse((cx - hrx, head_cy - hry, cx + hrx, head_cy + hry), fill=skin)

    # hair on top
    top = head_cy - hry
    wear = headwear if (headwear and (headwear[0] != "cap" or rng.random() < 0.6)
                        and (headwear[0] != "straw" or rng.random() < 0.5)) else None
    if gender == "女":
        d.chord((cx - hrx * 1.08, top - hry * 0.12, cx + hrx * 1.08, head_cy + hry * 0.55), 180, 360, fill=hair)
        part = rng.choice([-0.35, 0.3, 0.0])
        d.polygon([(cx - hrx * 1.02, head_cy + hry * 0.15), (cx - hrx * 1.05, head_cy - hry * .3),
                   (cx + hrx * part, head_cy - hry * 0.5), (cx - hrx * 0.6, head_cy - hry * .05)], fill=hair)
        d.polygon([(cx + hrx * 1.02, head_cy + hry * 0.15), (cx + hrx * 1.05, head_cy - hry * .3),
                   (cx + hrx * part, head_cy - hry * 0.5), (cx + hrx * 0.7, head_cy - hry * .15)], fill=hair)
        if rng.random() < 0.35 and not wear:  # bun
            d.ellipse((cx - hrx * .35, top - hry * .42, cx + hrx * .35, top + hry * .12), fill=hair)
    else:
        d.chord((cx - hrx * 1.04, top - hry * 0.08, cx + hrx * 1.04, head_cy + hry * 0.35), 180, 360, fill=hair)
        part = rng.choice([-0.4, 0.4])
        d.polygon([(cx - hrx * 1.03, head_cy - hry * .02), (cx - hrx * 1.03, head_cy - hry * .3),
                   (cx + hrx * part, head_cy - hry * .62), (cx + hrx * 1.03, head_cy - hry * .3),
                   (cx + hrx * 1.0, head_cy - hry * .1), (cx + hrx * .8, head_cy - hry * .42),
                   (cx - hrx * .85, head_cy - hry * .4)], fill=hair)

    # headwear
    if wear:
        kind, col = wear[0], _hex(wear[1])
        if kind == "helmet":
            d.chord((cx - hrx * 1.15, top - hry * 0.22, cx + hrx * 1.15, head_cy + hry * 0.5), 180, 360, fill=col)
            d.rounded_rectangle((cx - hrx * 1.32, head_cy - hry * 0.40, cx + hrx * 1.32, head_cy - hry * 0.25),
                                radius=int(hry * .07), fill=_shade(col, .9))
            d.rounded_rectangle((cx - hrx * .12, top - hry * .2, cx + hrx * .12, head_cy - hry * .35),
                                radius=int(hrx * .1), fill=_shade(col, 1.15))
            if industry == "电力":
                d.polygon(_star(cx, head_cy - hry * .62, hrx * .14), fill=(200, 40, 45))
        elif kind == "cap":
            d.chord((cx - hrx * 1.08, top - hry * 0.12, cx + hrx * 1.08, head_cy + hry * 0.4), 180, 360, fill=col)
            d.rounded_rectangle((cx - hrx * 1.05, head_cy - hry * 0.35, cx + hrx * 1.45, head_cy - hry * 0.22),
                                radius=int(hry * .06), fill=_shade(col, .8))
        elif kind == "straw":
            d.ellipse((cx - hrx * 1.8, head_cy - hry * 0.55, cx + hrx * 1.8, head_cy - hry * 0.22), fill=_shade(col, .9))
            d.chord((cx - hrx * 1.0, top - hry * 0.25, cx + hrx * 1.0, head_cy + hry * .0), 180, 360, fill=col)
            d.rectangle((cx - hrx * 1.0, head_cy - hry * .5, cx + hrx * 1.0, head_cy - hry * .4), fill=(170, 60, 50))

    # face: calm, friendly marks only
    ink = (55, 42, 38)
    smiling_eyes = rng.random() < 0.5
    ey = head_cy + hry * 0.08
    ex = hrx * 0.42
    ew, eh = U * 0.016, U * 0.021
    for sx in (-1, 1):
        x = cx + sx * ex
        if not smiling_eyes:
            d.ellipse((x - ew, ey - eh, x + ew, ey + eh), fill=ink)
        else:
            d.arc((x - ew * 1.8, ey - eh * 1.2, x + ew * 1.8, ey + eh * 1.4), 200, 340, fill=ink,
                  width=max(2, int(U * 0.008)))
        by = ey - hry * 0.22
        d.arc((x - ew * 2.6, by, x + ew * 2.6, by + eh * 2.2), 205, 335, fill=_shade(hair, 1.0),
              width=max(2, int(U * 0.009)))
        ck = U * 0.03
        d.ellipse((x - ck + sx * ew, ey + hry * .22, x + ck + sx * ew, ey + hry * .22 + ck * 1.3),
                  fill=_mix(skin, (235, 140, 130), 0.35))
    if older:  # reading glasses
        for sx in (-1, 1):
            x = cx + sx * ex
            d.ellipse((x - ew * 3.2, ey - eh * 2.1, x + ew * 3.2, ey + eh * 2.1), outline=(90, 70, 60),
                      width=max(2, int(U * 0.006)))
        d.line((cx - ex + ew * 3.2, ey, cx + ex - ew * 3.2, ey), fill=(90, 70, 60), width=max(2, int(U * .006)))
    nose_y = head_cy + hry * 0.32
    d.arc((cx - U * .018, nose_y - U * .02, cx + U * .018, nose_y + U * .012), 20, 160,
          fill=_shade(skin, .75), width=max(2, int(U * .006)))
    my_ = head_cy + hry * 0.50
    sw = U * rng.uniform(0.045, 0.06)
    d.arc((cx - sw, my_ - sw * .55, cx + sw, my_ + sw * .45), 25, 155, fill=(170, 80, 75),
          width=max(2, int(U * 0.009)))

    img = _finish(img, size, ss)
    return _label(img, label) if label else img


# --------------------------------------------------------------------------------------------
# scenes

SCENE_KINDS = ("workshop", "field", "tea", "bamboo", "hall", "town", "clinic", "lab")

_KIND_WORDS = [
    ("tea", "茶 白茶 紫笋 茶园 茶会"),
    ("bamboo", "竹 林 劳模林 植树 森林 绿化"),
    ("field", "田 农 稻 桑 鱼 果 种植 养殖 合作社 青虾"),
    ("clinic", "医 义诊 体检 健康 护理 疗休养 心理"),
    ("lab", "信息 数据 软件 地理 实验 研发 平台 数字 点单 抢单"),
    ("hall", "宣讲 讲 课 会 慰问 座谈 培训 展示 颁奖 表彰 发布 敬老 工作室 协会"),
    ("town", "古镇 水乡 南浔 旅游 民宿 街 社区 村"),
    ("workshop", "车间 电梯 制造 机 焊 电 维修 纺织 丝 缫丝 班组 工厂 电池 设备 施工 建筑 化工"),
]


def _kind_for(title: str, rng: random.Random) -> str:
    for kind, words in _KIND_WORDS:
        if any(w in title for w in words.split()):
            return kind
    return rng.choice(SCENE_KINDS)


def _person(d: ImageDraw.ImageDraw, x, feet, h, cloth, skin, hair=(40, 32, 28), helmet=None):
    """A simple standing figure seen from afar (no face)."""
    hr = h * 0.11
    bw = h * 0.17
    d.rounded_rectangle((x - bw * .55, feet - h * .45, x - bw * .05, feet), radius=int(bw * .2), fill=_shade(cloth, .6))
    d.rounded_rectangle((x + bw * .05, feet - h * .45, x + bw * .55, feet), radius=int(bw * .2), fill=_shade(cloth, .6))
    d.rounded_rectangle((x - bw, feet - h * .78, x + bw, feet - h * .38), radius=int(bw * .5), fill=cloth)
    d.ellipse((x - hr, feet - h + 0, x + hr, feet - h + 2 * hr), fill=skin)
    if helmet:
        d.chord((x - hr * 1.2, feet - h - hr * .25, x + hr * 1.2, feet - h + hr * 1.6), 180, 360, fill=helmet)
    else:
        d.chord((x - hr * 1.05, feet - h - hr * .1, x + hr * 1.05, feet - h + hr * 1.3), 180, 360, fill=hair)


def _seated(d, x, base, h, cloth, skin, hair):
    hr = h * 0.16
    d.rounded_rectangle((x - h * .28, base - h * .75, x + h * .28, base), radius=int(h * .2), fill=cloth)
    d.ellipse((x - hr, base - h * .75 - 2 * hr, x + hr, base - h * .75), fill=skin)
    d.chord((x - hr * 1.05, base - h * .75 - 2 * hr - hr * .1, x + hr * 1.05, base - h * .75 - hr * .6), 180, 360,
            fill=hair)


def _hills(d, W, H, y, amp, col, rng, phase=None):
    phase = rng.uniform(0, 6.28) if phase is None else phase
    f = rng.uniform(1.2, 2.4)
    pts = [(0, H)]
    for i in range(0, 101):
        x = W * i / 100
        pts.append((x, y + amp * math.sin(phase + f * math.pi * i / 100) + amp * .4 * math.sin(phase * 2 + 5.1 * i / 100)))
    pts.append((W, H))
    d.polygon(pts, fill=col)


def _sky(size, rng, warm=False):
    top = _hsl(rng.uniform(0.55, 0.60), 0.55, 0.78) if not warm else _hsl(0.08, 0.7, 0.85)
    bottom = _hsl(rng.uniform(0.52, 0.58), 0.45, 0.93) if not warm else _hsl(0.12, 0.6, 0.93)
    return _gradient(size, top, bottom)


def _sun_and_clouds(img, rng, W, H):
    def draw(d):
        sx, sy, sr = rng.uniform(.12, .88) * W, rng.uniform(.08, .2) * H, W * .05
        d.ellipse((sx - sr * 1.8, sy - sr * 1.8, sx + sr * 1.8, sy + sr * 1.8), fill=(255, 240, 200, 70))
        d.ellipse((sx - sr, sy - sr, sx + sr, sy + sr), fill=(255, 226, 150, 255))
        for _ in range(rng.randint(2, 4)):
            cx, cy, cw = rng.uniform(0, W), rng.uniform(.05, .3) * H, rng.uniform(.08, .16) * W
            for k in range(4):
                ox = (k - 1.5) * cw * .35
                r = cw * (0.28 if k in (1, 2) else 0.2)
                d.ellipse((cx + ox - r, cy - r, cx + ox + r, cy + r * .8), fill=(255, 255, 255, 200))
    return _overlay(img, draw)


def _scene_outdoor(kind, size, rng):
    W, H = size
    img = _sun_and_clouds(_sky(size, rng), rng, W, H)
    d = ImageDraw.Draw(img)
    g = rng.uniform(0.25, 0.33)
    _hills(d, W, H, H * .42, H * .05, _hsl(g + .03, .25, .62), rng)
    _hills(d, W, H, H * .52, H * .05, _hsl(g, .35, .50), rng)
    if kind == "tea":
        base = H * .58
        for row in range(9):
            y = base + row * row * H * .006 + row * H * .02
            rh = H * (.018 + row * .006)
            col = _hsl(g + .02 * (row % 2), .45, .36 + .02 * (row % 3))
            for k in range(-1, 14):
                cx = W * (k / 12) + (row % 2) * W / 24
                d.ellipse((cx - W / 22, y - rh, cx + W / 22, y + rh), fill=col)
        for i in range(rng.randint(2, 3)):
            x = W * rng.uniform(.15, .85)
            _person(d, x, H * rng.uniform(.78, .9), H * .2, _hsl(rng.random(), .4, .5), _hex(rng.choice(_SKIN)),
                    helmet=_hex("#d9b86a"))
    elif kind == "bamboo":
        d.rectangle((0, H * .6, W, H), fill=_hsl(g, .35, .42))
        for i in range(26):
            x = W * rng.random()
            w = W * rng.uniform(.008, .016)
            col = _hsl(g + rng.uniform(-.03, .03), .45, rng.uniform(.32, .5))
            bottom = H * rng.uniform(.75, 1.0)
            d.rectangle((x - w, 0, x + w, bottom), fill=col)
            for j in range(1, 9):
                y = bottom - j * H * .11
                d.rectangle((x - w * 1.3, y, x + w * 1.3, y + H * .006), fill=_shade(col, .75))
            for j in range(3):
                y = bottom - rng.uniform(.35, .9) * H
                s = 1 if rng.random() < .5 else -1
                d.polygon([(x, y), (x + s * W * .06, y - H * .02), (x + s * W * .05, y + H * .01)],
                          fill=_shade(col, 1.1))
        for i in range(rng.randint(2, 3)):
            x = W * rng.uniform(.15, .85)
            _person(d, x, H * rng.uniform(.85, .95), H * .24, _hsl(.3, .35, .35), _hex(rng.choice(_SKIN)),
                    helmet=_hex("#e46b2e"))
    else:  # field
        base = H * .6
        d.rectangle((0, base, W, H), fill=_hsl(g + .05, .4, .55))
        for k in range(-12, 13):
            d.line((W / 2 + k * W * .02, base, W / 2 + k * W * .18, H), fill=_hsl(g + .03, .45, .42),
                   width=max(2, int(W * .006)))
        pond_x = W * rng.uniform(.1, .5)
        d.ellipse((pond_x, H * .66, pond_x + W * .35, H * .78), fill=_hsl(.55, .4, .6))
        for i in range(rng.randint(4, 7)):  # mulberry trees
            x, y = W * rng.random(), base + H * rng.uniform(0, .05)
            r = W * rng.uniform(.025, .04)
            d.rectangle((x - r * .12, y - r * 1.2, x + r * .12, y), fill=(110, 80, 55))
            d.ellipse((x - r, y - r * 2.6, x + r, y - r * .9), fill=_hsl(g - .02, .45, .35))
        for i in range(rng.randint(1, 3)):
            _person(d, W * rng.uniform(.2, .8), H * rng.uniform(.8, .92), H * .22, _hsl(rng.random(), .4, .45),
                    _hex(rng.choice(_SKIN)), helmet=_hex("#d9b86a"))
    return img


def _scene_workshop(size, rng, title=""):
    W, H = size
    wall_top, wall_bot = _hsl(.58, .12, .86), _hsl(.58, .10, .76)
    img = _gradient((W, H), wall_top, wall_bot)
    d = ImageDraw.Draw(img)
    floor_y = H * .66
    # windows
    for i in range(5):
        x = W * (.06 + i * .19)
        d.rectangle((x, H * .08, x + W * .14, H * .32), fill=_hsl(.56, .45, .86))
        d.line((x + W * .07, H * .08, x + W * .07, H * .32), fill=(150, 160, 170), width=max(2, int(W * .004)))
        d.line((x, H * .2, x + W * .14, H * .2), fill=(150, 160, 170), width=max(2, int(W * .004)))
    # crane beam
    d.rectangle((0, H * .38, W, H * .41), fill=(240, 190, 60))
    hx = W * rng.uniform(.3, .7)
    d.line((hx, H * .41, hx, H * .5), fill=(60, 60, 60), width=max(2, int(W * .003)))
    d.rectangle((hx - W * .015, H * .5, hx + W * .015, H * .53), fill=(200, 60, 50))
    # floor with safety line
    d.polygon([(0, floor_y), (W, floor_y), (W, H), (0, H)], fill=_hsl(.35, .12, .55))
    d.rectangle((0, floor_y + H * .02, W, floor_y + H * .03), fill=(240, 200, 60))
    for k in range(-8, 9):
        d.line((W / 2 + k * W * .06, floor_y, W / 2 + k * W * .25, H), fill=_hsl(.35, .12, .5), width=2)
    # machines
    x = W * .04
    while x < W * .92:
        mw = W * rng.uniform(.14, .22)
        mh = H * rng.uniform(.16, .28)
        col = _hsl(rng.choice([.58, .33, .08, .6]), .35, .5)
        d.rounded_rectangle((x, floor_y - mh, x + mw, floor_y + H * .01), radius=int(W * .008), fill=col)
        d.rectangle((x + mw * .1, floor_y - mh * .85, x + mw * .5, floor_y - mh * .45), fill=_shade(col, .7))
        d.rectangle((x + mw * .14, floor_y - mh * .8, x + mw * .46, floor_y - mh * .5), fill=_hsl(.5, .5, .75))
        gr = mw * .1
        gx, gy = x + mw * .75, floor_y - mh * .65
        d.ellipse((gx - gr, gy - gr, gx + gr, gy + gr), fill=(245, 245, 240), outline=_shade(col, .6), width=3)
        d.line((gx, gy, gx + gr * .7, gy - gr * .4), fill=(200, 50, 40), width=3)
        if rng.random() < .5:
            d.polygon(_gear(x + mw * .3, floor_y - mh - H * .04, H * .045, 10, rot=rng.random()), fill=_shade(col, .8))
        x += mw + W * rng.uniform(.03, .06)
    helmets = [_hex("#f3c623"), _hex("#f4f4f0"), _hex("#e0563a"), _hex("#3a7bd5")]
    for i in range(rng.randint(2, 4)):
        px = W * rng.uniform(.1, .9)
        _person(d, px, H * rng.uniform(.84, .96), H * .3, _hsl(.6, .45, .35), _hex(rng.choice(_SKIN)),
                helmet=rng.choice(helmets))
    return img


def _scene_hall(size, rng, title=""):
    W, H = size
    img = _gradient((W, H), _hsl(.08, .25, .93), _hsl(.08, .2, .82))
    d = ImageDraw.Draw(img)
    # stage backdrop and banner
    d.rectangle((W * .1, H * .06, W * .9, H * .50), fill=_hsl(.0, .55, .42))
    d.rectangle((W * .12, H * .08, W * .88, H * .48), fill=_hsl(.0, .6, .5))
    text = (title or "劳模风采").strip()
    if len(text) > 14:
        text = text[:14]
    fs = int(min(H * .09, W * .72 / max(4, len(text))))
    font = cjk_font(fs, bold=True)
    bx0, by0, bx1, by1 = d.textbbox((0, 0), text, font=font)
    d.text((W / 2 - (bx1 - bx0) / 2 - bx0, H * .24 - (by1 - by0) / 2 - by0), text, font=font, fill=(255, 232, 160))
    d.polygon(_star(W * .2, H * .16, H * .04), fill=(255, 214, 90))
    d.polygon(_star(W * .8, H * .16, H * .04), fill=(255, 214, 90))
    # flowers and table
    d.rectangle((0, H * .62, W, H), fill=_hsl(.07, .25, .6))
    d.rounded_rectangle((W * .18, H * .52, W * .82, H * .64), radius=int(H * .01), fill=(250, 250, 246))
    for i in range(12):
        fx = W * (.2 + i * .055)
        d.ellipse((fx - W * .015, H * .5, fx + W * .015, H * .54), fill=_hsl(rng.choice([0, .95, .1, .15]), .7, .6))
    # audience
    skins = [_hex(c) for c in _SKIN]
    for row in range(3):
        base = H * (.80 + row * .09)
        n = 7 + row
        for k in range(n):
            x = W * (k + .5) / n + (row % 2) * W * .02
            _seated(d, x, base + H * .05, H * .14, _hsl(rng.choice([.6, .0, .3, .1, .75]), .35, .42),
                    rng.choice(skins), _hex(rng.choice(_HAIR_DARK + _HAIR_GREY)))
    return img


def _scene_town(size, rng):
    W, H = size
    img = _sun_and_clouds(_sky(size, rng), rng, W, H)
    d = ImageDraw.Draw(img)
    water_y = H * .62
    x = -W * .05
    while x < W:
        hw = W * rng.uniform(.12, .2)
        hh = H * rng.uniform(.16, .24)
        d.rectangle((x, water_y - hh, x + hw, water_y), fill=(246, 244, 238))
        d.polygon([(x - W * .015, water_y - hh), (x + hw / 2, water_y - hh - H * .08), (x + hw + W * .015, water_y - hh)],
                  fill=(58, 62, 70))
        for k in range(2):
            wx = x + hw * (.2 + .45 * k)
            d.rectangle((wx, water_y - hh * .7, wx + hw * .22, water_y - hh * .35), fill=(120, 80, 60))
        x += hw + W * rng.uniform(0.0, .03)
    d.rectangle((0, water_y, W, H), fill=_hsl(.52, .35, .62))
    for k in range(14):
        y = water_y + H * .02 + k * H * .025
        xx = W * rng.random()
        d.line((xx, y, xx + W * .1, y), fill=_hsl(.52, .35, .72), width=3)
    # arch bridge
    bx, bw, bh = W * rng.uniform(.3, .6), W * .32, H * .16
    d.chord((bx - bw / 2, water_y - bh, bx + bw / 2, water_y + bh), 180, 360, fill=(150, 150, 140))
    d.chord((bx - bw * .32, water_y - bh * .62, bx + bw * .32, water_y + bh * .62), 180, 360, fill=_hsl(.52, .35, .62))
    # a boat
    bx2 = W * rng.uniform(.1, .8)
    d.polygon([(bx2 - W * .07, H * .8), (bx2 + W * .07, H * .8), (bx2 + W * .05, H * .84), (bx2 - W * .05, H * .84)],
              fill=(110, 70, 45))
    d.chord((bx2 - W * .03, H * .75, bx2 + W * .03, H * .85), 180, 360, fill=(60, 55, 50))
    return img


def _scene_clinic(size, rng):
    W, H = size
    img = _gradient((W, H), _hsl(.5, .25, .93), _hsl(.5, .2, .84))
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * .7, W, H), fill=_hsl(.5, .15, .72))
    # tent / banner with cross
    d.polygon([(W * .15, H * .3), (W * .5, H * .12), (W * .85, H * .3)], fill=(230, 80, 75))
    d.rectangle((W * .15, H * .3, W * .85, H * .36), fill=(240, 240, 240))
    c = H * .05
    d.rectangle((W * .5 - c * .3, H * .2 - c, W * .5 + c * .3, H * .2 + c), fill=(255, 255, 255))
    d.rectangle((W * .5 - c, H * .2 - c * .3, W * .5 + c, H * .2 + c * .3), fill=(255, 255, 255))
    for x in (W * .16, W * .84):
        d.rectangle((x - W * .005, H * .3, x + W * .005, H * .75), fill=(150, 150, 150))
    d.rounded_rectangle((W * .25, H * .55, W * .75, H * .6), radius=8, fill=(250, 250, 250))
    d.rectangle((W * .27, H * .6, W * .29, H * .75), fill=(160, 160, 160))
    d.rectangle((W * .71, H * .6, W * .73, H * .75), fill=(160, 160, 160))
    for i in range(rng.randint(3, 5)):
        coat = (250, 250, 250) if i % 2 == 0 else _hsl(rng.random(), .4, .45)
        _person(d, W * (.2 + i * .15) + rng.uniform(-20, 20), H * rng.uniform(.86, .95), H * .32, coat,
                _hex(rng.choice(_SKIN)), _hex(rng.choice(_HAIR_DARK + _HAIR_GREY)))
    return img


def _scene_lab(size, rng):
    W, H = size
    img = _gradient((W, H), _hsl(.6, .2, .92), _hsl(.6, .18, .82))
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * .68, W, H), fill=_hsl(.6, .1, .65))
    # big screen with a map/chart
    d.rounded_rectangle((W * .15, H * .08, W * .85, H * .48), radius=10, fill=(30, 45, 65))
    for k in range(6):
        y = H * (.14 + k * .055)
        d.line((W * .18, y, W * .82, y), fill=(55, 80, 110), width=2)
    pts = [(W * (.18 + .64 * i / 11), H * (.42 - .25 * (0.5 + 0.5 * math.sin(i * .9 + rng.random())))) for i in range(12)]
    d.line(pts, fill=(110, 220, 200), width=max(3, int(W * .004)), joint="curve")
    for k in range(5):
        bx = W * (.22 + k * .12)
        bh = H * rng.uniform(.05, .15)
        d.rectangle((bx, H * .45 - bh, bx + W * .04, H * .45), fill=(240, 180, 70))
    # desks and monitors
    for i in range(3):
        x = W * (.08 + i * .32)
        d.rectangle((x, H * .66, x + W * .24, H * .69), fill=(200, 180, 150))
        d.rectangle((x + W * .05, H * .55, x + W * .18, H * .64), fill=(40, 50, 60))
        d.rectangle((x + W * .055, H * .56, x + W * .175, H * .63), fill=_hsl(.55, .5, .7))
        d.rectangle((x + W * .11, H * .64, x + W * .12, H * .66), fill=(40, 50, 60))
        _seated(d, x + W * .12, H * .95, H * .28, _hsl(rng.random(), .3, .4), _hex(rng.choice(_SKIN)),
                _hex(rng.choice(_HAIR_DARK)))
    return img


def scene(seed, title: str = "", size=(1600, 1200), kind: str | None = None, ss: int = 2,
          label: str = "示例图片", banner: str | None = None) -> Image.Image:
    """A place drawn from shapes: workshop, field, tea garden, bamboo forest, hall, water town, clinic, lab.

    `kind` defaults to a guess from keywords in `title` (车间 → workshop, 茶 → tea, 宣讲 → hall …).
    A hall shows `banner` (default: `title`, cut to 14 characters) on its red backdrop.
    """
    rng = _rng("scene", seed, title)
    kind = kind if kind in SCENE_KINDS else _kind_for(title, rng)
    big = (size[0] * ss, size[1] * ss)
    if kind in ("field", "tea", "bamboo"):
        img = _scene_outdoor(kind, big, rng)
    elif kind == "workshop":
        img = _scene_workshop(big, rng, title)
    elif kind == "hall":
        img = _scene_hall(big, rng, banner if banner is not None else title)
    elif kind == "town":
        img = _scene_town(big, rng)
    elif kind == "clinic":
        img = _scene_clinic(big, rng)
    else:
        img = _scene_lab(big, rng)
    img = _finish(img, size, ss)
    return _label(img, label) if label else img


# --------------------------------------------------------------------------------------------
# video


def video_frame(seed, t: float, size=(640, 360), title: str = "", seconds: float = 4.0,
                big_text: str = "示例视频") -> Image.Image:
    """One frame of the sample clip at time t (seconds). Any size; posters use 1280×720."""
    rng = _rng("video", seed, title)
    W, H = size
    hue = rng.random()
    phase = t / max(seconds, 0.1)
    top = _hsl(hue + 0.05 * math.sin(phase * math.pi * 2), .45, .30)
    bottom = _hsl(hue + .12, .5, .55)
    img = _gradient(size, top, bottom)

    def shapes(d):
        # drifting soft circles
        r0 = _rng("video-bubbles", seed)
        for i in range(7):
            r = H * r0.uniform(.08, .22)
            x = (r0.uniform(0, 1) * W + phase * W * r0.uniform(.1, .3)) % (W + 2 * r) - r
            y = r0.uniform(.1, .9) * H + math.sin(phase * 6.28 + i) * H * .03
            d.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, 26))
        # turning gear and rising sun arc
        gr = H * .16
        d.polygon(_gear(W * .12, H * .78, gr, 12, rot=phase * math.pi), fill=(255, 255, 255, 60))
        d.ellipse((W * .12 - gr * .4, H * .78 - gr * .4, W * .12 + gr * .4, H * .78 + gr * .4), fill=(0, 0, 0, 0))
        sr = H * .12
        sy = H * (.32 - .08 * phase)
        d.ellipse((W * .86 - sr, sy - sr, W * .86 + sr, sy + sr), fill=(255, 214, 120, 170))
        # progress bar
        d.rounded_rectangle((W * .1, H * .92, W * .9, H * .935), radius=int(H * .008), fill=(255, 255, 255, 60))
        d.rounded_rectangle((W * .1, H * .92, W * (.1 + .8 * min(1.0, phase)), H * .935), radius=int(H * .008),
                            fill=(255, 230, 160, 220))
    img = _overlay(img, shapes)
    d = ImageDraw.Draw(img)
    font = cjk_font(int(H * .2), bold=True)
    x0, y0, x1, y1 = d.textbbox((0, 0), big_text, font=font)
    tx, ty = W / 2 - (x1 - x0) / 2 - x0, H * .42 - (y1 - y0) / 2 - y0
    d.text((tx + H * .01, ty + H * .01), big_text, font=font, fill=(0, 0, 0))
    d.text((tx, ty), big_text, font=font, fill=(255, 255, 255))
    if title:
        f2 = cjk_font(int(H * .065))
        x0, y0, x1, y1 = d.textbbox((0, 0), title, font=f2)
        d.text((W / 2 - (x1 - x0) / 2 - x0, H * .66 - y0), title, font=f2, fill=(255, 244, 214))
    return img


def _tone_samples(seed, seconds: float, rate: int, gain: float = 0.22) -> list[float]:
    """A gentle pentatonic melody with soft attack/decay (floats in −1…1)."""
    rng = _rng("audio", seed)
    scale = [261.63, 293.66, 329.63, 392.00, 440.00, 523.25, 587.33]
    n = int(seconds * rate)
    note_len = rng.choice([0.5, 0.6, 0.75])
    out = [0.0] * n
    t_note = 0.0
    while t_note < seconds:
        f = rng.choice(scale)
        start = int(t_note * rate)
        length = int(min(note_len * 1.6, seconds - t_note) * rate)
        w = 2 * math.pi * f / rate
        for i in range(length):
            env = min(1.0, i / (0.03 * rate)) * math.exp(-3.0 * i / rate)
            out[start + i] += gain * env * (math.sin(w * i) + 0.25 * math.sin(2 * w * i))
        t_note += note_len
    fade = int(0.3 * rate)
    for i in range(min(fade, n)):
        out[n - 1 - i] *= i / fade
    return [max(-1.0, min(1.0, v)) for v in out]


def _audio_frames(samples: list[float], rate: int, fmt: str, frame_size: int):
    import av
    pts = 0
    for off in range(0, len(samples), frame_size):
        chunk = samples[off:off + frame_size]
        if fmt == "fltp":
            frame = av.AudioFrame(format="fltp", layout="mono", samples=len(chunk))
            frame.planes[0].update(struct.pack("<%df" % len(chunk), *chunk))
        else:  # s16p
            frame = av.AudioFrame(format=fmt, layout="mono", samples=len(chunk))
            frame.planes[0].update(struct.pack("<%dh" % len(chunk), *(int(v * 32767) for v in chunk)))
        frame.sample_rate = rate
        frame.pts = pts
        frame.time_base = fractions.Fraction(1, rate)
        pts += len(chunk)
        yield frame


def make_video(path, seed, seconds: float = 4, size=(640, 360), title: str = "", audio: bool = True,
               fps: int = 25, crf: int = 30) -> Path:
    """H.264 (yuv420p) MP4 with an animated drawing, big 示例视频 text and an optional AAC tone track."""
    import av
    path = Path(path)
    rate = 48000
    container = av.open(str(path), mode="w", format="mp4",
                        options={"movflags": "+faststart", "fflags": "+bitexact"})
    container.metadata["comment"] = MARKER
    try:
        vs = container.add_stream("libx264", rate=fps)
        vs.width, vs.height = size
        vs.pix_fmt = "yuv420p"
        vs.codec_context.options = {"crf": str(crf), "preset": "medium", "threads": "1",
                                    "x264-params": "threads=1:lookahead-threads=1"}
        as_ = None
        if audio:
            as_ = container.add_stream("aac", rate=rate, layout="mono")
            as_.codec_context.options = {"threads": "1"}
            samples = _tone_samples(seed, seconds, rate)
            aframes = _audio_frames(samples, rate, "fltp", 1024)
        nframes = int(round(seconds * fps))
        a_done = 0
        for i in range(nframes):
            img = video_frame(seed, i / fps, size, title, seconds)
            frame = av.VideoFrame.from_image(img).reformat(format="yuv420p")
            frame.pts = i
            frame.time_base = fractions.Fraction(1, fps)
            for p in vs.encode(frame):
                container.mux(p)
            if as_ is not None:  # keep audio roughly interleaved with video
                while a_done < (i + 1) / fps * rate:
                    f = next(aframes, None)
                    if f is None:
                        break
                    a_done += f.samples
                    for p in as_.encode(f):
                        container.mux(p)
        for p in vs.encode():
            container.mux(p)
        if as_ is not None:
            for f in aframes:
                for p in as_.encode(f):
                    container.mux(p)
            for p in as_.encode():
                container.mux(p)
    finally:
        container.close()
    return path


def make_audio(path, seed, seconds: float = 6, bitrate: int = 64000) -> Path:
    """A gentle tone sequence: .m4a → AAC in MP4, .mp3 → MP3 (libmp3lame)."""
    import av
    path = Path(path)
    mp3 = path.suffix.lower() == ".mp3"
    rate = 44100
    container = av.open(str(path), mode="w", format="mp3" if mp3 else "ipod",
                        options={"fflags": "+bitexact"} if not mp3 else {"fflags": "+bitexact", "write_xing": "0"})
    container.metadata["comment"] = MARKER
    try:
        st = container.add_stream("libmp3lame" if mp3 else "aac", rate=rate, layout="mono")
        st.bit_rate = bitrate
        fmt = st.codec_context.format.name
        frame_size = st.codec_context.frame_size or 1152
        samples = _tone_samples(seed, seconds, rate)
        for f in _audio_frames(samples, rate, fmt if fmt in ("fltp", "s16p") else "fltp", frame_size):
            for p in st.encode(f):
                container.mux(p)
        for p in st.encode():
            container.mux(p)
    finally:
        container.close()
    return path


# --------------------------------------------------------------------------------------------
# captions


def _ts(sec: float) -> str:
    ms = int(round(sec * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def write_vtt(path, cues) -> Path:
    """WebVTT file (UTF-8, no BOM). cues: iterable of (start_seconds, end_seconds, text)."""
    lines = ["WEBVTT", "", f"NOTE {MARKER}", ""]
    for i, (start, end, text) in enumerate(cues, 1):
        if end <= start:
            raise ValueError(f"cue {i}: end {end} <= start {start}")
        text = str(text).replace("-->", "→").strip()
        lines += [str(i), f"{_ts(start)} --> {_ts(end)}", text, ""]
    path = Path(path)
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")
    return path
