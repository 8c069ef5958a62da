"""Editor Markdown → blocks of text runs: structure kept, markup never passed on."""

from __future__ import annotations

from generator.booklet.markdown import blocks, inline, plain_text


def run(text, strong=False, em=False):
    return {"text": text, "strong": strong, "em": em}


def test_headings_paragraphs_lists_quotes_rules():
    md = "## 小标题\n\n第一段\n接着写\n\n- 甲\n- 乙 **强调**\n\n1. 一\n2. 二\n\n> 引文\n\n---\n"
    assert blocks(md) == [
        {"kind": "heading", "level": 2, "runs": [run("小标题")]},
        {"kind": "para", "runs": [run("第一段接着写")]},          # no space between CJK soft-wrapped lines
        {"kind": "list", "ordered": False, "items": [[run("甲")], [run("乙 "), run("强调", strong=True)]]},
        {"kind": "list", "ordered": True, "items": [[run("一")], [run("二")]]},
        {"kind": "quote", "runs": [run("引文")]},
        {"kind": "rule"},
    ]


def test_latin_soft_wrap_keeps_a_space():
    assert blocks("hello\nworld") == [{"kind": "para", "runs": [run("hello world")]}]


def test_emphasis_and_strong_nest():
    assert inline("**粗*斜*粗**") == [run("粗", strong=True), run("斜", strong=True, em=True), run("粗", strong=True)]


def test_typst_and_html_are_only_text():
    runs = inline('#set page(width: 1cm) $x$ <script>alert(1)</script><b>粗</b> [网页](https://e.org) ![图](a.jpg) \\*星\\*')
    assert runs == [run("#set page(width: 1cm) $x$ 粗 网页  *星*")]


def test_code_fence_kept_as_text():
    assert plain_text(blocks("```\nlet a = [1]\n```")) == "let a = [1]"


def test_empty():
    assert blocks("") == [] and blocks("\n\n  \n") == []
