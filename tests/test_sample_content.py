"""The shipped sample content: clean under check, and as rich as the README promises."""

from pathlib import Path

from generator.check import check_tree

ROOT = Path(__file__).resolve().parents[1]


def test_sample_content_is_clean_and_complete():
    model, report = check_tree(ROOT)
    assert report.ok, report.format_text()
    pub = model.public()
    assert set(pub.associations) == {"huzhou", "nanxun", "changxing", "wuxing", "deqing", "anji"}
    assert len(pub.workers) >= 24
    assert all(w.sample for w in pub.workers.values())
    assert {w.association for w in pub.workers.values()} == set(pub.associations)
    assert {w.highest_honor.level for w in pub.workers.values()} == {"national", "provincial", "municipal", "county"}
    assert len({w.industry for w in pub.workers.values()}) >= 8
    videos = [w for w in pub.workers.values() if any(v.captions for v in w.videos)]
    assert len(videos) >= 3
    assert any(w.audio for w in pub.workers.values())
    assert any(w.gallery for w in pub.workers.values())
    assert len(pub.collectives) >= 4 and len(pub.studios) >= 3 and len(pub.stories) >= 6
    drafts = [w for w in model.workers.values() if w.draft]
    assert len(drafts) == 1 and drafts[0].id not in pub.workers
