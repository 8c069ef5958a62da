"""Illustrations of sample products (劳模产品): an object on a display table, drawn from shapes.

Never a photograph of a real product: every picture carries the 示例插画 marker (artwork._label) and
is deterministic, like the rest of generator.demo.artwork.

    product(seed, kind, title="", size=(1600, 1200)) -> PIL.Image
    PRODUCT_KINDS: tea, silk, bamboo, farm, device, tool, material, software, garment, craft
"""

from __future__ import annotations

import math

from PIL import Image, ImageDraw, ImageFilter

from .artwork import _finish, _gear, _gradient, _hsl, _label, _rng, _shade, cjk_font

PRODUCT_KINDS = ("tea", "silk", "bamboo", "farm", "device", "tool", "material", "software", "garment", "craft")


def product(seed, kind: str, title: str = "", size=(1600, 1200), ss: int = 2, label: str = "示例插画") -> Image.Image:
    """`kind` is one of PRODUCT_KINDS; `title` is printed on a small plate in front of the object."""
    rng = _rng("product", seed, kind, title)
    W, H = size[0] * ss, size[1] * ss
    hue = rng.random()
    img = _gradient((W, H), _hsl(hue, .22, .93), _hsl(hue + .05, .25, .78))
    table_y = H * .70
    d = ImageDraw.Draw(img)
    d.rectangle((0, table_y, W, H), fill=_hsl(.08, .30, .55))
    d.rectangle((0, table_y, W, table_y + H * .025), fill=_hsl(.08, .30, .68))
    _shadow(img, W * .2, table_y - H * .02, W * .8, table_y + H * .06)
    d = ImageDraw.Draw(img)
    draw = _DRAW.get(kind, _draw_device)
    draw(d, W, H, table_y, rng)
    if title:
        _plate(d, W, H, table_y, title)
    img = _finish(img, size, ss)
    return _label(img, label) if label else img


def _shadow(img: Image.Image, x0, y0, x1, y1) -> None:
    layer = Image.new("L", img.size, 0)
    ImageDraw.Draw(layer).ellipse((x0, y0, x1, y1), fill=90)
    layer = layer.filter(ImageFilter.GaussianBlur(img.size[0] * .01))
    img.paste((40, 30, 25), (0, 0), layer)


def _plate(d: ImageDraw.ImageDraw, W, H, table_y, title: str) -> None:
    text = title if len(title) <= 16 else title[:15] + "…"
    font = cjk_font(int(H * .045), bold=True)
    x0, y0, x1, y1 = d.textbbox((0, 0), text, font=font)
    pad = H * .02
    bw, bh = x1 - x0 + 2 * pad, y1 - y0 + 2 * pad
    bx, by = (W - bw) / 2, table_y + (H - table_y - bh) / 2
    d.rounded_rectangle((bx, by, bx + bw, by + bh), radius=pad * .6, fill=(250, 246, 238), outline=(150, 110, 70),
                        width=max(2, int(H * .003)))
    d.text((bx + pad - x0, by + pad - y0), text, font=font, fill=(90, 40, 30))


def _leaf(d, cx, cy, r, angle, fill):
    pts = []
    for i in range(24):
        t = i / 23 * math.pi
        x, y = math.cos(t) * r, math.sin(t) * r * .38
        pts.append((x, y))
    pts += [(x, -y) for x, y in reversed(pts)]
    ca, sa = math.cos(angle), math.sin(angle)
    d.polygon([(cx + x * ca - y * sa, cy + x * sa + y * ca) for x, y in pts], fill=fill)


def _draw_tea(d, W, H, ty, rng):
    # a tea tin and a small heap of leaves
    x0, x1 = W * .30, W * .52
    top = ty - H * .42
    col = _hsl(rng.choice([.0, .33, .58]), .45, .42)
    d.rectangle((x0, top, x1, ty), fill=col)
    d.ellipse((x0, top - H * .03, x1, top + H * .03), fill=_shade(col, 1.25))
    d.rectangle((x0, top + H * .10, x1, top + H * .26), fill=(248, 240, 222))
    d.text((x0 + W * .035, top + H * .12), "茶", font=cjk_font(int(H * .12), bold=True), fill=_shade(col, .8))
    for i in range(26):
        _leaf(d, W * rng.uniform(.58, .76), ty - H * rng.uniform(.01, .08), W * rng.uniform(.025, .04),
              rng.uniform(0, math.pi), _hsl(.28 + rng.uniform(-.03, .03), .45, rng.uniform(.28, .45)))
    d.ellipse((W * .60, ty - H * .20, W * .74, ty - H * .12), outline=(255, 255, 255), width=int(H * .006))


