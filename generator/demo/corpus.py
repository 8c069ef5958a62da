"""`fengcai demo`: a deterministic synthetic corpus of N workers for tests and benchmarks.

Writes a complete project (content/ + workers/) with realistic field distributions and photos.
Photos are drawn small with the sample artwork and scaled up with a little grain, so they are
unique, compress like photos and take ~0.15 s each at 2400×3200 (in a process pool).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path

import yaml
from PIL import Image

from ..model.names import slugify_name, split_name
from . import artwork
from .people import (ASSOCIATION_WEIGHTS, EMPLOYER_KINDS, INDUSTRIES, LEVEL_WEIGHTS, PLACES, POSITIONS, SERVICES,
                     COUNTY_TITLE, TITLES, make_honors, make_name, make_story, weighted)

ASSOCIATIONS = {
    "huzhou": ("湖州市劳模协会", "湖州市", ""), "nanxun": ("南浔区劳模协会", "南浔区", "huzhou"),
    "changxing": ("长兴县劳模协会", "长兴县", "huzhou"), "wuxing": ("吴兴区劳模协会", "吴兴区", "huzhou"),
    "deqing": ("德清县劳模协会", "德清县", "huzhou"), "anji": ("安吉县劳模协会", "安吉县", "huzhou"),
}


def _dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _photo_job(args) -> None:
    path, seed, name, industry, size, kind = args
    small = (size[0] // 8, size[1] // 8)
    if kind == "portrait":
        img = artwork.portrait(seed, name, size=small, industry=industry, ss=1)
    else:
        img = artwork.scene(seed, name, size=small, ss=1)
    big = img.convert("RGB").resize(size, Image.BILINEAR)
    grain = Image.effect_noise((size[0] // 4, size[1] // 4), 30).convert("RGB").resize(size, Image.NEAREST)
    Image.blend(big, grain, 0.05).save(path, "JPEG", quality=82)


def write_site(out: Path) -> None:
    titles = {t: lv for lv, ts in TITLES.items() for t in ts} | {t: "county" for t in COUNTY_TITLE.values()}
    _dump(out / "content" / "site.yml", {
        "title": "劳模风采录（演示数据）", "subtitle": "虚构数据，仅用于测试", "publisher": "演示劳模协会",
        "base_url": "https://fengcai.example.org/", "language": "zh", "root_association": "huzhou",
        "province": "浙江省", "city": "湖州市",
        "description": "由 fengcai demo 生成的虚构劳模资料，用于测试和性能评估。",
        "vocabularies": {"industries": list(INDUSTRIES), "honor_titles": titles, "services": list(SERVICES)},
        "booklet": {"paper": "A5", "bleed_mm": 3},
    })
    # the usual abbreviations of honors (全国劳模, 省劳模, 五一奖章 …), as a new project gets them
    search_yml = resources.files("generator.scaffold").joinpath("templates", "search.yml").read_text(encoding="utf-8")
    (out / "content" / "search.yml").write_text(search_yml, encoding="utf-8")
    for aid, (name, short, parent) in ASSOCIATIONS.items():
        data = {"name": name, "short_name": short}
        if parent:
            data["parent"] = parent
        data |= {"region": f"浙江省{short if aid == 'huzhou' else '湖州市' + short}",
                 "summary": f"{name}（演示数据）", "services": [{"name": s, "description": f"{s}服务"} for s in SERVICES[:4]]}
        _dump(out / "content" / "associations" / f"{aid}.yml", data)
        (out / "content" / "associations" / f"{aid}.md").write_text(f"{name}团结带领全{short[-1]}劳模发挥示范作用。（演示数据）\n", encoding="utf-8")


def generate(out: Path, n: int, seed: int = 1, photo_size=(2400, 3200), jobs: int | None = None,
             progress=None) -> dict:
    """Write a corpus of `n` workers into `out`, a new or empty folder (`fengcai demo` replaces an older
    corpus through generator/safe_folders.py). Returns counts."""
    rng = random.Random(seed)
    write_site(out)
    media_dir = out / ".demo-media"
    media_dir.mkdir(parents=True)
    clips = []
    for i in range(2):  # a few short clips shared by the workers with video (copies dedupe by hash)
        v = artwork.make_video(media_dir / f"clip{i}.mp4", seed + i, seconds=2, title="演示视频")
        vtt = artwork.write_vtt(media_dir / f"clip{i}.vtt", [(0, 1.0, "演示字幕第一句"), (1.0, 2.0, "演示字幕第二句")])
        clips.append((v, vtt))
    photo_jobs, taken, people, counts = [], set(), set(), {"workers": 0, "photos": 0, "videos": 0, "drafts": 0}
    for i in range(n):
        name = make_name(rng)
        base = slugify_name(name)
        wid = base if base not in taken else f"{base}-{i}"
        taken.add(wid)
        assoc = weighted(rng, ASSOCIATION_WEIGHTS)
        industry = rng.choice(INDUSTRIES)
        employer = f"{PLACES[assoc]}{rng.choice('东南西北新华兴丰瑞宏远')}{rng.choice('方达泰盛安和')}{rng.choice(EMPLOYER_KINDS[industry])}"
        while (name, employer) in people:  # the same person twice would be (rightly) a check error
            employer = f"{employer[:-2]}{rng.randrange(2, 99)}分{employer[-2:]}"
        people.add((name, employer))
        position = rng.choice(POSITIONS)
        folder = out / "workers" / wid
        folder.mkdir(parents=True)
        profile = {
            "name": name, "association": assoc, "employer": employer, "position": position, "industry": industry,
            "gender": rng.choice(("男", "女")), "birth_year": rng.randrange(1955, 1995),
            "honors": make_honors(rng, assoc, weighted(rng, LEVEL_WEIGHTS)),
        }
        if rng.random() < 0.95:
            profile["portrait"] = "portrait.jpg"
            photo_jobs.append((folder / "portrait.jpg", seed * 1_000_003 + i, name, industry, photo_size, "portrait"))
        profile["quote"] = rng.choice(("干一行，爱一行，钻一行。", "把平凡的事做到极致。", "技术要传下去。", "群众的事没有小事。"))
        profile["services"] = rng.sample(SERVICES, rng.randrange(0, 3))
        if rng.random() < 0.2:
            gallery = []
            for g in range(rng.randrange(2, 5)):
                f = f"photo-{g + 1}.jpg"
                photo_jobs.append((folder / f, seed * 7 + i * 10 + g, f"{name}工作照", industry, (photo_size[1], photo_size[0]), "scene"))
                gallery.append({"file": f, "caption": f"{name}在工作中（演示照片 {g + 1}）"})
            profile["gallery"] = gallery
        if rng.random() < 0.05:
            v, vtt = clips[i % len(clips)]
            shutil.copyfile(v, folder / "intro.mp4")
            shutil.copyfile(vtt, folder / "intro.vtt")
            profile["videos"] = [{"file": "intro.mp4", "title": f"{name}的工作片段（演示）", "captions": "intro.vtt"}]
            counts["videos"] += 1
        profile["featured"] = i < 8
        profile["sample"] = True
        profile["consent"] = {"date": dt.date(2025, 3, 12), "note": "演示数据"}
        if rng.random() < 0.01:
            profile["draft"] = True
            counts["drafts"] += 1
        _dump(folder / "profile.yml", profile)
        years = rng.randrange(8, 40)
        story = make_story(rng, name=name, given=split_name(name)[1] or name, employer=employer,
                           position=position, years=years, apprentices=rng.randrange(3, 40), place=PLACES[assoc])
        (folder / "story.md").write_text(story, encoding="utf-8")
        counts["workers"] += 1
    shutil.rmtree(media_dir)
    counts["photos"] = len(photo_jobs)
    with ProcessPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        for k, _ in enumerate(pool.map(_photo_job, photo_jobs, chunksize=8)):
            if progress:
                progress(k + 1, len(photo_jobs))
    return counts
