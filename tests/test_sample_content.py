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
    # products with makers of all three kinds, services and 点单 in every status for every association
    assert {p.maker.kind for p in pub.products.values()} == {"worker", "studio", "collective"}
    assert all(p.sample and p.photos for p in pub.products.values())
    assert {s.association for s in pub.services.values()} == set(pub.associations)
    assert {r.status for r in pub.requests.values()} == {"open", "claimed", "done"}
    assert all(r.sample for r in pub.requests.values())
    assert {pub.offerings.association_of(r) for r in pub.requests.values()} == set(pub.associations)
    drafts = [w for w in model.workers.values() if w.draft]
    assert len(drafts) == 1 and drafts[0].id not in pub.workers