def _draw_silk(d, W, H, ty, rng):
    # a folded scarf: stacked wavy bands
    hue = rng.random()
    for k in range(5):
        col = _hsl(hue + k * .04, .55, .55 + k * .05)
        y = ty - H * (.12 + k * .06)
        pts = [(W * .22 + i * W * .02, y + math.sin(i * .7 + k) * H * .015) for i in range(30)]
        pts += [(x, yy + H * .07) for x, yy in reversed(pts)]
        d.polygon(pts, fill=col)
    for i in range(8):
        x = W * (.25 + i * .065)
        d.line((x, ty - H * .42, x + W * .02, ty - H * .12), fill=_hsl(hue, .3, .9), width=int(H * .004))


def _draw_bamboo(d, W, H, ty, rng):
    # bowls, a cup and chopsticks made of bamboo
    wood = _hsl(.11, .45, .62)
    for i, (cx, r) in enumerate(((W * .36, W * .12), (W * .62, W * .09))):
        d.chord((cx - r, ty - r * 1.1, cx + r, ty + r * .3), 0, 180, fill=_shade(wood, .9 + i * .1))
        d.ellipse((cx - r, ty - r * .55, cx + r, ty - r * .25), fill=_shade(wood, 1.2))
    d.rectangle((W * .74, ty - H * .28, W * .82, ty), fill=wood)
    for j in range(3):
        d.line((W * .74, ty - H * (.06 + j * .09), W * .82, ty - H * (.06 + j * .09)), fill=_shade(wood, .7), width=int(H * .006))
    for j in range(2):
        d.line((W * .18 + j * W * .02, ty - H * .02, W * .46 + j * W * .02, ty - H * .36), fill=_shade(wood, .75),
               width=int(H * .01))


def _draw_farm(d, W, H, ty, rng):
    # a woven basket of round produce
    cx, r = W * .5, W * .22
    for i in range(14):
        a = rng.uniform(math.pi * 1.05, math.pi * 1.95)
        rr = r * rng.uniform(.2, .8)
        fx, fy, fr = cx + math.cos(a) * rr, ty - H * .18 + math.sin(a) * rr * .4, W * rng.uniform(.04, .06)
        d.ellipse((fx - fr, fy - fr, fx + fr, fy + fr), fill=_hsl(rng.choice([.0, .08, .75, .3]), .6, .45))
    basket = _hsl(.09, .5, .45)
    d.polygon([(cx - r, ty - H * .2), (cx + r, ty - H * .2), (cx + r * .8, ty), (cx - r * .8, ty)], fill=basket)
    for k in range(5):
        y = ty - H * .2 + k * H * .04
        d.line((cx - r * (1 - k * .04), y, cx + r * (1 - k * .04), y), fill=_shade(basket, .7), width=int(H * .006))
    d.arc((cx - r * .9, ty - H * .52, cx + r * .9, ty - H * .02), 180, 360, fill=_shade(basket, .8), width=int(H * .015))


def _draw_device(d, W, H, ty, rng):
    # an instrument with a screen, dials and a cable
    body = _hsl(rng.choice([.58, .08, .33]), .35, .45)
    x0, y0, x1 = W * .26, ty - H * .36, W * .74
    d.rounded_rectangle((x0, y0, x1, ty), radius=int(W * .02), fill=body)
    d.rectangle((x0 + W * .04, y0 + H * .05, x0 + W * .26, y0 + H * .2), fill=(30, 40, 45))
    for i in range(4):
        d.rectangle((x0 + W * .06, y0 + H * (.08 + i * .03), x0 + W * (.1 + (i * 37 % 11) / 100), y0 + H * (.09 + i * .03)),
                    fill=(120, 230, 160))
    for i in range(3):
        cx, cy, r = x0 + W * (.33 + i * .05), y0 + H * .12, W * .018
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(235, 235, 230))
        d.line((cx, cy, cx + r * .7, cy - r * .5), fill=(200, 40, 40), width=int(H * .004))
    d.rectangle((x0 + W * .04, y0 + H * .25, x1 - W * .04, y0 + H * .29), fill=_shade(body, .7))
    d.line((x1, ty - H * .1, W * .88, ty - H * .02), fill=(30, 30, 30), width=int(H * .01))


def _draw_tool(d, W, H, ty, rng):
    # an insulated hot-stick tool and a clamp on a stand
    d.line((W * .18, ty - H * .04, W * .80, ty - H * .40), fill=(240, 190, 40), width=int(H * .035))
    d.polygon(_gear(W * .82, ty - H * .42, H * .06, 8), fill=(90, 90, 95))
    d.rectangle((W * .44, ty - H * .14, W * .62, ty), fill=(60, 80, 110))
    d.polygon([(W * .47, ty - H * .14), (W * .5, ty - H * .3), (W * .56, ty - H * .3), (W * .59, ty - H * .14)],
              fill=(80, 100, 135))


