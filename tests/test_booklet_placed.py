"""Photos made for the size they print at, and profile heights remembered between builds.

The pages are laid out with photo stand-ins and remembered part heights (generator/booklet/placed.py,
heights.py): what a reader gets must be the same booklet a fresh build makes, with every photo
carrying the pixels its printed size needs — no more, and no two-pixel stand-in left behind.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.booklet.build import BookletOptions, make_booklets
from generator.booklet.heights import Heights
from generator.booklet.pdf_facts import read_facts
from generator.booklet.placed import PRESS_PPI, READING_PPI
from generator.content.loader import load
from test_booklet_fixture import make_tree

TODAY = dt.date(2026, 5, 1)


@pytest.fixture()
def tree(tmp_path):
    return make_tree(tmp_path / "tree")


@pytest.fixture()
def measures(monkeypatch):
    """How many entries the template measured, per build."""
    counts = []
    real = Heights._measure

    def counted(self, doc):
        found = real(self, doc)
        counts.append(len(found))
        return found

    monkeypatch.setattr(Heights, "_measure", counted)
    return counts


def _build(root: Path, out: Path, press: bool = False):
    return make_booklets(load(root).model, out, options=BookletOptions(
        associations=("nanxun",), today=TODAY, print_marks=press, proof=press))


def test_remembered_heights_make_the_same_booklet_and_an_edit_is_measured_again(tree, tmp_path, measures):
    first = _build(tree, tmp_path / "a").paths[0].read_bytes()
    assert sum(measures) >= 3                       # every worker of the booklet measured once
    measures.clear()
    assert _build(tree, tmp_path / "b").paths[0].read_bytes() == first
    assert measures == []                           # built again: nothing measured
    story = tree / "workers" / "an-ning" / "story.md"
    story.write_text("安宁把三十年的经验写成了一本操作手册，新来的徒弟人手一册。\n" * 12, encoding="utf-8")
    edited = _build(tree, tmp_path / "c")
    assert measures == [1]                          # only the edited profile
    assert "操作手册" in "".join(page.extract_text() for page in PdfReader(edited.paths[0]).pages)
    fresh = tmp_path / "fresh"
    shutil.copytree(tree, fresh, ignore=shutil.ignore_patterns(".cache"))
    assert _build(fresh, tmp_path / "d").paths[0].read_bytes() == edited.paths[0].read_bytes()


@pytest.mark.parametrize("press, ppi", [(False, READING_PPI), (True, PRESS_PPI)])
def test_every_photo_has_the_pixels_its_printed_size_needs_and_no_more(tree, tmp_path, press, ppi):
    res = _build(tree, tmp_path / "out", press)
    images = read_facts(res.paths[0].read_bytes()).images
    assert len(images) >= 3
    assert all(p.px != (2, 1) for p in images)      # no stand-in left
    for p in images:
        # the fixture's portraits have the pixels for any size the layout prints them at
        assert ppi - 1 <= p.ppi <= ppi + 2, (p.page, p.px, p.size_mm, p.ppi)


def test_a_photo_that_cannot_be_made_becomes_a_placeholder_and_the_booklet_is_laid_out_again(tree, tmp_path):
    portrait = tree / "workers" / "an-ning" / "portrait.jpg"
    portrait.write_bytes(portrait.read_bytes()[:2000])     # a good header, the picture cut off
    said = []
    res = make_booklets(load(tree).model, tmp_path / "out",
                        options=BookletOptions(associations=("nanxun",), today=TODAY), log=said.append)
    assert res.paths and any("安宁" in s and "占位图" in s for s in said), said
    images = read_facts(res.paths[0].read_bytes()).images
    assert all(p.px != (2, 1) for p in images)


def test_a_damaged_heights_file_is_measured_again(tree, tmp_path, measures):
    first = _build(tree, tmp_path / "a").paths[0].read_bytes()
    cache = tree / ".cache" / "booklet-heights.json"
    data = json.loads(cache.read_text(encoding="utf-8"))
    cache.write_text(json.dumps({k: {"story": "长"} for k in data}), encoding="utf-8")
    measures.clear()
    assert _build(tree, tmp_path / "b").paths[0].read_bytes() == first
    assert sum(measures) >= 3
    cache.write_text("{not json", encoding="utf-8")
    assert _build(tree, tmp_path / "c").paths[0].read_bytes() == first
