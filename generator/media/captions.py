"""Validate WebVTT caption files the way browsers parse them, reporting every problem with its line."""

from __future__ import annotations

import re
from pathlib import Path

# "00:01.000" or "01:00:01.000"; browsers reject anything else (notably SRT's comma "00:00:01,000").
_TIMESTAMP = re.compile(r"^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$")
_SRT_TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}:\d{2},\d{3}$")

Problem = tuple[int, str, str]   # (1-based line, Chinese message, Chinese hint)


def check_vtt(path: Path) -> list[Problem]:
    """All problems in a caption file; [] when it is valid WebVTT."""
    path = Path(path)
    if not path.is_file():
        return [(0, f"找不到字幕文件 {path.name}", f"请检查文件名和路径：{path}")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return [(line, f"字幕文件 {path.name} 不是 UTF-8 编码（可能是 GBK）",
                 "请用记事本或 VS Code 打开，选择“另存为”并把编码设为 UTF-8")]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    problems: list[Problem] = []
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        hint = ("这看起来是 SRT 字幕：请在第一行写上 WEBVTT 并空一行，再把时间里的逗号改成句点"
                if _looks_like_srt(lines) else "WebVTT 字幕的第一行必须是 WEBVTT")
        problems.append((1, f"字幕文件 {path.name} 缺少 WEBVTT 文件头", hint))
    problems.extend(_check_cues(path.name, lines))
    return problems


def _check_cues(name: str, lines: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    previous_start = -1.0
    for number, line in enumerate(lines, start=1):
        if "-->" not in line:
            continue
        parts = line.split()
        start_text, end_text = (parts[0], parts[2]) if len(parts) >= 3 and parts[1] == "-->" else ("", "")
        start, end = _seconds(start_text), _seconds(end_text)
        if start is None or end is None:
            problems.append((number, f"字幕 {name} 第 {number} 行的时间格式不对：{line.strip()}", _timing_hint(line)))
            continue
        if start >= end:
            problems.append((number, f"字幕 {name} 第 {number} 行的结束时间不晚于开始时间：{line.strip()}",
                             "每条字幕的结束时间必须晚于开始时间"))
        if start < previous_start:
            problems.append((number, f"字幕 {name} 第 {number} 行的开始时间早于上一条字幕",
                             "请按时间先后顺序排列字幕"))
        previous_start = max(previous_start, start)
    return problems


def _seconds(text: str) -> float | None:
    m = _TIMESTAMP.match(text)
    if not m:
        return None
    hours, minutes, seconds, millis = m.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _timing_hint(line: str) -> str:
    if any(_SRT_TIMESTAMP.match(p) for p in line.split()):
        return "毫秒前要用句点而不是逗号：把 00:00:01,000 改成 00:00:01.000"
    return "正确写法如：00:00:01.000 --> 00:00:04.500（箭头两边各有一个空格）"


def _looks_like_srt(lines: list[str]) -> bool:
    return any(_SRT_TIMESTAMP.match(p) for line in lines[:10] if "-->" in line for p in line.split())