def _draw_material(d, W, H, ty, rng):
    # coated sample panels leaning on a drum
    cx = W * .68
    d.rectangle((cx - W * .1, ty - H * .34, cx + W * .1, ty), fill=_hsl(.58, .4, .45))
    d.ellipse((cx - W * .1, ty - H * .37, cx + W * .1, ty - H * .31), fill=_hsl(.58, .4, .6))
    for i in range(3):
        col = _hsl(rng.random(), .35, .6 + i * .08)
        x = W * (.22 + i * .1)
        d.polygon([(x, ty), (x + W * .08, ty), (x + W * .12, ty - H * .38), (x + W * .04, ty - H * .38)], fill=col)


def _draw_software(d, W, H, ty, rng):
    # a tablet on a stand showing a map with pins
    x0, y0, x1, y1 = W * .28, ty - H * .5, W * .72, ty - H * .06
    d.rounded_rectangle((x0, y0, x1, y1), radius=int(W * .02), fill=(35, 35, 40))
    sx0, sy0, sx1, sy1 = x0 + W * .02, y0 + H * .03, x1 - W * .02, y1 - H * .03
    d.rectangle((sx0, sy0, sx1, sy1), fill=_hsl(.3, .35, .8))
    d.line((sx0, sy0 + H * .2, sx1, sy0 + H * .1), fill=_hsl(.58, .5, .6), width=int(H * .018))
    for i in range(5):
        d.line((sx0 + W * .06 * i, sy0, sx0 + W * .06 * i + W * .1, sy1), fill=(250, 250, 245), width=int(H * .005))
    for i in range(4):
        px, py = rng.uniform(sx0 + W * .03, sx1 - W * .03), rng.uniform(sy0 + H * .05, sy1 - H * .03)
        d.ellipse((px - W * .012, py - W * .03, px + W * .012, py - W * .006), fill=(210, 50, 40))
    d.polygon([(W * .46, y1), (W * .54, y1), (W * .58, ty), (W * .42, ty)], fill=(80, 80, 85))


def _draw_garment(d, W, H, ty, rng):
    # a child's jacket on a hanger
    col = _hsl(rng.random(), .5, .6)
    cx, top = W * .5, ty - H * .5
    d.arc((cx - W * .03, top - H * .06, cx + W * .03, top), 180, 360, fill=(80, 80, 80), width=int(H * .008))
    d.line((cx - W * .16, top + H * .05, cx + W * .16, top + H * .05), fill=(80, 80, 80), width=int(H * .008))
    body = [(cx - W * .13, top + H * .06), (cx + W * .13, top + H * .06), (cx + W * .22, top + H * .2),
            (cx + W * .16, top + H * .25), (cx + W * .12, top + H * .18), (cx + W * .12, ty - H * .04),
            (cx - W * .12, ty - H * .04), (cx - W * .12, top + H * .18), (cx - W * .16, top + H * .25),
            (cx - W * .22, top + H * .2)]
    d.polygon(body, fill=col)
    d.line((cx, top + H * .08, cx, ty - H * .04), fill=_shade(col, .7), width=int(H * .006))
    for i in range(4):
        y = top + H * (.14 + i * .06)
        d.ellipse((cx - W * .008, y, cx + W * .008, y + W * .016), fill=(250, 250, 250))


def _draw_craft(d, W, H, ty, rng):
    # a woven bamboo tray with a fan
    cx, r = W * .42, W * .2
    d.ellipse((cx - r, ty - H * .16, cx + r, ty), fill=_hsl(.1, .45, .6))
    for k in range(-6, 7):
        d.line((cx + k * r / 7, ty - H * .15, cx + k * r / 7, ty - H * .01), fill=_hsl(.1, .45, .45), width=int(H * .004))
    fx, fy = W * .72, ty - H * .1
    for k in range(9):
        a = math.pi * (1.1 + k * .1)
        d.line((fx, fy, fx + math.cos(a) * W * .16, fy + math.sin(a) * W * .16), fill=_hsl(.1, .45, .5), width=int(H * .012))
    d.pieslice((fx - W * .16, fy - W * .16, fx + W * .16, fy + W * .16), 198, 342, fill=_hsl(.12, .35, .8))


_DRAW = {"tea": _draw_tea, "silk": _draw_silk, "bamboo": _draw_bamboo, "farm": _draw_farm, "device": _draw_device,
         "tool": _draw_tool, "material": _draw_material, "software": _draw_software, "garment": _draw_garment,
         "craft": _draw_craft}
