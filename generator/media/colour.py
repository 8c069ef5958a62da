"""Bring any decoded picture to 8-bit sRGB: colour profiles, CMYK, palettes, 16-bit, transparency.

Browsers assume untagged images are sRGB, and we strip all metadata (profiles included) from web
derivatives, so the pixels themselves must be sRGB. Conversion runs after downscaling: it is
per-pixel, and ~10× cheaper on a 1280 px image than on the 12 MP original.
"""

from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageChops, ImageCms, ImageFilter

WHITE = (255, 255, 255)

# How solid process inks look in sRGB on coated paper (typical FOGRA39/SWOP proofs), indexed by
# (C, M, Y) ∈ {0, 1}³. Used when a CMYK file carries no profile: interpolating between the eight
# corners (the Neugebauer model) gives press-like colours; Pillow's own CMYK→RGB conversion makes
# 100 % magenta + yellow a neon (255, 0, 0) instead of the (237, 28, 36) a print shop means.
_CMY_CORNERS = {
    (0, 0, 0): (255, 255, 255),   # paper
    (1, 0, 0): (0, 174, 239),     # cyan
    (0, 1, 0): (236, 0, 140),     # magenta
    (0, 0, 1): (255, 242, 0),     # yellow
    (1, 1, 0): (46, 49, 146),     # blue
    (0, 1, 1): (237, 28, 36),     # red
    (1, 0, 1): (0, 166, 81),      # green
    (1, 1, 1): (54, 48, 50),      # three-colour black
}
_BLACK_INK_FLOOR = 34   # 100 % K prints as (35, 31, 32), not pure black

_SRGB = ImageCms.createProfile("sRGB")
_transforms: dict[tuple[str, str], ImageCms.ImageCmsTransform | None] = {}   # per worker process
_cmyk_lut: ImageFilter.Color3DLUT | None = None


ICC_FIXED_DATE = (2000, 1, 1, 0, 0, 0)   # LittleCMS stamps the clock into a profile it creates


def profile_bytes(profile: ImageCms.ImageCmsProfile) -> bytes:
    """`profile` serialised with a fixed creation date (ICC header bytes 24–35), so that embedding it
    gives the same file on every run — a reproducible build. The profile ID (bytes 84–99, an MD5 that
    covers the date) is set to zero, which the ICC specification reads as "not computed"."""
    data = bytearray(profile.tobytes())
    data[24:36] = b"".join(v.to_bytes(2, "big") for v in ICC_FIXED_DATE)
    data[84:100] = bytes(16)
    return bytes(data)


def normalise_mode(img: Image.Image) -> Image.Image:
    """RGB, RGBA or CMYK — modes that resize well and that `to_srgb` understands."""
    if img.mode in ("RGB", "RGBA", "CMYK"):
        return img
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        # 16-bit PNG/TIFF: Pillow's convert("L") clips at 255, turning the picture white; scale instead.
        return img.convert("I").point(lambda v: v / 257).convert("L").convert("RGB")
    if img.mode == "P":
        return img.convert("RGBA" if "transparency" in img.info else "RGB")
    if img.mode in ("LA", "PA", "La", "RGBa"):
        return img.convert("RGBA")
    return img.convert("RGB")   # 1, L, YCbCr, LAB, HSV


def to_srgb(img: Image.Image, icc_profile: bytes | None, keep_alpha: bool) -> Image.Image:
    """`img` (from `normalise_mode`) as sRGB 'RGB', or 'RGBA' when `keep_alpha` and it has transparency."""
    alpha = None
    if img.mode == "RGBA":
        alpha = img.getchannel("A")
        img = img.convert("RGB")
    transform = _transform_for(icc_profile, img.mode) if icc_profile else None
    if transform is not None:
        img = ImageCms.applyTransform(img, transform)
    elif img.mode == "CMYK":
        img = _press_cmyk_to_rgb(img)
    if alpha is None or alpha.getextrema() == (255, 255):
        return img
    if keep_alpha:
        img.putalpha(alpha)
        return img
    return flatten(img, alpha)


