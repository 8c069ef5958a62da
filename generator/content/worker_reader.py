"""workers/<id>/profile.yml + story.md → Worker."""

from __future__ import annotations

from pathlib import Path

from ..model.entities import AudioClip, Consent, GalleryItem, InlineStudio, Link, Video, Worker
from ..model.names import derive_pinyin, split_name
from ..model.source import Loc
from ..problems import Problem, error, warning
from .common import read_achievement, read_file_text, read_honor
from .fields import THIS_YEAR, FieldReader
from .limits import MAX_NAME
from .yaml_file import load_story_body, load_yaml_file

CONSENT_HINT = ("加上本人同意公开的记录（两行缩进两个空格）：「consent:」下面写「  date: 2025-03-12」（本人签字同意的日期）"
                "和「  note: 本人书面同意公开，同意书原件存协会档案」；还没有取得同意就写「draft: true」先不发布")


def read_worker(folder: Path, root: Path, problems: list[Problem]) -> Worker | None:
    wid = folder.name
    profile = folder / "profile.yml"
    rel = profile.relative_to(root).as_posix()
    if not profile.is_file():
        alt = next((p for p in (folder / "profile.yaml", folder / "Profile.yml") if p.is_file()), None)
        hint = f"把「{alt.name}」改名为 profile.yml" if alt else "每位劳模的文件夹里都要有 profile.yml（可以用 fengcai new worker 生成）"
        problems.append(error(Loc(rel), "缺少 profile.yml", hint, "worker.no-profile"))
        return None
    data, source = load_yaml_file(profile, root, problems)
    if data is None:
        return None
    r = FieldReader(data, source, problems, what="profile.yml")

    name = r.text("name", "姓名", required=True, max_len=MAX_NAME)
    override = r.text("name_pinyin", "姓名拼音")
    draft = r.boolean("draft", "草稿")
    w = Worker(
        id=wid, name=name, association=r.ref("association", "所属劳模协会编号", required=True),
        employer=r.text("employer", "工作单位", required=True),
        industry=r.text("industry", "行业", required=True),
        honors=r.objects("honors", "荣誉称号", read_honor, required=True, min_items=1),
        consent=_read_consent(r, required=not draft), folder=folder, source=source,
        position=r.text("position", "岗位/职务"),
        gender=r.enum("gender", "性别", {"男": "男", "女": "女"}),
        birth_year=r.year("birth_year", "出生年份", lo=1900, hi=THIS_YEAR - 14),
        portrait=r.media("portrait", "肖像照片"), portrait_alt=r.text("portrait_alt", "肖像说明"),
        quote=r.saying("quote", "格言/心语"),
        specialties=r.text_list("specialties", "技能专长"), services=r.text_list("services", "志愿服务"),
        achievements=r.objects("achievements", "技术创新成果", read_achievement),
        gallery=r.objects("gallery", "照片集", _read_gallery_item),
        videos=r.objects("videos", "视频", _read_video), audio=r.objects("audio", "音频", _read_audio),
        links=r.objects("links", "媒体报道链接", _read_link), tags=r.text_list("tags", "标签"),
        featured=r.boolean("featured", "首页推荐"), draft=draft, sample=r.boolean("sample", "示例内容"),
        namesakes=r.text_list("namesakes", "同名的其他人"), import_id=r.text("import_id", "表格导入编号"),
    )
    _read_studio(r, w)
    r.finish()
    if name:
        w.surname, w.given_name = split_name(name)
        w.pinyin, w.pinyin_syllables, ok = derive_pinyin(name, override)
        if not ok:
            problems.append(warning(source.loc("name_pinyin"), f"「name_pinyin」的拼音「{override}」与姓名「{name}」对不上，已改用自动生成的拼音「{w.pinyin}」",
                                    "每个字写一个音节，例如 name_pinyin: Shàn Xióngxìn", "worker.pinyin", source.line_text(source.loc("name_pinyin").line)))
    w.portrait_alt = w.portrait_alt or name

    w.story_md, w.story_source = load_story_body(folder / "story.md", root, problems)
    return w


def _read_consent(r: FieldReader, required: bool) -> Consent | None:
    sub = r.mapping("consent", "本人同意公开的记录", required=required, hint=CONSENT_HINT)
    if sub is None:
        return None
    d = sub.date("date", "同意日期", required=True)
    note = sub.text("note", "说明（如：书面同意书存档）")
    withdrawn = sub.date("withdrawn", "撤回同意的日期")
    sub.finish()
    return Consent(d, note, withdrawn) if d else None


def _read_studio(r: FieldReader, w: Worker) -> None:
    if not r.has("studio"):
        r.seen.add("studio")
        return
    value = r.data.get("studio")
    if isinstance(value, dict):
        sub = r.mapping("studio", "创新工作室")
        if sub is not None:
            w.studio_inline = InlineStudio(name=sub.text("name", "工作室名称", required=True),
                                           level=sub.level(), founded=sub.year("founded", "成立年份"))
            sub.finish()
    else:
        w.studio = r.ref("studio", "创新工作室编号")


def _read_gallery_item(r: FieldReader, _i: int) -> GalleryItem | None:
    f = r.media("file", "照片文件", required=True)
    caption = r.text("caption", "照片说明（也是给视障读者的替代文字）", required=True)
    return GalleryItem(f, caption) if f and caption else None


def _read_video(r: FieldReader, _i: int) -> Video | None:
    f = r.media("file", "视频文件", required=True)
    v = Video(file=f, title=r.text("title", "视频标题"), poster=r.media("poster", "封面图"),
              captions=r.media("captions", "字幕文件（WebVTT）"))
    return v if f else None


def _read_audio(r: FieldReader, _i: int) -> AudioClip | None:
    f = r.media("file", "音频文件", required=True)
    transcript, transcript_file = read_file_text(r, "transcript", "文字稿")
    a = AudioClip(file=f, title=r.text("title", "音频标题"), transcript=transcript, transcript_file=transcript_file)
    return a if f else None


def _read_link(r: FieldReader, _i: int) -> Link | None:
    title = r.text("title", "链接标题", required=True)
    url = r.url("url", "网址", required=True)
    return Link(title, url) if title and url else None
