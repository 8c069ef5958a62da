"""The loaded model: typed values with positions, derived fields, drafts removed from the public view."""

from pathlib import Path

from generator.content.loader import load
from tests.minimal_project import profile_path, replace_in, write_project


def test_values_keep_their_position(tmp_path: Path):
    root = write_project(tmp_path / "p")
    m = load(root).model
    w = m.workers["wang-xiaoming"]
    assert w.honors[0].loc.line == 9 and w.honors[0].loc.file == "workers/wang-xiaoming/profile.yml"
    assert w.source.loc("employer").line == 3 and w.source.key_loc("employer").col == 1
    assert w.highest_honor.title == "浙江省劳动模范"
    assert w.pinyin == "Wáng Xiǎomíng" and w.pinyin_initials == "wxm"


def test_highest_honor_prefers_level_then_year(tmp_path: Path):
    root = write_project(tmp_path / "p")
    replace_in(profile_path(root), "    year: 2015\n", "    year: 2015\n  - title: 全国劳动模范\n    level: national\n    year: 2020\n  - title: 湖州市劳动模范\n    level: municipal\n    year: 2023\n")
    w = load(root).model.workers["wang-xiaoming"]
    assert w.highest_honor.title == "全国劳动模范"
    assert [h.level for h in w.honors_sorted] == ["national", "provincial", "municipal"]


def test_public_model_has_no_drafts(tmp_path: Path):
    root = write_project(tmp_path / "p")
    replace_in(profile_path(root), "consent:", "draft: true\nconsent:")
    (root / "content" / "stories").mkdir()
    (root / "content" / "stories" / "2024-05-01-a.md").write_text("---\ntitle: 文章\nworkers: [wang-xiaoming]\n---\n", encoding="utf-8")
    m = load(root).model
    assert "wang-xiaoming" in m.workers
    pub = m.public()
    assert "wang-xiaoming" not in pub.workers
    assert pub.stories["2024-05-01-a"].workers == []
    assert m.stories["2024-05-01-a"].workers == ["wang-xiaoming"]
