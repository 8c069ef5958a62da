"""Typed reading of one YAML mapping, field by field, collecting every problem with its position.

Each loader function asks for the keys it knows (`r.text("name", required=True)`, `r.year(...)`),
then `r.finish()` reports the keys nobody asked for, with a did-you-mean. Every scalar arrives as the
string the editor typed; the typed kinds parse it (values.py) and say why when they cannot.
Lengths and item counts have limits real content never reaches (docs/CONTENT-MODEL.md).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from pathlib import Path
from typing import Any, Callable

from ..model.entities import Media
from ..model.honors import LEVEL_LABELS, LEVELS
from ..model.source import Loc, Source
from ..problems import Problem, error, shorten, warning
from .limits import MAX_LIST_ITEM, MAX_LIST_ITEMS, MAX_OBJECTS, MAX_REPORTED, MAX_TEXT
from .values import Refusal, parse_bool, parse_date, parse_int, parse_number

THIS_YEAR = dt.date.today().year
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_OPENING, _CLOSING = "“「『\"'‘＂", "”」』\"'’＂"
INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff]")
# what `fengcai new` writes where the editor still has to fill something in; check reports each one
PLACEHOLDER = re.compile(r"【待填写[^】]*】")

# Chinese words editors may type instead of our English keys → the key they meant
KEY_SYNONYMS = {
    "姓名": "name", "名字": "name", "拼音": "name_pinyin", "协会": "association", "所属协会": "association",
    "单位": "employer", "工作单位": "employer", "岗位": "position", "职务": "position", "行业": "industry",
    "性别": "gender", "出生年份": "birth_year", "出生年": "birth_year", "荣誉": "honors", "荣誉称号": "honors",
    "称号": "title", "级别": "level", "年份": "year", "授予单位": "awarded_by", "照片": "portrait",
    "肖像": "portrait", "格言": "quote", "心语": "quote", "工作室": "studio", "专长": "specialties",
    "服务": "services", "成果": "achievements", "相册": "gallery", "视频": "videos", "音频": "audio",
    "链接": "links", "标签": "tags", "推荐": "featured", "同意": "consent", "草稿": "draft",
    "标题": "title", "日期": "date", "说明": "caption", "文件": "file", "字幕": "captions", "封面": "poster",
    "简介": "summary", "人数": "members", "成员": "members", "地址": "address", "电话": "phone",
}
_SYNONYMS_OF: dict[str, list[str]] = {}
for _word, _key in KEY_SYNONYMS.items():
    _SYNONYMS_OF.setdefault(_key, []).append(_word)

# what editors write for an honour level → the level (reported with this suggestion, never converted)
LEVEL_ALIASES = {
    **{w: "national" for w in ("国家级", "全国", "国家", "全国性", "中央", "部级", "国家部委")},
    **{w: "provincial" for w in ("省", "省部级", "浙江省", "浙江", "省级荣誉")},
    **{w: "municipal" for w in ("市", "地市级", "湖州市", "湖州", "设区市")},
    **{w: "county" for w in ("区", "县", "区级", "县级", "区县", "县区", "县区级", "县（区）级", "区（县）级", "县市区")},
    **{w: k for k, ws in {"national": ("nation", "country"), "provincial": ("province",),
                           "municipal": ("city", "municipality"), "county": ("district",)}.items() for w in ws},
}


def did_you_mean(word: str, choices) -> str | None:
    choices = list(choices)
    if word in KEY_SYNONYMS and KEY_SYNONYMS[word] in choices:
        return KEY_SYNONYMS[word]
    m = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not m:
        m = difflib.get_close_matches(word.lower().replace(" ", "_"), choices, n=1, cutoff=0.6)
    return m[0] if m else None


class FieldReader:
    """Reads typed values from `data` (a mapping at `path` inside `source`)."""

    def __init__(self, data: Any, source: Source, problems: list[Problem], path: tuple = (),
                 what: str = "", folder: Path | None = None):
        self.source, self.problems, self.path, self.what = source, problems, path, what
        self.folder = folder if folder is not None else source.path.parent
        self.seen: set[str] = set()
        if isinstance(data, dict):
            self.data = data
        else:
            self.data = {}
            if data is not None:
                self._err(path, f"{what or '这里'}应该是「键: 值」的列表，现在是{_describe(data)}",
                          "参照示例文件的写法，每行一个「键: 值」", "schema.type")

    # ---- plumbing ------------------------------------------------------------------------
    def loc(self, key=None) -> Loc:
        return self.source.loc(*self.path, key) if key is not None else self.source.loc(*self.path)

    def _quote(self, loc: Loc) -> str:
        return self.source.line_text(loc.line)

    def _err(self, path: tuple, msg: str, hint: str, code: str, key_loc: bool = False) -> None:
        loc = self.source.key_loc(*path) if key_loc else self.source.loc(*path)
        self.problems.append(error(loc, msg, hint, code, self._quote(loc)))

    def _warn(self, path: tuple, msg: str, hint: str, code: str) -> None:
        loc = self.source.loc(*path)
        self.problems.append(warning(loc, msg, hint, code, self._quote(loc)))

    def _get(self, key: str, required: bool, label: str, hint: str = ""):
        self.seen.add(key)
        if key not in self.data:
            self._chinese_key(key)
        value = self.data.get(key)
        if isinstance(value, str) and PLACEHOLDER.search(value):
            return None  # reported once, as an unfilled placeholder, by check.markdown_rules
        if value is None or value == "" or value == []:
            if required:
                if key in self.data:
                    self._err(self.path + (key,), f"「{key}」（{label}）不能为空", f"在「{key}:」后面填写{label}", "schema.required")
                else:
                    self.problems.append(error(self.loc(), f"缺少必填项「{key}」（{label}）",
                                               hint or f"加一行「{key}: …」填写{label}", "schema.required", self._quote(self.loc())))
            return None
        return value

    def _chinese_key(self, key: str) -> None:
        """`姓名: 孙梅金` for `name`: one problem that shows the English key; the value is still read."""
        word = next((w for w in _SYNONYMS_OF.get(key, ()) if w in self.data and w not in self.seen), None)
        if word is None:
            return
        self.seen.add(word)
        value = self.data.pop(word)
        self.data[key] = value
        old, new = self.path + (word,), self.path + (key,)
        n = len(old)
        for p in [p for p in self.source.positions if p[:n] == old]:
            self.source.positions[new + p[n:]] = self.source.positions[p]
        shown = f"{key}: {shorten(value, 20)}" if isinstance(value, str) else f"{key}:"
        self._err(new, f"键名「{word}」要用英文写成「{key}」", f"改成「{shown}」（英文键名，半角冒号，冒号后空一格）",
                  "schema.chinese-key", key_loc=True)

    def has(self, key: str) -> bool:
        if key not in self.data:
            self._chinese_key(key)
        return key in self.data

    # ---- scalar kinds --------------------------------------------------------------------
    def text(self, key: str, label: str, required: bool = False, default: str = "",
             max_len: int = MAX_TEXT) -> str:
        v = self._get(key, required, label)
        if v is None:
            return default
        if isinstance(v, (dict, list)):
            self._err(self.path + (key,), f"「{key}」（{label}）应该是一段文字，现在是{_describe(v)}",
                      "直接写文字；如果文字里有冒号或以特殊符号开头，用英文引号括起来", "schema.type")
            return default
        s = str(v).strip()
        if len(s) > max_len:
            self._err(self.path + (key,), f"「{key}」（{label}）太长：{len(s)} 个字，最多 {max_len} 个",
                      "检查是不是把别的内容也粘贴进来了；长的介绍请写在 Markdown 正文里", "schema.too-long")
            return s[:max_len]
        return s

    def _typed(self, key: str, label: str, required: bool, parse: Callable[[str], Any]):
        """The value of `key` parsed by `parse(string)`, or None (reported) when it is not that kind."""
        v = self._get(key, required, label)
        if v is None:
            return None
        if isinstance(v, (dict, list)):
            self._err(self.path + (key,), f"「{key}」（{label}）应该是一个值，现在是{_describe(v)}", "参照示例文件的写法", "schema.type")
            return None
        got = parse(str(v))
        if isinstance(got, Refusal):
            sep = "" if got.message.startswith("的") else "："
            self._err(self.path + (key,), f"「{key}」（{label}）{sep}{got.message}", got.hint, got.code)
            return None
        return got

    def integer(self, key: str, label: str, required: bool = False, lo: int | None = None,
                hi: int | None = None, unit: str = "") -> int | None:
        v = self._typed(key, label, required, lambda s: parse_int(s, key, unit))
        if v is None:
            return None
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            typed = shorten(str(self.data.get(key, v)).strip())
            self._err(self.path + (key,), f"「{key}」（{label}）的值 {typed} 不在合理范围（{lo}–{hi}）内", "检查是否写错了数字", "schema.range")
            return None
        return v

    def year(self, key: str, label: str, required: bool = False, lo: int = 1949, hi: int | None = None) -> int | None:
        return self.integer(key, label, required, lo, hi if hi is not None else THIS_YEAR + 1, "年")

    def number(self, key: str, label: str, required: bool = False) -> float | int | None:
        return self._typed(key, label, required, lambda s: parse_number(s, key))

    def boolean(self, key: str, label: str, default: bool = False) -> bool:
        v = self._typed(key, label, False, lambda s: parse_bool(s, key))
        return default if v is None else v

    def date(self, key: str, label: str, required: bool = False) -> dt.date | None:
        return self._typed(key, label, required, lambda s: parse_date(s, key))

    def enum(self, key: str, label: str, choices: dict[str, str], required: bool = False, default: str = "",
             aliases: dict[str, str] | None = None) -> str:
        """`choices` maps each allowed value to its Chinese meaning (for the hint); `aliases` maps what
        editors write instead to the value they meant (suggested, not accepted)."""
        s = self.text(key, label, required)
        if not s:
            return default
        if s in choices:
            return s
        by_label = {lab: k for k, lab in choices.items()}
        guess = (by_label.get(s) or (aliases or {}).get(s) or (aliases or {}).get(s.lower())
                 or did_you_mean(s, choices) or did_you_mean(s.lower(), choices))
        allowed = "、".join(f"{k}（{lab}）" for k, lab in choices.items())
        hint = f"你是不是想写「{key}: {guess}」（{choices[guess]}）？" if guess in choices else ""
        self._err(self.path + (key,), f"「{key}」（{label}）的值「{shorten(s)}」不在可选范围内", (hint + "可选：" + allowed), "schema.enum")
        return default

    def level(self, key: str = "level", label: str = "级别", required: bool = False) -> str:
        return self.enum(key, label, {k: LEVEL_LABELS[k] for k in LEVELS}, required, aliases=LEVEL_ALIASES)

    def saying(self, key: str, label: str) -> str:
        """A saying the site and the booklet print inside quotation marks: marks typed around it would
        show twice, so they are taken off, with a warning."""
        s = self.text(key, label)
        if len(s) > 1 and s[0] in _OPENING and s[-1] in _CLOSING and not any(c in _OPENING + _CLOSING for c in s[1:-1]):
            self._warn(self.path + (key,), f"「{key}」（{label}）两边的引号不用写：网站和小册子会自动加上引号，这里已去掉",
                       f"直接写「{key}: {shorten(s[1:-1].strip(), 20)}」", "schema.quote-marks")
            return s[1:-1].strip()
        return s

    def ref(self, key: str, label: str, required: bool = False) -> str:
        """The id of another item, as typed: check.references says when no item has it (and which one
        was meant, when the editor wrote its name instead)."""
        return self.text(key, label, required, max_len=MAX_LIST_ITEM)

    def url(self, key: str, label: str, required: bool = False) -> str:
        s = self.text(key, label, required)
        if s and not re.match(r"^https?://[^\s/$.?#].[^\s]*$", s, re.I):
            self._err(self.path + (key,), f"「{key}」（{label}）不是有效的网址：「{shorten(s)}」",
                      "只能填写以 http:// 或 https:// 开头的网址", "schema.url")
            return ""
        return s

    def text_list(self, key: str, label: str, required: bool = False, max_items: int = MAX_LIST_ITEMS) -> list[str]:
        v = self._get(key, required, label)
        if v is None:
            return []
        if isinstance(v, str):
            self._err(self.path + (key,), f"「{key}」（{label}）应该是列表", f"每项单独一行，以「- 」开头，例如：\n{key}:\n  - {shorten(v)}", "schema.type")
            return []
        if not isinstance(v, list):
            self._err(self.path + (key,), f"「{key}」（{label}）应该是列表，现在是{_describe(v)}", "每项单独一行，以「- 」开头", "schema.type")
            return []
        if not self._count_ok(key, label, v, max_items):
            v = v[:max_items]
        out, wrong = [], []
        for i, item in enumerate(v):
            if isinstance(item, (dict, list)) or item is None:
                wrong.append(i)
                continue
            item = item.strip()
            if len(item) > MAX_LIST_ITEM:
                self._err(self.path + (key, i), f"「{key}」的第 {i + 1} 项太长：{len(item)} 个字，最多 {MAX_LIST_ITEM} 个",
                          "每项写一个简短的词或短语", "schema.too-long")
                item = item[:MAX_LIST_ITEM]
            out.append(item)
        self._wrong_items(key, wrong, lambda i: "应该是一段文字", "每项写成「- 文字」")
        return out

    def _wrong_items(self, key: str, wrong: list[int], what: Callable[[int], str], hint: str, shown: int = MAX_REPORTED) -> None:
        """Items of the wrong kind: the first few one by one, then one line for the rest."""
        for i in wrong[:shown]:
            self._err(self.path + (key, i), f"「{key}」的第 {i + 1} 项{what(i)}", hint, "schema.type")
        if len(wrong) > shown:
            self._err(self.path + (key, wrong[shown]), f"「{key}」还有 {len(wrong) - shown} 项也是这样（第 {wrong[shown] + 1} 项起）",
                      hint, "schema.type")

    def _count_ok(self, key: str, label: str, items: list, max_items: int) -> bool:
        if len(items) <= max_items:
            return True
        self._err(self.path + (key,), f"「{key}」（{label}）有 {len(items)} 项，最多 {max_items} 项",
                  "检查是不是粘贴了重复的内容；只保留最重要的几项", "schema.too-many", key_loc=True)
        return False

    def objects(self, key: str, label: str, read_one: Callable[["FieldReader", int], Any],
                required: bool = False, min_items: int = 0, max_items: int = MAX_OBJECTS) -> list:
        """A list of mappings; `read_one(sub_reader, index)` returns an object or None."""
        v = self._get(key, required, label)
        if v is None:
            return []
        if not isinstance(v, list):
            self._err(self.path + (key,), f"「{key}」（{label}）应该是列表，每项以「- 」开头，现在是{_describe(v)}",
                      "参照示例文件的写法", "schema.type")
            return []
        if not self._count_ok(key, label, v, max_items):
            v = v[:max_items]
        out, wrong = [], []
        for i, item in enumerate(v):
            if not isinstance(item, dict):  # one problem for the item, not one per key it lacks
                wrong.append(i)
                continue
            sub = self.sub((key, i), item, f"「{key}」的第 {i + 1} 项")
            obj = read_one(sub, i)
            sub.finish()
            if obj is not None:
                out.append(obj)
        self._wrong_items(key, wrong, lambda i: f"应该是一组「键: 值」，现在是{'空的' if v[i] is None else _describe(v[i])}",
                          "参照示例文件：每项以「- 」开头，同一项的各个键上下对齐")
        if len(v) < min_items:
            self._err(self.path + (key,), f"「{key}」（{label}）至少要有 {min_items} 项", "按示例补充", "schema.required")
        return out

    def sub(self, rel_path: tuple, data: Any, what: str) -> "FieldReader":
        return FieldReader(data, self.source, self.problems, self.path + tuple(rel_path), what, self.folder)

    def mapping(self, key: str, label: str, required: bool = False, hint: str = "") -> "FieldReader | None":
        """A nested mapping; `hint` replaces the generic "add a line" when a required one is missing."""
        v = self._get(key, required, label, hint)
        if v is None:
            return None
        return self.sub((key,), v, f"「{key}」（{label}）")

    # ---- media -----------------------------------------------------------------------------
    def media(self, key: str, label: str, required: bool = False) -> Media | None:
        """A file path relative to the item's folder; never outside it, never absolute, never a link out."""
        rel = self.text(key, label, required)
        if not rel:
            return None
        p = self.path + (key,)
        return resolve_media(rel, self.folder, self.source.loc(*p), self.problems, self._quote(self.source.loc(*p)))

    # ---- unknown keys ----------------------------------------------------------------------
    def finish(self, extra_allowed: tuple = ()) -> None:
        allowed = self.seen | set(extra_allowed)
        unknown = [key for key in self.data if key not in allowed]
        for key in unknown[:MAX_REPORTED]:
            visible = INVISIBLE.sub("", str(key)).strip()
            guess = did_you_mean(visible, allowed)
            hint = f"你是不是想写「{guess}」？" if guess else "可用的键：" + "、".join(sorted(allowed))
            if visible != str(key).strip():
                hint = "键名里有看不见的字符（常见于从网页或微信复制的文字），请删掉这个键重新输入；" + hint
            self._err(self.path + (key,), f"不认识的键「{shorten(key)}」", hint, "schema.unknown-key", key_loc=True)
        if len(unknown) > MAX_REPORTED:
            key = unknown[MAX_REPORTED]
            self._err(self.path + (key,), f"还有 {len(unknown) - MAX_REPORTED} 个不认识的键（「{shorten(key)}」起）",
                      "检查是不是粘贴了别的内容；可用的键：" + "、".join(sorted(allowed)), "schema.unknown-key", key_loc=True)


