"""HDR phone video (HLG, PQ) shown on ordinary screens: a 3D LUT from BT.2020 HDR to BT.709 SDR.

iPhones (12 and later) record HLG by default and many Androids HLG or PQ. Converted to 8-bit without
tone mapping such a video looks flat and pale (white is a 75 % grey, colours fade), so the picture
goes through one 3D LUT (FFmpeg's lut3d, tetrahedral) that does the whole conversion per pixel:

1. signal → display light in cd/m²: HLG inverse OETF and OOTF (nominal 1000 cd/m² display, system
   gamma 1.2, BT.2100); PQ EOTF;
2. tone mapping on the brightest channel (so hue and saturation are kept): HDR reference white
   (203 cd/m², BT.2408: HLG 75 %) is SDR white; linear up to KNEE of it, then an extended-Reinhard
   shoulder that brings the source peak (HLG: 1000 cd/m²; PQ: the file's MaxCLL or mastering peak,
   else 1000) down to SDR white — mid-grey and skin keep the contrast the phone showed, highlights
   keep detail instead of clipping;
3. BT.2020 → BT.709 primaries; colours outside BT.709 are clipped at zero and scaled into range
   (the brightest channel to 1), so a saturated red stays a saturated red of the same hue family;
4. display light → BT.709 signal with the inverse of BT.1886 (gamma 2.4), what SDR screens apply.

The LUT is pure Python (65³ points, ~2 s; at 33³ colours at the edge of the gamut came out up to 24
levels off) and written once into the cache, named by its parameters and HDR_VERSION; bump HDR_VERSION
when the mapping changes (it is part of the video's cache key). Measured in bench/video.py --hdr.
"""

from __future__ import annotations

import math
import struct
from pathlib import Path

from .cache import atomic_write

HDR_VERSION = "1"
LUT_SIZE = 65
HLG, PQ = "hlg", "pq"
REFERENCE_WHITE = 203.0     # cd/m², BT.2408: HDR graphics/reference white, shown as SDR white
HLG_PEAK = 1000.0           # nominal display for HLG's OOTF (BT.2100)
PQ_DEFAULT_PEAK = 1000.0    # when a PQ file carries no light-level metadata
KNEE = 0.7                  # fraction of SDR white below which light is passed through unchanged
SDR_GAMMA = 2.4             # BT.1886

# FFmpeg's AVColorTransferCharacteristic / AVColorPrimaries numbers (PyAV reports these ints).
_TRC = {18: HLG, 16: PQ}
_BT2020 = 9

# Linear BT.2020 RGB → linear BT.709 RGB (BT.2087).
_TO_709 = ((1.6605, -0.5876, -0.0728),
           (-0.1246, 1.1329, -0.0083),
           (-0.0182, -0.1006, 1.1187))


def hdr_kind(color_trc: int | None, color_primaries: int | None) -> str:
    """HLG or PQ for a BT.2020 HDR stream (Dolby Vision 8.4 from iPhones carries HLG here), else ""."""
    kind = _TRC.get(color_trc or 0, "")
    return kind if kind and color_primaries in (_BT2020, None, 2) else ""   # 2: unspecified


def source_peak(kind: str, frame=None) -> int:
    """Peak light in cd/m² to tone-map from: HLG's nominal 1000; for PQ the frame's MaxCLL, else its
    mastering display's peak, else 1000. Rounded and bounded, so near-equal files share one LUT."""
    if kind == HLG:
        return int(HLG_PEAK)
    peak = _metadata_peak(frame) if frame is not None else None
    return int(min(10000, max(400, round(peak or PQ_DEFAULT_PEAK, -1))))


def lut_file(folder: Path, kind: str, peak: int) -> Path:
    """The .cube file for (kind, peak), written into `folder` the first time it is asked for."""
    path = Path(folder) / f"hdr-{kind}-{peak}-{LUT_SIZE}-v{HDR_VERSION}.cube"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path) as tmp:
            tmp.write_text(cube_text(kind, peak), encoding="ascii")
    return path


