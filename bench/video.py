"""Benchmark phone-video conversion against a plain PyAV transcode loop on the same clip and cores.

    .venv/bin/python bench/video.py                          # a 10 s 4K HEVC MOV, rotated, VFR
    .venv/bin/python bench/video.py --seconds 2 --size 1280x720
    .venv/bin/python bench/video.py --hdr --seconds 3           # HDR (HLG, 10-bit) tone mapping vs SDR path

Reports, as a Markdown table: the cold pipeline (hash, probe, transcode, poster) vs a plain loop
(decode → swscale → libx264 with the same settings, no rotation, no cache; goal: ratio ≤ 1.2), the
warm rebuild (goal: 0 conversions), the output's size and bitrate, `check`'s decode-to-end cold and
warm, and peak memory. The source is kept in --workdir (making a 4K HEVC clip takes minutes).
With --hdr the clip is 10-bit HLG like an iPhone's, and the table compares its conversion with tone
mapping (the published path) against the same clip through the SDR path (goal: ratio ≤ 1.5).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import av  # noqa: E402

from _common import TreeMonitor, human_bytes, log, parse_size  # noqa: E402
from generator.check.probe_memo import ProbeMemo  # noqa: E402
from generator.media import MediaPipeline, probe_video  # noqa: E402
from generator.media.avspecs import AUDIO_RATE, X264, plan_video, web_size  # noqa: E402
from generator.media.hdr import HLG, lut_file, source_peak  # noqa: E402
from generator.media.transcode import publish_video  # noqa: E402
from tests.phone_media import make_phone_video  # noqa: E402


def main() -> None:
    args = parse_args()
    w, h = args.size
    src = args.workdir / f"phone-{w}x{h}-{args.seconds:g}s{'-hlg' if args.hdr else ''}.MOV"
    if not src.exists():
        log(f"making {src.name} (HEVC{' 10-bit HLG' if args.hdr else ''}, rotated, VFR) …")
        args.workdir.mkdir(parents=True, exist_ok=True)
        part = src.with_name("part-" + src.name)
        make_phone_video(part, size=(w, h), seconds=args.seconds, rotation=-90, textured=True, hlg=args.hdr)
        part.replace(src)
    if args.hdr:
        return hdr_table(src)
    info = probe_video(src)
    run_dir = Path(tempfile.mkdtemp(prefix="fengcai-bench-video-"))
    try:
        log("cold pipeline …")
        with TreeMonitor() as cold_mon:
            started = time.perf_counter()
            pipeline = MediaPipeline(run_dir / "cache", quiet=True)
            asset = pipeline.video(src)
            stats = pipeline.run(run_dir / "site")
            cold = time.perf_counter() - started
        assert not stats.failed, [str(e) for e in stats.failed]
        out = run_dir / "site" / asset.url
        log("warm rebuild …")
        started = time.perf_counter()
        pipeline = MediaPipeline(run_dir / "cache", quiet=True)
        pipeline.video(src)
        warm_stats = pipeline.run(run_dir / "site-warm")
        warm = time.perf_counter() - started
        log("plain PyAV loop …")
        with TreeMonitor() as plain_mon:
            started = time.perf_counter()
            plain_transcode(src, run_dir / "plain.mp4")
            plain = time.perf_counter() - started
        log("check: decode to the end, cold and warm …")
        with TreeMonitor() as check_mon:
            started = time.perf_counter()
            memo = ProbeMemo(run_dir)
            memo.probe("video", src)
            memo.probe("video-complete", src)
            memo.save()
            check_cold = time.perf_counter() - started
        started = time.perf_counter()
        memo = ProbeMemo(run_dir)
        memo.probe("video", src)
        memo.probe("video-complete", src)
        check_warm = time.perf_counter() - started
        with av.open(str(out)) as c:
            v = c.streams.video[0]
            out_desc = f"{v.codec_context.name} {v.codec_context.pix_fmt} {v.width}×{v.height}, {c.streams.audio[0].codec_context.name}"
            duration = c.duration / 1e6
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    size, out_size = src.stat().st_size, stats.bytes_encoded
    rows = [
        ("Source", f"{info.width}×{info.height} as shown ({info.video_codec} {info.pix_fmt}, rotation {info.rotation}°, "
                   f"VFR, {info.audio_codec}), {info.duration:.1f} s, {human_bytes(size)}", ""),
        ("Cold pipeline: hash, probe, transcode, poster", f"{cold:.1f} s wall, {cold_mon.cpu_seconds:.1f} s CPU "
                                                          f"({cold / info.duration:.2f} s per second of video)", ""),
        ("Plain PyAV loop, same encoder settings", f"{plain:.1f} s wall, {plain_mon.cpu_seconds:.1f} s CPU", ""),
        ("**Ratio pipeline / plain loop** (wall; CPU)",
         f"**{cold / plain:.2f}**; {cold_mon.cpu_seconds / plain_mon.cpu_seconds:.2f}", "≤ 1.2"),
        ("Output", f"{out_desc}; {human_bytes(out_size)}, **{out_size * 8 / 1000 / duration:.0f} kbit/s**",
         "≤ 2,500 video + 64–128 audio"),
        ("**Conversions on warm rebuild**", f"**{warm_stats.converted}** ({warm:.2f} s)", "0"),
        ("`check` decode to the end: cold / warm", f"{check_cold:.1f} s ({check_mon.cpu_seconds:.1f} s CPU) / "
                                                  f"**{check_warm * 1000:.0f} ms**", ""),
        ("Peak memory, process tree: pipeline / plain loop / check",
         f"{human_bytes(cold_mon.peak_total)} / {human_bytes(plain_mon.peak_total)} / {human_bytes(check_mon.peak_total)}", ""),
    ]
    print("| Measure | Result | Goal |\n|---|---|---|")
    for name, value, goal in rows:
        print(f"| {name} | {value} | {goal} |")


def hdr_table(src: Path) -> None:
    """The same HLG clip converted with tone mapping and through the SDR path: what tone mapping costs."""
    info = probe_video(src)
    assert info.hdr == "hlg", info
    args = (info.demuxer, info.video_codec, info.pix_fmt, info.audio_codec, info.width, info.height,
            info.rotation, src.stat().st_size, info.duration)
    run_dir = Path(tempfile.mkdtemp(prefix="fengcai-bench-hdr-"))
    try:
        started = time.perf_counter()
        lut_file(run_dir, HLG, source_peak(HLG))
        lut = time.perf_counter() - started
        timings = {}
        for name, hdr in (("sdr", ""), ("hdr", "hlg"), ("sdr2", ""), ("hdr2", "hlg")):   # twice, interleaved: noise
            log(f"{name} path …")
            with TreeMonitor() as mon:
                started = time.perf_counter()
                publish_video(src, run_dir / f"{name}.mp4", plan_video(*args, hdr=hdr), lut_dir=run_dir)
                timings[name] = (time.perf_counter() - started, mon.cpu_seconds)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    sdr = min(timings["sdr"], timings["sdr2"])
    hdr = min(timings["hdr"], timings["hdr2"])
    rows = [
        ("Source", f"{info.width}×{info.height} as shown ({info.video_codec} {info.pix_fmt}, HLG, rotation "
                   f"{info.rotation}°, VFR), {info.duration:.1f} s", ""),
        ("Tone-mapping LUT, made once into the cache", f"{lut:.1f} s", ""),
        ("SDR path (no tone mapping), best of 2", f"{sdr[0]:.1f} s wall, {sdr[1]:.1f} s CPU", ""),
        ("HDR path: scale → 16-bit RGB → lut3d → BT.709, best of 2", f"{hdr[0]:.1f} s wall, {hdr[1]:.1f} s CPU", ""),
        ("**Ratio HDR / SDR** (wall; CPU)", f"**{hdr[0] / sdr[0]:.2f}**; {hdr[1] / sdr[1]:.2f}", "≤ 1.5"),
    ]
    print("| Measure | Result | Goal |\n|---|---|---|")
    for name, value, goal in rows:
        print(f"| {name} | {value} | {goal} |")


def plain_transcode(src: Path, dest: Path) -> None:
    """What one writes from PyAV's examples: decode, reformat each frame, encode, mux. No rotation,
    no frame-rate cap, no cache; the same x264 settings and bitrate cap, so the work is comparable."""
    with av.open(str(src)) as inp, av.open(str(dest), "w") as out:
        vin, ain = inp.streams.video[0], inp.streams.audio[0]
        vin.thread_type = "AUTO"
        w, h = web_size(vin.codec_context.width, vin.codec_context.height)
        vout = out.add_stream("libx264", rate=vin.average_rate or 30)
        vout.width, vout.height, vout.pix_fmt = w, h, "yuv420p"
        vout.codec_context.time_base = vin.time_base
        vout.options = {**X264, "maxrate": "2500k", "bufsize": "5000k"}
        aout = out.add_stream("aac", rate=AUDIO_RATE)
        for packet in inp.demux(vin, ain):
            for frame in packet.decode():
                if packet.stream is vin:
                    frame = frame.reformat(width=w, height=h, format="yuv420p")
                    out.mux(vout.encode(frame))
                else:
                    out.mux(aout.encode(frame))
        out.mux(vout.encode(None))
        out.mux(aout.encode(None))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--size", type=parse_size, default=(3840, 2160), help="WIDTHxHEIGHT as stored (default 3840x2160)")
    parser.add_argument("--hdr", action="store_true", help="an HLG 10-bit clip: tone mapping vs the SDR path")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fengcai-bench"), help="where the source is kept")
    return parser.parse_args()


if __name__ == "__main__":
    main()