def flatten(img: Image.Image, alpha: Image.Image | None = None, background=WHITE) -> Image.Image:
    """Composite onto a solid background (paper white for print and JPEG)."""
    if alpha is None:
        if img.mode != "RGBA":
            return img.convert("RGB")
        alpha = img.getchannel("A")
    base = Image.new("RGB", img.size, background)
    base.paste(img.convert("RGB"), mask=alpha)
    return base


def _transform_for(icc_profile: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """A cached profile→sRGB transform; None when the profile is already sRGB or unusable."""
    cache_key = (hashlib.sha1(icc_profile).hexdigest(), mode)
    if cache_key not in _transforms:
        _transforms[cache_key] = _build_transform(icc_profile, mode)
    return _transforms[cache_key]


def _build_transform(icc_profile: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        if mode == "RGB" and "srgb" in ImageCms.getProfileDescription(profile).lower():
            return None   # already sRGB, as most cameras write: skip the per-pixel pass
        return ImageCms.buildTransform(profile, _SRGB, mode, "RGB",
                                       renderingIntent=ImageCms.Intent.PERCEPTUAL)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return None   # a broken profile: fall back to treating the pixels as sRGB / press CMYK


def _press_cmyk_to_rgb(img: Image.Image) -> Image.Image:
    global _cmyk_lut
    if _cmyk_lut is None:
        _cmyk_lut = ImageFilter.Color3DLUT.generate(9, _neugebauer)
    c, m, y, k = img.split()
    rgb = Image.merge("RGB", (c, m, y)).filter(_cmyk_lut)
    # Black ink darkens everything under it, down to its own floor.
    k_shade = k.point(lambda v: 255 - v * (255 - _BLACK_INK_FLOOR) // 255)
    return ImageChops.multiply(rgb, Image.merge("RGB", (k_shade,) * 3))


def _neugebauer(c: float, m: float, y: float) -> tuple[float, float, float]:
    """Trilinear mix of the eight solid-ink colours; dot gain makes mid-tones print a little darker."""
    c, m, y = (1 - (1 - t) ** 1.25 for t in (c, m, y))
    out = [0.0, 0.0, 0.0]
    for (ci, mi, yi), rgb in _CMY_CORNERS.items():
        weight = (c if ci else 1 - c) * (m if mi else 1 - m) * (y if yi else 1 - y)
        for i in range(3):
            out[i] += weight * rgb[i] / 255
    return out[0], out[1], out[2]


# ---- press: sRGB → the print shop's CMYK ------------------------------------------------------------

class ProfileError(ValueError):
    """A colour profile that cannot serve as the press's CMYK output profile (message in Chinese)."""


def cmyk_profile_description(icc: bytes) -> str:
    """The profile's own name, e.g. "Artifex CMYK SWOP Profile"; ProfileError if it is not a CMYK printer profile."""
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (ImageCms.PyCMSError, OSError, ValueError) as e:
        raise ProfileError(f"不是有效的 ICC 色彩特性文件（{e}）") from None
    if profile.profile.xcolor_space.strip() != "CMYK":
        raise ProfileError(f"是 {profile.profile.xcolor_space.strip()} 色彩特性文件，印刷需要 CMYK 的（输出设备）特性文件")
    return ImageCms.getProfileDescription(profile).strip() or "CMYK"


_press_transforms: dict[str, ImageCms.ImageCmsTransform] = {}


def to_press_cmyk(img: Image.Image, icc: bytes) -> Image.Image:
    """An sRGB picture (any mode `normalise_mode` gives) in the press's CMYK, through the profile `icc`.

    Perceptual rendering with black-point compensation: photos keep their tonal range on paper, and the
    profile decides the black generation and total ink limit (what the press can carry).
    """
    key = hashlib.sha1(icc).hexdigest()
    if key not in _press_transforms:
        _press_transforms[key] = ImageCms.buildTransform(
            _SRGB, ImageCms.ImageCmsProfile(io.BytesIO(icc)), "RGB", "CMYK",
            renderingIntent=ImageCms.Intent.PERCEPTUAL, flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)
    img = normalise_mode(img)
    if img.mode == "CMYK":
        img = _press_cmyk_to_rgb(img)
    elif img.mode == "RGBA":
        img = flatten(img)
    return ImageCms.applyTransform(img, _press_transforms[key])
