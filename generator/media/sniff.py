"""Guess what a file really is from its first bytes, to tell editors "this .jpg is actually a PDF"."""

from __future__ import annotations

from pathlib import Path

# (magic prefix, offset, Chinese name of the kind). Checked in order; first match wins.
_SIGNATURES: list[tuple[bytes, int, str]] = [
    (b"\xff\xd8\xff", 0, "JPEG 图片"),
    (b"\x89PNG\r\n\x1a\n", 0, "PNG 图片"),
    (b"GIF8", 0, "GIF 图片"),
    (b"BM", 0, "BMP 图片"),
    (b"II*\x00", 0, "TIFF 图片"),
    (b"MM\x00*", 0, "TIFF 图片"),
    (b"%PDF", 0, "PDF 文档"),
    (b"PK\x03\x04", 0, "压缩包或 Office 文档（docx/xlsx）"),
    (b"\xd0\xcf\x11\xe0", 0, "旧版 Office 文档（doc/xls/ppt）"),
    (b"Rar!", 0, "RAR 压缩包"),
    (b"7z\xbc\xaf", 0, "7z 压缩包"),
    (b"\x1a\x45\xdf\xa3", 0, "MKV/WebM 视频"),
    (b"ID3", 0, "MP3 音频"),
    (b"OggS", 0, "Ogg 音频"),
    (b"fLaC", 0, "FLAC 音频"),
    (b"#!AMR", 0, "AMR 录音"),
]

# ISO-BMFF major brands (bytes 8..12 after "ftyp" at 4..8).
_FTYP_BRANDS = {
    b"heic": "HEIC 图片", b"heix": "HEIC 图片", b"mif1": "HEIC 图片", b"msf1": "HEIC 图片",
    b"avif": "AVIF 图片", b"qt  ": "QuickTime（.mov）视频", b"M4A ": "M4A 音频",
}


def sniff_kind(path: Path) -> str:
    """A short Chinese description of what the file's bytes look like ("PDF 文档"), or "" if unknown."""
    with open(path, "rb") as f:
        head = f.read(512)
    if head[4:8] == b"ftyp":
        return _FTYP_BRANDS.get(head[8:12], "MP4 视频")
    if head[:4] == b"RIFF":
        return {b"WEBP": "WebP 图片", b"AVI ": "AVI 视频", b"WAVE": "WAV 音频"}.get(head[8:12], "RIFF 文件")
    for magic, offset, kind in _SIGNATURES:
        if head[offset:offset + len(magic)] == magic:
            return kind
    if looks_like_svg(head):
        return "SVG 矢量图"
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text[:1] == b"<":
        return "网页或 XML 文本"
    try:
        head.decode("utf-8")
        return "纯文本"
    except UnicodeDecodeError:
        return ""


def looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()[:512].lower()
    return text.startswith(b"<svg") or (text.startswith((b"<?xml", b"<!doctype svg")) and b"<svg" in text)
