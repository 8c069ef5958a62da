"""Every file an editor names: is it really that kind of file, usable, safe, and sharp enough to print."""

from __future__ import annotations

from ..media.errors import MediaError
from ..media.printsize import check_print_resolution
from ..media.probe import check_vtt
from ..model.corpus import Model
from ..model.entities import Media
from ..model.source import Loc
from ..print_sizes import DPI, PORTRAIT_MM
from ..problems import Problem, error, warning
from .probe_memo import ProbeMemo
from .sources import media_rel

def _image(memo: ProbeMemo, m: Media | None, out: list[Problem], print_mm: tuple[float, float] | None = None):
    if m is None:
        return None
    try:
        info = memo.probe("image", m.path)
    except MediaError as e:
        out.append(error(m.loc, e.message, e.hint, "media.image"))
        return None
    _personal_metadata(memo, m, out)
    if print_mm:
        chk = check_print_resolution(m.rel, info.width, info.height, *print_mm, dpi=DPI)
        if not chk.ok:
            out.append(warning(m.loc, chk.message, "向本人或单位要一张更清晰的原图（手机原图即可，不要用微信压缩过的图片）", "media.print-resolution"))
    return info


def _personal_metadata(memo: ProbeMemo, m: Media, out: list[Problem], noun: str = "照片") -> None:
    """The published copies never carry metadata, but the repository's own file is public too when
    the repository is (GitHub): a photo or a video taken at home carries the home's position."""
    try:
        found = memo.probe("metadata", m.path).personal
    except (OSError, MediaError):
        return
    if found:
        what = "拍摄地点（GPS）或相机序列号、拍摄者等信息" if noun == "照片" else "录制地点（GPS）"
        out.append(warning(m.loc, f"{noun} {m.rel} 里带有{what}：网站和小册子发布的文件已经去掉了，"
                           "但仓库里的这个原文件公开时，别人仍能看到",
                           f"在项目根目录运行 fengcai clean-media 去掉这些信息（{noun}内容不变），再提交改动",
                           "privacy.media-metadata"))


def _playable(memo: ProbeMemo, m: Media, kind: str, out: list[Problem]) -> None:
    """The file opens and decodes to its end. Any format FFmpeg reads is fine: the build converts
    it for browsers by itself (media/avspecs.py), so there is nothing for the editor to convert."""
    try:
        memo.probe(kind, m.path)
        memo.probe(f"{kind}-complete", m.path)
    except MediaError as e:
        out.append(error(m.loc, e.message, e.hint, "media.incomplete" if e.incomplete else f"media.{kind}"))
        return
    _personal_metadata(memo, m, out, "视频" if kind == "video" else "录音")


def _captions(m: Media, out: list[Problem]) -> None:
    if m.suffix != ".vtt":
        out.append(error(m.loc, f"字幕文件 {m.rel} 不是 WebVTT（.vtt）格式", "把字幕另存为 .vtt：SRT 字幕只需在第一行写上 WEBVTT 并空一行，再把时间里的逗号改成句点，然后把文件名改为 .vtt", "media.captions"))
        return
    for line, msg, hint in check_vtt(m.path):
        out.append(error(Loc(media_rel(m), line, 1) if line else m.loc, msg, hint, "media.captions"))


def check(model: Model, wanted=lambda file: True) -> list[Problem]:
    """`wanted(file)`: only probe the media of items whose file passes (for `check --changed`)."""
    out: list[Problem] = []
    paper = (model.site.booklet or {}).get("paper", "A5")
    memo = ProbeMemo(model.root)
    images = _images(model, wanted)
    memo.warm([("image", m.path) for m in images] + [("metadata", m.path) for m in images])
    for w in model.workers.values():
        if not wanted(w.source.rel):
            continue
        _image(memo, w.portrait, out, PORTRAIT_MM.get(paper, PORTRAIT_MM["A5"]))
        for g in w.gallery:
            _image(memo, g.file, out)
        for v in w.videos:
            if v.file.kind != "video":
                out.append(error(v.file.loc, f"{v.file.rel} 不是视频文件", "手机拍的视频（MOV、MP4）都可以直接用，生成网站时会自动转换", "media.video"))
            else:
                _playable(memo, v.file, "video", out)
            _image(memo, v.poster, out)
            if v.captions:
                _captions(v.captions, out)
            else:
                out.append(warning(v.file.loc, f"视频 {v.file.rel} 没有字幕文件", "为听障读者加上字幕：在这一项里加 captions: 字幕.vtt", "media.no-captions"))
        for a in w.audio:
            if a.file.kind != "audio":
                out.append(error(a.file.loc, f"{a.file.rel} 不是音频文件", "录音（M4A、MP3、WAV、微信 AMR 语音）都可以直接用，生成网站时会自动转换", "media.audio"))
            else:
                _playable(memo, a.file, "audio", out)
            if not a.transcript.strip():
                out.append(warning(a.file.loc, f"音频 {a.file.rel} 没有文字稿", "为听障读者加上文字稿：transcript: 文字内容", "media.no-transcript"))
    for a in model.associations.values():
        if not wanted(a.source.rel):
            continue
        _image(memo, a.logo, out)
        _image(memo, a.cover, out)
    for c in model.collectives.values():
        if not wanted(c.source.rel):
            continue
        _image(memo, c.photo, out)
    for s in model.studios.values():
        if not wanted(s.source.rel):
            continue
        _image(memo, s.photo, out)
    for st in model.stories.values():
        if not wanted(st.source.rel):
            continue
        _image(memo, st.cover, out)
    for p in model.products.values():
        if wanted(p.source.rel):
            for ph in p.photos:
                _image(memo, ph.file, out)
    memo.save()
    return out


def _images(model: Model, wanted) -> list[Media]:
    """Every image of the items in scope, for probing in parallel up front."""
    out: list[Media] = []
    for w in model.workers.values():
        if wanted(w.source.rel):
            out += [w.portrait] + [g.file for g in w.gallery] + [v.poster for v in w.videos]
    for group, attrs in ((model.associations, ("logo", "cover")), (model.collectives, ("photo",)),
                         (model.studios, ("photo",)), (model.stories, ("cover",))):
        for item in group.values():
            if wanted(item.source.rel):
                out += [getattr(item, a) for a in attrs]
    out += [ph.file for p in model.products.values() if wanted(p.source.rel) for ph in p.photos]
    return [m for m in out if m is not None]
