"""The model → every page of the site (PageOut objects). One function per kind of page."""

from __future__ import annotations

from collections import OrderedDict

from markupsafe import Markup

from ..model.corpus import Model
from ..model.entities import Worker
from ..model.honors import LEVEL_LABELS, LEVELS
from . import charts, figures
from .markdown_text import plain_text, render_markdown
from ..qr import qr_svg
from .media import SiteMedia
from .pages_offerings import OfferingPages
from .render import PageOut, environment, render_page
from .search_terms import name_aliases, phrase_chars
from .structured import og_meta, person_jsonld
from .urls import absolute, relative

NO_TOC = ["toc"]
WIDE = ["navigation", "toc"]


class Pages:
    """Holds what every page shares (model, media, association names) and renders each kind."""

    def __init__(self, model: Model, media: SiteMedia):
        self.model, self.m = model, media
        self.assoc_names = {a.id: a.name for a in model.associations.values()}
        self.assoc_paths = {a.id: " ".join([x.id for x in model.ancestors(a.id)] + [a.id])
                            for a in model.associations.values()}
        self._cards: dict[tuple[str, int], str] = {}
        self.offerings = OfferingPages(self)   # products, services, the 点单 board

    def _card(self, w: Worker, page_url: str) -> Markup:
        """A related-worker card; every worker page sits at the same depth, so each card is rendered once
        and reused on every page that lists it (at 10,000 workers this was a fifth of the page time)."""
        key = (w.id, page_url.count("/"))
        if key not in self._cards:
            macro = environment().get_template("_macros.html").module.worker_card
            self._cards[key] = str(macro(w, lambda target: relative(page_url, target), self.m,
                                         self.assoc_names.get(w.association, ""), self.assoc_paths.get(w.association, "")))
        return Markup(self._cards[key])

    def _render(self, template: str, url: str, **ctx) -> str:
        return render_page(template, url, m=self.m, site=self.model.site, assoc_names=self.assoc_names,
                           assoc_paths=self.assoc_paths, **ctx)

    def all(self) -> list[PageOut]:
        mo = self.model
        out = [self.home(), self.browse(), self.associations_index(), self.listing("collectives"),
               self.listing("studios"), self.listing("stories"), self.stats(), self.search()]
        out += [self.worker(w) for w in mo.workers_sorted]
        out += [self.association(a.id) for a in mo.associations_sorted]
        out += [self.collective(c.id) for c in mo.collectives.values()]
        out += [self.studio(s.id) for s in mo.studios.values()]
        out += [self.story(s.id) for s in mo.stories_sorted]
        out += [self.free_page(p.id) for p in sorted(mo.pages.values(), key=lambda p: (p.order, p.id))]
        out += self.offerings.all()
        return out

    # ---- sections ------------------------------------------------------------------------------
    def home(self) -> PageOut:
        mo = self.model
        featured = [w for w in mo.workers_sorted if w.featured][:8] or mo.workers_sorted[:8]
        body = self._render("home.html", "", figures=figures.key_figures(mo), featured=featured,
                            stories=mo.stories_sorted[:5], associations=mo.associations_sorted,
                            worker_count=len(mo.workers))
        desc = mo.site.description or f"{mo.site.title}：劳动模范、工匠和模范集体的风采。"
        return PageOut("", mo.site.title, body, {"hide": WIDE, **og_meta(mo, "", mo.site.title, desc)}, True)

    def kiosk_start(self) -> PageOut:
        """The exhibition touch screen's start page (`fengcai build --kiosk`): an attract loop of featured
        workers and two big buttons. Every page returns here after the idle time."""
        mo = self.model
        featured = [w for w in mo.workers_sorted if w.featured] or mo.workers_sorted[:12]
        slides = [{"w": w, "top": w.highest_honor, "assoc": self.assoc_names.get(w.association, "")} for w in featured]
        body = self._render("kiosk_start.html", "", slides=slides, worker_count=len(mo.workers))
        return PageOut("", mo.site.title, body, {"hide": WIDE + ["footer"], "kiosk_start": True}, True)

    def browse(self) -> PageOut:
        mo = self.model
        workers = mo.workers_sorted
        first_of: dict[str, str] = {}
        for w in workers:
            first_of.setdefault(w.initial, w.id)
        years = sorted({h.year for w in workers for h in w.honors}, reverse=True)
        industries = list(OrderedDict.fromkeys(
            [i for i in mo.site.industries if any(w.industry == i for w in workers)]
            + sorted({w.industry for w in workers})))
        options = [(a, len(mo.ancestors(a.id))) for a in mo.associations_sorted]
        body = self._render("browse.html", "workers/", workers=workers, first_of=first_of, letters=list(first_of),
                            years=years, industries=industries, association_options=options,
                            levels=[(lvl, LEVEL_LABELS[lvl]) for lvl in LEVELS])
        return PageOut("workers/", "劳模风采", body, {"hide": NO_TOC, "description": f"{len(workers)} 位劳模名录"}, True)

    def associations_index(self) -> PageOut:
        mo = self.model
        roots = [a for a in mo.associations_sorted if not a.parent or a.parent not in mo.associations]
        counts = {a.id: len(mo.workers_of(a.id, recursive=True)) for a in mo.associations.values()}
        body = self._render("associations.html", "associations/", roots=roots, counts=counts, children=mo.children)
        return PageOut("associations/", "劳模协会", body, {"hide": NO_TOC}, True)

    def listing(self, kind: str) -> PageOut:
        mo = self.model
        if kind == "stories":
            items, heading, lead = mo.stories_sorted, "新闻动态", "劳模协会的新闻和活动，最新的在前。"
        elif kind == "studios":
            items = [(s, _studio_subtitle(s)) for s in sorted(mo.studios.values(), key=lambda s: (s.association, s.id))]
            heading, lead = "创新工作室", "劳模（工匠）创新工作室：带徒传技、攻关创新。"
        else:
            items = [(c, c.highest_honor.title if c.highest_honor else "")
                     for c in sorted(mo.collectives.values(), key=lambda c: (c.association, c.id))]
            heading, lead = "模范集体", "获得荣誉的先进集体。"
        body = self._render("listing.html", f"{kind}/", kind=kind, items=items, heading=heading, lead=lead)
        return PageOut(f"{kind}/", heading, body, {"hide": NO_TOC}, True)

    def stats(self) -> PageOut:
        mo = self.model
        table = figures.honors_per_year(mo)
        per_assoc = figures.workers_per_association(mo)
        per_industry = figures.workers_per_industry(mo)
        levels = [(lvl, LEVEL_LABELS[lvl]) for lvl in LEVELS]
        body = self._render(
            "stats.html", "stats/", figures=figures.key_figures(mo), levels=levels, colours=charts.LEVEL_COLOURS,
            honors_table=table, per_assoc=per_assoc, per_industry=per_industry,
            honors_chart=charts.stacked_columns(table, dict(levels), "历年获得的荣誉（按级别）"),
            assoc_chart=charts.hbar_chart(per_assoc, "各协会的劳模人数"),
            industry_chart=charts.hbar_chart(per_industry, "各行业的劳模人数"),
            sample_note=any(w.sample for w in mo.workers.values()), **self.offerings.stats())
        return PageOut("stats/", "数据统计", body, {"hide": NO_TOC}, True)

    def search(self) -> PageOut:
        mo = self.model
        # the association filter also finds the associations below the chosen one (Pagefind filters by name)
        options = [(a, len(mo.ancestors(a.id)), [mo.associations[d].name for d in mo.descendants(a.id)])
                   for a in mo.associations_sorted]
        body = self._render("search.html", "search/", association_options=options,
                            levels=[(lvl, LEVEL_LABELS[lvl]) for lvl in LEVELS])
        return PageOut("search/", "搜索", body, {"hide": NO_TOC, "search_page": True}, True)

    # ---- items ---------------------------------------------------------------------------------
    def worker(self, w: Worker) -> PageOut:
        mo = self.model
        portrait_url = self.m.img_url(w.portrait, "portrait", w.name, w.surname)
        gallery = [{"tag": self.m.img(g.file, "gallery", g.caption, "(max-width: 600px) 45vw, 240px", "fc-gallery__img"),
                    "full": self.m.img_url(g.file, "gallery", largest=True), "caption": g.caption}
                   for g in w.gallery]
        videos = []
        for v in w.videos:
            asset = self.m.video(v.file, v.poster)
            videos.append({**asset, "title": v.title, "captions": self.m.file(v.captions) if v.captions else ""})
        audio = [{**self.m.audio(a.file), "title": a.title, "transcript": render_markdown(a.transcript)} for a in w.audio]
        page_link = absolute(mo.site.base_url, w.url)
        top = w.highest_honor
        body = self._render(
            "worker.html", w.url, w=w, top=top, assoc=mo.associations.get(w.association),
            studio=mo.studios.get(w.studio) if w.studio else None,
            honors_by_year=sorted(w.honors, key=lambda h: (h.year, h.rank)),
            story_html=render_markdown(w.story_md), gallery=gallery, videos=videos, audio=audio,
            stories=mo.stories_about(w.id), related_cards=[self._card(r, w.url) for r in mo.related_workers(w)], aliases=name_aliases(w), phrases=self._phrases(w),
            qr=qr_svg(page_link, f"{w.name}的网页二维码"), page_link=page_link, portrait_url=portrait_url,
            **self.offerings.for_maker("worker", w.id))
        desc = f"{w.name}，{top.title if top else '劳动模范'}，{w.employer}{w.position}。"
        meta = {"hide": NO_TOC, **og_meta(mo, w.url, w.name, desc, portrait_url, "profile"),
                "jsonld": person_jsonld(mo, w, portrait_url), "page_kind": "worker"}
        return PageOut(w.url, w.name, body, meta)

    def _phrases(self, w: Worker) -> str:
        mo = self.model
        studio = mo.studios.get(w.studio) if w.studio else None
        assoc = mo.associations.get(w.association)
        return phrase_chars(w.employer, w.position, w.industry, studio.name if studio else "",
                            w.studio_inline.name if w.studio_inline else "", assoc.name if assoc else "",
                            assoc.region if assoc else "", *[h.title for h in w.honors])

    def association(self, aid: str) -> PageOut:
        mo = self.model
        a = mo.associations[aid]
        crumbs = [("劳模协会", "associations/")] + [(x.name, x.url) for x in mo.ancestors(aid)] + [(a.name, "")]
        c = a.contact
        body = self._render(
            "association.html", a.url, a=a, crumbs=crumbs, figures=figures.association_figures(mo, aid),
            story_html=render_markdown(a.story_md), children=mo.children(aid), workers=mo.workers_of(aid),
            descendant_count=len(mo.workers_of(aid, recursive=True)), collectives=mo.collectives_of(aid),
            studios=mo.studios_of(aid), stories=mo.stories_of(aid)[:10],
            contact=any([c.address, c.phone, c.email, c.hours, c.website]), **self.offerings.for_association(aid))
        desc = a.summary or plain_text(a.story_md, 120) or a.name
        return PageOut(a.url, a.name, body, {"hide": NO_TOC, **og_meta(mo, a.url, a.name, desc)})

    def collective(self, cid: str) -> PageOut:
        mo = self.model
        c = mo.collectives[cid]
        body = self._render("collective.html", c.url, c=c, assoc=mo.associations.get(c.association),
                            story_html=render_markdown(c.story_md), **self.offerings.for_maker("collective", cid))
        return PageOut(c.url, c.name, body, {"hide": NO_TOC, **og_meta(mo, c.url, c.name, c.summary or c.name)})

    def studio(self, sid: str) -> PageOut:
        mo = self.model
        s = mo.studios[sid]
        members = list(mo.studio_members(sid))
        leader = mo.workers.get(s.leader) if s.leader else None
        if leader and leader not in members:
            members.insert(0, leader)
        body = self._render("studio.html", s.url, s=s, assoc=mo.associations.get(s.association), leader=leader,
                            members=members, story_html=render_markdown(s.story_md), **self.offerings.for_maker("studio", sid))
        return PageOut(s.url, s.name, body, {"hide": NO_TOC, **og_meta(mo, s.url, s.name, s.summary or s.name)})

    def story(self, sid: str) -> PageOut:
        mo = self.model
        s = mo.stories[sid]
        workers = [mo.workers[w] for w in s.workers if w in mo.workers]
        body = self._render("story.html", s.url, s=s, assoc=mo.associations.get(s.association),
                            body_html=render_markdown(s.body_md, top=2), workers=workers)
        cover = self.m.img_url(s.cover, "cover") if s.cover else ""
        desc = s.summary or plain_text(s.body_md, 120)
        return PageOut(s.url, s.title, body, {"hide": NO_TOC, **og_meta(mo, s.url, s.title, desc, cover, "article")})

    def free_page(self, pid: str) -> PageOut:
        p = self.model.pages[pid]
        md = _drop_title_heading(p.body_md, p.title)
        body = self._render("free_page.html", p.url, p=p, body_html=render_markdown(md, top=2))
        return PageOut(p.url, p.title, body, {"hide": NO_TOC}, True)


def _studio_subtitle(s) -> str:
    return f"{LEVEL_LABELS[s.level]}创新工作室" if s.level in LEVEL_LABELS else ""


def _drop_title_heading(md: str, title: str) -> str:
    lines = md.lstrip().splitlines()
    if lines and lines[0].startswith("# ") and lines[0][2:].strip() == title:
        return "\n".join(lines[1:])
    return md
