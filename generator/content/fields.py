"""Typed reading of one YAML mapping, field by field, collecting every problem with its position.

Each loader function asks for the keys it knows (`r.text("name", required=True)`, `r.year(...)`),
then `r.finish()` reports the keys nobody asked for, with a did-you-mean.
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
from ..problems import Problem, error, warning

THIS_YEAR = dt.date.today().year
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FULLWIDTH_DIGITS = re.compile(r"[０-９]")
_FW_TRANS = str.maketrans("０１２３４５６７８９", "0123456789")
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

    def _get(self, key: str, required: bool, label: str):
        self.seen.add(key)
        value = self.data.get(key)
        if isinstance(value, str) and PLACEHOLDER.search(value):
            return None  # reported once, as an unfilled placeholder, by check.markdown_rules
        if value is None or value == "" or value == []:
            if required:
                if key in self.data:
                    self._err(self.path + (key,), f"「{key}」（{label}）不能为空", f"在「{key}:」后面填写{label}", "schema.required")
                else:
                    self.problems.append(error(self.loc(), f"缺少必填项「{key}」（{label}）",
                                               f"加一行「{key}: …」填写{label}", "schema.required", self._quote(self.loc())))
            return None
        return value

    def has(self, key: str) -> bool:
        return key in self.data

    # ---- scalar kinds --------------------------------------------------------------------
    def text(self, key: str, label: str, required: bool = False, default: str = "") -> str:
        v = self._get(key, required, label)
        if v is None:
            return default
        if isinstance(v, bool) or isinstance(v, (dict, list)):
            self._err(self.path + (key,), f"「{key}」（{label}）应该是一段文字，现在是{_describe(v)}",
                      "直接写文字；如果文字里有冒号或以特殊符号开头，用英文引号括起来", "schema.type")
            return default
        if isinstance(v, (dt.date, dt.datetime)):
            return v.isoformat()
        return str(v).strip()

    def integer(self, key: str, label: str, required: bool = False, lo: int | None = None,
                hi: int | None = None, unit: str = "") -> int | None:
        v = self._get(key, required, label)
        if v is None:
            return None
        p = self.path + (key,)
        if isinstance(v, str) and FULLWIDTH_DIGITS.search(v):
            fixed = v.translate(_FW_TRANS)
            self._err(p, f"「{key}」（{label}）用了全角数字「{v}」", f"改为半角数字「{fixed}」（切换到英文输入法输入）", "schema.fullwidth-digits")
            return None
        if isinstance(v, bool) or not isinstance(v, int):
            m = re.fullmatch(r"\s*(\d+)\s*(年|人|个|家|位)?\s*", str(v))
            hint = f"只写数字，例如「{key}: {m.group(1)}」" if m else f"写一个数字{('，单位是' + unit) if unit else ''}"
            self._err(p, f"「{key}」（{label}）应该是一个数字，现在是「{v}」", hint, "schema.type")
            return None
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            self._err(p, f"「{key}」（{label}）的值 {v} 不在合理范围（{lo}–{hi}）内", "检查是否写错了数字", "schema.range")
            return None
        return v

    def year(self, key: str, label: str, required: bool = False, lo: int = 1949, hi: int | None = None) -> int | None:
        return self.integer(key, label, required, lo, hi if hi is not None else THIS_YEAR + 1, "年")

    def number(self, key: str, label: str, required: bool = False) -> float | int | None:
        v = self._get(key, required, label)
        if v is None:
            return None
        if isinstance(v, str) and FULLWIDTH_DIGITS.search(v):
            self._err(self.path + (key,), f"「{key}」（{label}）用了全角数字「{v}」", f"改为半角数字「{v.translate(_FW_TRANS)}」", "schema.fullwidth-digits")
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            self._err(self.path + (key,), f"「{key}」（{label}）应该是一个数字，现在是「{v}」", "只写数字，单位写在 unit 里", "schema.type")
            return None
        return v

    def boolean(self, key: str, label: str, default: bool = False) -> bool:
        v = self._get(key, False, label)
        if v is None:
            return default
        if not isinstance(v, bool):
            guess = "true" if str(v).strip() in ("是", "对", "1", "Y", "y") else "false"
            self._err(self.path + (key,), f"「{key}」（{label}）只能写 true 或 false，现在是「{v}」",
                      f"写「{key}: {guess}」", "schema.type")
            return default
        return v

    def date(self, key: str, label: str, required: bool = False) -> dt.date | None:
        v = self._get(key, required, label)
        if v is None:
            return None
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        s = str(v)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s.strip()):
            try:
                return dt.date.fromisoformat(s.strip())  # a quoted date is still a date
            except ValueError:
                self._err(self.path + (key,), f"「{key}」（{label}）的日期「{s}」不存在", "检查月份和日期", "schema.date")
                return None
        if FULLWIDTH_DIGITS.search(s):
            self._err(self.path + (key,), f"「{key}」（{label}）用了全角数字「{s}」", f"改为半角数字，例如「{s.translate(_FW_TRANS)}」", "schema.fullwidth-digits")
            return None
        m = re.fullmatch(r"\s*(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?\s*", s)
        hint = f"写成「{key}: {int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}」" if m else f"写成「{key}: 2025-03-12」这样的格式"
        self._err(self.path + (key,), f"「{key}」（{label}）的日期格式不对：「{s}」", hint, "schema.date")
        return None

    def enum(self, key: str, label: str, choices: dict[str, str], required: bool = False, default: str = "") -> str:
        """`choices` maps each allowed value to its Chinese meaning (for the hint)."""
        v = self._get(key, required, label)
        if v is None:
            return default
        s = str(v).strip()
        if s in choices:
            return s
        by_label = {lab: k for k, lab in choices.items()}
        guess = by_label.get(s) or did_you_mean(s, choices)
        allowed = "、".join(f"{k}（{lab}）" for k, lab in choices.items())
        hint = f"你是不是想写「{key}: {guess}」？" if guess else ""
        self._err(self.path + (key,), f"「{key}」（{label}）的值「{s}」不在可选范围内", (hint + "可选：" + allowed), "schema.enum")
        return default

    def level(self, key: str = "level", label: str = "级别", required: bool = False) -> str:
        return self.enum(key, label, {k: LEVEL_LABELS[k] for k in LEVELS}, required)

    def slug(self, key: str, label: str, required: bool = False) -> str:
        s = self.text(key, label, required)
        if s and not SLUG.match(s):
            self._err(self.path + (key,), f"「{key}」（{label}）的值「{s}」不是有效的编号",
                      "编号只能用小写字母、数字和连字符，例如 nanxun、sun-meijin", "schema.slug")
            return ""
        return s

    def url(self, key: str, label: str, required: bool = False) -> str:
        s = self.text(key, label, required)
        if s and not re.match(r"^https?://[^\s/$.?#].[^\s]*$", s, re.I):
            self._err(self.path + (key,), f"「{key}」（{label}）不是有效的网址：「{s}」",
                      "只能填写以 http:// 或 https:// 开头的网址", "schema.url")
            return ""
        return s

    def text_list(self, key: str, label: str, required: bool = False) -> list[str]:
        v = self._get(key, required, label)
        if v is None:
            return []
        if isinstance(v, str):
            self._err(self.path + (key,), f"「{key}」（{label}）应该是列表", f"每项单独一行，以「- 」开头，例如：\n{key}:\n  - {v}", "schema.type")
            return []
        if not isinstance(v, list):
            self._err(self.path + (key,), f"「{key}」（{label}）应该是列表，现在是{_describe(v)}", "每项单独一行，以「- 」开头", "schema.type")
            return []
        out = []
        for i, item in enumerate(v):
            if isinstance(item, (dict, list)) or item is None:
                self._err(self.path + (key, i), f"「{key}」的第 {i + 1} 项应该是一段文字", "每项写成「- 文字」", "schema.type")
                continue
            out.append(str(item).strip())
        return out

    def objects(self, key: str, label: str, read_one: Callable[["FieldReader", int], Any],
                required: bool = False, min_items: int = 0) -> list:
        """A list of mappings; `read_one(sub_reader, index)` returns an object or None."""
        v = self._get(key, required, label)
        if v is None:
            return []
        if not isinstance(v, list):
            self._err(self.path + (key,), f"「{key}」（{label}）应该是列表，每项以「- 」开头，现在是{_describe(v)}",
                      "参照示例文件的写法", "schema.type")
            return []
        out = []
        for i, item in enumerate(v):
            sub = self.sub((key, i), item, f"「{key}」的第 {i + 1} 项")
            obj = read_one(sub, i)
            sub.finish()
            if obj is not None:
                out.append(obj)
        if len(v) < min_items:
            self._err(self.path + (key,), f"「{key}」（{label}）至少要有 {min_items} 项", "按示例补充", "schema.required")
        return out

    def sub(self, rel_path: tuple, data: Any, what: str) -> "FieldReader":
        return FieldReader(data, self.source, self.problems, self.path + tuple(rel_path), what, self.folder)

    def mapping(self, key: str, label: str, required: bool = False) -> "FieldReader | None":
        v = self._get(key, required, label)
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
        for key in self.data:
            if key in allowed:
                continue
            guess = did_you_mean(str(key), allowed)
            hint = f"你是不是想写「{guess}」？" if guess else "可用的键：" + "、".join(sorted(allowed))
            self._err(self.path + (key,), f"不认识的键「{key}」", hint, "schema.unknown-key", key_loc=True)


def resolve_media(rel: str, folder: Path, loc: Loc, problems: list[Problem], quote: str = "") -> Media | None:
    hint_inside = "把文件放进这个条目自己的文件夹，并只写文件名，例如 portrait: portrait.jpg"
    if rel.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", rel) or "://" in rel:
        problems.append(error(loc, f"文件路径「{rel}」是绝对路径或网址", hint_inside, "media.path", quote))
        return None
    parts = re.split(r"[\\/]+", rel)
    if ".." in parts:
        problems.append(error(loc, f"文件路径「{rel}」跳出了所在文件夹（含有 ..）", hint_inside, "media.path", quote))
        return None
    path = folder.joinpath(*parts)
    try:
        real = Path(os.path.realpath(path))
        base = Path(os.path.realpath(folder))
    except OSError:
        real, base = path, folder
    if base != real and base not in real.parents:
        problems.append(error(loc, f"文件「{rel}」是指向文件夹外部的链接", hint_inside, "media.path", quote))
        return None
    if not path.is_file():
        near = [f.name for f in folder.iterdir() if f.is_file() and f.suffix.lower() not in (".yml", ".yaml", ".md")] if folder.is_dir() else []
        guess = did_you_mean(parts[-1], near)
        hint = f"你是不是想写「{guess}」？" if guess else "把文件放进这个文件夹，并核对文件名和扩展名（大小写也要一致）"
        problems.append(error(loc, f"找不到文件「{rel}」", hint, "media.missing", quote))
        return None
    return Media(rel=rel, path=path, loc=loc)


def _describe(v: Any) -> str:
    if isinstance(v, bool):
        return "真假值"
    if isinstance(v, (int, float)):
        return f"数字 {v}"
    if isinstance(v, dict):
        return "一组「键: 值」"
    if isinstance(v, list):
        return "列表"
    if isinstance(v, (dt.date, dt.datetime)):
        return f"日期 {v}"
    return f"「{v}」"