def resolve_media(rel: str, folder: Path, loc: Loc, problems: list[Problem], quote: str = "") -> Media | None:
    hint_inside = "把文件放进这个条目自己的文件夹，并只写文件名，例如 portrait: portrait.jpg"
    shown = shorten(rel)
    if rel.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", rel) or "://" in rel:
        problems.append(error(loc, f"文件路径「{shown}」是绝对路径或网址", hint_inside, "media.path", quote))
        return None
    parts = re.split(r"[\\/]+", rel)
    if ".." in parts:
        problems.append(error(loc, f"文件路径「{shown}」跳出了所在文件夹（含有 ..）", hint_inside, "media.path", quote))
        return None
    if any(ord(c) < 32 for c in rel) or any(len(p.encode("utf-8", "replace")) > 255 for p in parts):
        problems.append(error(loc, f"「{shown}」不是有效的文件名", "只写文件名，例如 portrait.jpg", "media.path", quote))
        return None
    path = folder.joinpath(*parts)
    try:
        real = Path(os.path.realpath(path))
        base = Path(os.path.realpath(folder))
        is_file = path.is_file()
    except (OSError, ValueError):
        real, base, is_file = path, folder, False
    if base != real and base not in real.parents:
        problems.append(error(loc, f"文件「{shown}」是指向文件夹外部的链接", hint_inside, "media.path", quote))
        return None
    if not is_file:
        near = _files_in(folder)
        guess = did_you_mean(parts[-1], near)
        hint = f"你是不是想写「{guess}」？" if guess else "把文件放进这个文件夹，并核对文件名和扩展名（大小写也要一致）。"
        if near:
            hint += "这个文件夹里有：" + "、".join(near[:12]) + ("…" if len(near) > 12 else "")
        else:
            hint += "这个文件夹里还没有照片或视频文件"
        problems.append(error(loc, f"找不到文件「{shown}」", hint, "media.missing", quote))
        return None
    return Media(rel=rel, path=path, loc=loc)


def _files_in(folder: Path) -> list[str]:
    """Media files an editor could have meant (not the content files themselves), sorted by name."""
    try:
        return sorted(f.name for f in folder.iterdir()
                      if f.is_file() and not f.name.startswith(".") and f.suffix.lower() not in (".yml", ".yaml", ".md"))
    except OSError:
        return []


def _describe(v: Any) -> str:
    if isinstance(v, dict):
        return "一组「键: 值」"
    if isinstance(v, list):
        return "列表"
    return f"「{shorten(v)}」"
