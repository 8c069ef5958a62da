#!/usr/bin/env python3
"""(Re)generate every media file the shipped sample content refers to.

    .venv/bin/python tools/make_sample_media.py           # write missing or outdated files
    .venv/bin/python tools/make_sample_media.py --check   # only report; exit 1 if anything would change

It reads workers/*/profile.yml, content/{associations,collectives,studios,products}/*.yml and the front matter
of content/stories/*.md, and draws each referenced portrait, gallery photo, cover, video (with poster
and WebVTT captions), audio clip and product illustration with generator.demo.artwork and
generator.demo.product_art. Output is deterministic, so a second run changes nothing.

A file is only (re)written when it is missing, or when it belongs to sample content (`sample: true`)
or was generated earlier by this tool (it carries the fengcai-sample-media marker). Real photos that an
editor put in place are never overwritten.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.demo import artwork, product_art  # noqa: E402

PORTRAIT_SIZE = (1200, 1600)
PHOTO_SIZE = (1600, 1200)
POSTER_SIZE = (1280, 720)
VIDEO_SIZE = (640, 360)
VIDEO_SECONDS = 4
AUDIO_SECONDS = 6

# What each sample picture shows: (scene kind, banner text for a hall). Anything not listed is guessed
# from its caption/title by artwork.scene.
SCENES: dict[str, tuple[str, str | None]] = {
    # workers' galleries
    "workers/ouyang-hongmei/gallery-1.jpg": ("clinic", None),
    "workers/ouyang-hongmei/gallery-2.jpg": ("hall", "急救知识进企业"),
    "workers/shan-jianguo/gallery-1.jpg": ("workshop", None),
    "workers/shan-jianguo/gallery-2.jpg": ("workshop", None),
    "workers/shan-jianguo/gallery-3.jpg": ("hall", "劳模技能进校园"),
    "workers/xu-lijuan/gallery-1.jpg": ("workshop", None),
    "workers/xu-lijuan/gallery-2.jpg": ("workshop", None),
    "workers/wu-qiuping/gallery-1.jpg": ("tea", None),
    "workers/wu-qiuping/gallery-2.jpg": ("workshop", None),
    "workers/wu-qiuping/gallery-3.jpg": ("hall", "劳模产品展示厅"),
    "workers/yang-weidong/gallery-1.jpg": ("workshop", None),
    "workers/yang-weidong/gallery-2.jpg": ("hall", "车间好声音"),
    "workers/zhu-huimin/gallery-1.jpg": ("lab", None),
    "workers/zhu-huimin/gallery-2.jpg": ("hall", "版型技能培训"),
    "workers/hu-yongqiang/gallery-1.jpg": ("lab", None),
    "workers/hu-yongqiang/gallery-2.jpg": ("hall", "数字地图培训班"),
    "workers/song-chunlin/gallery-1.jpg": ("bamboo", None),
    "workers/song-chunlin/gallery-2.jpg": ("workshop", None),
    "workers/song-chunlin/gallery-3.jpg": ("hall", "名师带徒结对仪式"),
    "workers/ye-chunya/gallery-1.jpg": ("tea", None),
    "workers/ye-chunya/gallery-2.jpg": ("hall", "重阳敬老茶会"),
    # studios
    "content/studios/lifeng-daidian.jpg": ("workshop", None),
    "content/studios/jianguo-dianti.jpg": ("workshop", None),
    "content/studios/yongqiang-dili.jpg": ("lab", None),
    "content/studios/chunlin-zhuye.jpg": ("workshop", None),
    "content/studios/qiuping-zhicha.jpg": ("tea", None),
    # collectives
    "content/collectives/gongjiao-yilu-chedui.jpg": ("hall", "1路车队表彰会"),
    "content/collectives/siyun-saosi-chejian.jpg": ("workshop", None),
    "content/collectives/xinneng-jiban-banzu.jpg": ("workshop", None),
    "content/collectives/chunya-baicha-hezuoshe.jpg": ("tea", None),
    "content/collectives/tongqu-banxing-zu.jpg": ("lab", None),
    # associations
    "content/associations/huzhou.jpg": ("hall", "在湖州看见美丽中国"),
    "content/associations/nanxun.jpg": ("town", None),
    "content/associations/changxing.jpg": ("tea", None),
    "content/associations/wuxing.jpg": ("workshop", None),
    "content/associations/deqing.jpg": ("lab", None),
    "content/associations/anji.jpg": ("bamboo", None),
    # story covers
    "content/stories/2023-09-20-changxing-laomo-chanpin-aixin-chaoshi.jpg": ("hall", "劳模产品展示厅"),
    "content/stories/2024-03-12-changxing-laomolin-zhishu.jpg": ("bamboo", None),
    "content/stories/2024-10-11-chongyang-jinglao-chahui.jpg": ("hall", "重阳敬老茶会"),
    "content/stories/2025-04-18-wuxing-xinzhigong-banqian-shifenzhong.jpg": ("workshop", None),
    "content/stories/2025-05-08-hongwuyue-zoufang-weiwen.jpg": ("hall", "红五月 致敬劳动者"),
    "content/stories/2025-08-22-deqing-diandan-qiangdan.jpg": ("lab", None),
}

# What each sample product illustration shows (generator.demo.product_art kinds); anything not listed is
# drawn by its category (PRODUCT_CATEGORY_ART).
PRODUCT_ART: dict[str, str] = {
    "content/products/xinneng-jiban-guhua.jpg": "device",
    "content/products/siyun-zhensi-weijin-2.jpg": "silk",
    "content/products/lifeng-jueyuan-gongju.jpg": "tool",
    "content/products/jinggong-kuaihuan-jiaju.jpg": "tool",
    "content/products/zhilian-dianjian-xitong.jpg": "software",
    "content/products/yongqiang-xiangcun-ditu.jpg": "software",
    "content/products/tongqu-ertong-waitao.jpg": "garment",
    "content/products/sangyu-sangye-cha.jpg": "tea",
}
PRODUCT_CATEGORY_ART = {"茶叶": "tea", "农产品": "farm", "丝绸纺织": "silk", "竹木制品": "bamboo", "机电装备": "device",
                        "新材料": "material", "技术成果": "device", "文创产品": "craft"}

# WebVTT cues for the sample videos (4 s each); others get generic cues from the video title.
CAPTIONS: dict[str, list[tuple[float, float, str]]] = {
    "workers/qian-lifeng/intro.vtt": [
        (0.0, 2.0, "我是钱立峰，在湖州做配网带电作业。"),
        (2.0, 4.0, "（示例视频：人物与内容均为虚构）"),
    ],
    "workers/shan-jianguo/intro.vtt": [
        (0.0, 2.0, "电梯上上下下，靠的是每一颗螺栓都拧到位。"),
        (2.0, 4.0, "（示例视频：人物与内容均为虚构）"),
    ],
    "workers/wu-qiuping/intro.vtt": [
        (0.0, 2.0, "杀青、理条、烘干，好茶是一口一口炒出来的。"),
        (2.0, 4.0, "（示例视频：人物与内容均为虚构）"),
    ],
    "workers/song-chunlin/intro.vtt": [
        (0.0, 2.0, "一根竹子，从头到梢都是宝。"),
        (2.0, 4.0, "（示例视频：人物与内容均为虚构）"),
    ],
}


def rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


def front_matter(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    parts = text.split("\n---", 1)
    head = parts[0][3:]
    return yaml.safe_load(head) or {}


def has_marker(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            data = f.read(1 << 20)
    except OSError:
        return False
    return artwork.MARKER.encode() in data


class Job:
    """One media file: how to make it, and whether we may overwrite an existing one."""

    def __init__(self, path: Path, make, sample: bool):
        self.path, self.make, self.sample = path, make, sample


def inside(folder: Path, name: str) -> Path | None:
    p = (folder / str(name)).resolve()
    try:
        p.relative_to(folder.resolve())
    except ValueError:
        print(f"跳过：{rel(folder)}/{name} 不在所在文件夹内", file=sys.stderr)
        return None
    return p


def picture(p: Path, seed: str, title: str):
    key = rel(p)
    kind, banner = SCENES.get(key, (None, None))

    def make(out: Path):
        artwork.save_jpeg(artwork.scene(seed, title, PHOTO_SIZE, kind=kind, banner=banner), out, quality=85)
    return make


def collect() -> list[Job]:
    jobs: list[Job] = []

    # workers
    for prof in sorted((ROOT / "workers").glob("*/profile.yml")):
        folder = prof.parent
        wid = folder.name
        d = yaml.safe_load(prof.read_text(encoding="utf-8")) or {}
        sample = bool(d.get("sample"))
        name = str(d.get("name", wid))
        if d.get("portrait"):
            p = inside(folder, d["portrait"])
            if p:
                def mk(out, d=d, wid=wid, name=name):
                    img = artwork.portrait(wid, name, PORTRAIT_SIZE, industry=d.get("industry"),
                                           gender=d.get("gender"), birth_year=d.get("birth_year"))
                    artwork.save_jpeg(img, out, quality=85)
                jobs.append(Job(p, mk, sample))
        for item in d.get("gallery") or []:
            p = inside(folder, item.get("file", ""))
            if p:
                jobs.append(Job(p, picture(p, f"{wid}/{item['file']}", item.get("caption", "")), sample))
        for v in d.get("videos") or []:
            title = str(v.get("title", ""))
            p = inside(folder, v.get("file", ""))
            if p:
                jobs.append(Job(p, lambda out, wid=wid, title=title: artwork.make_video(
                    out, wid, VIDEO_SECONDS, VIDEO_SIZE, title=title), sample))
            if v.get("poster"):
                p = inside(folder, v["poster"])
                if p:
                    jobs.append(Job(p, lambda out, wid=wid, title=title: artwork.save_jpeg(
                        artwork.video_frame(wid, 0.0, POSTER_SIZE, title, VIDEO_SECONDS), out, quality=85), sample))
            if v.get("captions"):
                p = inside(folder, v["captions"])
                if p:
                    cues = CAPTIONS.get(rel(p)) or [(0.0, 2.0, title or name),
                                                    (2.0, float(VIDEO_SECONDS), "（示例视频：人物与内容均为虚构）")]
                    jobs.append(Job(p, lambda out, cues=cues: artwork.write_vtt(out, cues), sample))
        for a in d.get("audio") or []:
            p = inside(folder, a.get("file", ""))
            if p:
                jobs.append(Job(p, lambda out, wid=wid: artwork.make_audio(out, wid, AUDIO_SECONDS), sample))

    # collectives and studios
    for kind in ("collectives", "studios"):
        for y in sorted((ROOT / "content" / kind).glob("*.yml")):
            d = yaml.safe_load(y.read_text(encoding="utf-8")) or {}
            if d.get("photo"):
                p = inside(y.parent, d["photo"])
                if p:
                    jobs.append(Job(p, picture(p, f"{kind}/{y.stem}", str(d.get("name", ""))), bool(d.get("sample"))))

    # products (illustrations of the object, never a photo of a real thing)
    for y in sorted((ROOT / "content" / "products").glob("*.yml")):
        d = yaml.safe_load(y.read_text(encoding="utf-8")) or {}
        for item in d.get("photos") or []:
            p = inside(y.parent, item.get("file", ""))
            if p:
                kind = PRODUCT_ART.get(rel(p)) or PRODUCT_CATEGORY_ART.get(str(d.get("category", "")), "device")
                title = str(d.get("name", ""))
                jobs.append(Job(p, lambda out, p=p, kind=kind, title=title: artwork.save_jpeg(
                    product_art.product(rel(p), kind, title, PHOTO_SIZE), out, quality=85), bool(d.get("sample"))))

    # associations (cover; a logo is left to the editors)
    for y in sorted((ROOT / "content" / "associations").glob("*.yml")):
        d = yaml.safe_load(y.read_text(encoding="utf-8")) or {}
        if d.get("cover"):
            p = inside(y.parent, d["cover"])
            if p:
                jobs.append(Job(p, picture(p, f"associations/{y.stem}", str(d.get("name", ""))), False))

    # stories
    for md in sorted((ROOT / "content" / "stories").glob("*.md")):
        d = front_matter(md)
        if d.get("cover"):
            p = inside(md.parent, d["cover"])
            if p:
                jobs.append(Job(p, picture(p, f"stories/{md.stem}", str(d.get("title", ""))), False))
    return jobs


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="生成示例内容引用的全部媒体文件（肖像、图片、视频、音频、字幕）")
    ap.add_argument("--check", action="store_true", help="只检查，不写文件；有缺失或过期时退出码为 1")
    args = ap.parse_args(argv)

    jobs = collect()
    written = unchanged = kept = 0
    stale: list[str] = []
    for job in jobs:
        p = job.path
        exists = p.exists()
        if exists and not job.sample and not has_marker(p):
            kept += 1  # an editor's real file: never touched
            continue
        with tempfile.TemporaryDirectory(prefix="fengcai-media-") as td:
            tmp = Path(td) / ("new" + p.suffix)
            job.make(tmp)
            if exists and digest(tmp) == digest(p):
                unchanged += 1
                continue
            stale.append(rel(p))
            if not args.check:
                p.parent.mkdir(parents=True, exist_ok=True)
                part = p.with_name("." + p.name + ".part")
                shutil.copyfile(tmp, part)
                os.replace(part, p)  # atomic within the folder
                written += 1
    total = sum(j.path.stat().st_size for j in jobs if j.path.exists())
    if args.check:
        for s in stale:
            print(f"需要重新生成：{s}")
        print(f"共 {len(jobs)} 个媒体文件：{len(stale)} 个缺失或过期，{unchanged} 个最新，{kept} 个为编辑提供的文件（不改动）")
        return 1 if stale else 0
    print(f"共 {len(jobs)} 个媒体文件：写入 {written} 个，未变化 {unchanged} 个，保留编辑提供的文件 {kept} 个；"
          f"合计 {total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