def cube_text(kind: str, peak: float, size: int = LUT_SIZE) -> str:
    steps = [i / (size - 1) for i in range(size)]
    lines = [f"TITLE \"{kind.upper()} BT.2020 to BT.709 SDR, peak {peak:g}\"", f"LUT_3D_SIZE {size}"]
    for b in steps:                 # .cube order: red changes fastest
        for g in steps:
            for r in steps:
                lines.append("%.5f %.5f %.5f" % to_sdr(kind, peak, r, g, b))
    return "\n".join(lines) + "\n"


def to_sdr(kind: str, peak: float, r: float, g: float, b: float) -> tuple[float, float, float]:
    """One BT.2020 HDR signal (0..1 a channel) → its BT.709 SDR signal."""
    light = _hlg_display(r, g, b) if kind == HLG else tuple(pq_eotf(v) for v in (r, g, b))
    rel = [v / REFERENCE_WHITE for v in light]          # 1.0 = SDR white
    brightest = max(rel)
    if brightest > 0:
        scale = tone_curve(brightest, peak / REFERENCE_WHITE) / brightest
        rel = [v * scale for v in rel]
    rgb = [max(0.0, sum(m * v for m, v in zip(row, rel))) for row in _TO_709]
    over = max(rgb)
    if over > 1:
        rgb = [v / over for v in rgb]
    return tuple(v ** (1 / SDR_GAMMA) for v in rgb)


def tone_curve(x: float, peak: float) -> float:
    """SDR light for HDR light `x` (both relative to SDR white): identity below KNEE, then an
    extended-Reinhard shoulder with slope 1 at the knee that reaches 1.0 at `peak`."""
    if x <= KNEE or peak <= 1:
        return min(x, 1.0)
    u, top = (x - KNEE) / (1 - KNEE), (peak - KNEE) / (1 - KNEE)
    u = min(u, top)
    return KNEE + (1 - KNEE) * u * (1 + u / (top * top)) / (1 + u)


def _hlg_display(r: float, g: float, b: float) -> tuple[float, float, float]:
    """HLG signal → display light (cd/m²) on the nominal 1000 cd/m² display: inverse OETF, then OOTF."""
    scene = [hlg_inverse_oetf(v) for v in (r, g, b)]
    ys = 0.2627 * scene[0] + 0.6780 * scene[1] + 0.0593 * scene[2]
    gain = HLG_PEAK * ys ** 0.2 if ys > 0 else 0.0    # system gamma 1.2 at 1000 cd/m²
    return tuple(gain * v for v in scene)


_A = 0.17883277
_B = 1 - 4 * _A
_C = 0.5 - _A * math.log(4 * _A)


def hlg_inverse_oetf(v: float) -> float:
    v = min(max(v, 0.0), 1.0)
    return v * v / 3 if v <= 0.5 else (math.exp((v - _C) / _A) + _B) / 12


_M1, _M2 = 2610 / 16384, 2523 / 4096 * 128
_C1, _C2, _C3 = 3424 / 4096, 2413 / 4096 * 32, 2392 / 4096 * 32


def pq_eotf(v: float) -> float:
    p = min(max(v, 0.0), 1.0) ** (1 / _M2)
    return 10000 * (max(p - _C1, 0.0) / (_C2 - _C3 * p)) ** (1 / _M1)


def _metadata_peak(frame) -> float | None:
    """MaxCLL, else the mastering display's peak, from a decoded frame's side data (FFmpeg structs)."""
    cll = mastering = None
    for item in frame.side_data:
        name = getattr(item.type, "name", str(item.type)).upper()
        data = bytes(item)
        if "CONTENT_LIGHT" in name and len(data) >= 4:
            cll = struct.unpack_from("<I", data, 0)[0] or None
        elif "MASTERING_DISPLAY" in name and len(data) >= 88:
            num, den = struct.unpack_from("<ii", data, 72)       # max_luminance after primaries, white, min
            has_luminance = struct.unpack_from("<i", data, 84)[0]
            mastering = num / den if has_luminance and den > 0 else None
    return cll or mastering
