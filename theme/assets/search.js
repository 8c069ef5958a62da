/* The web site's search backend: Pagefind's JS API under the shared search page (search-core.js, which
   reads the query, decides what to look up and draws the page; loaded before this module together with
   search-lexicon.js). Loaded only on search/ (see theme/main.html).

   Pagefind finds pages for one word at a time (search-core intersects them, so "南浔 丝绸" means both):
     text      a word or one of its synonyms; Pagefind also returns pages where only the word's parts occur,
               so verify() checks the top of the list against the page's own text (exact / partial)
     pinyin    an exact search for "zengguohua": every worker page carries its name's pinyin forms
               (generator/site/search_terms.py), which is how homophones and mixed pinyin are found
   A Latin word (sunmj, ouyangqs) is a prefix search over those forms and the text. */
const core = window.FengcaiSearch;
const siteRoot = new URL("../", location.href);           // search/ sits one folder below the site root
const { TIER } = core;
let pagefind = null;

async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
    await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 40 });
    pagefind.init();
  }
  return pagefind;
}

const segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

/* How many words Pagefind splits `text` into (it uses the same Intl.Segmenter). */
function termCount(text) {
  if (!segmenter) return text.split(" ").length;
  let n = 0;
  for (const s of segmenter.segment(text)) if (/[\p{L}\p{N}]/u.test(s.segment)) n++;
  return n;
}

/* A first guess before verify() reads the page: the hit's word positions hold a run of `k` neighbours. */
function contiguous(positions, k) {
  if (k <= 1) return positions.length > 0;
  const set = new Set(positions);
  return positions.some((p) => { for (let i = 1; i < k; i++) if (!set.has(p + i)) return false; return true; });
}

const ASSOC_NAMES = new Map();
const LEVEL_LABELS = new Map();
document.querySelectorAll("select[data-search-filter] option[data-names]").forEach((o) => ASSOC_NAMES.set(o.value, o.dataset.names.split("|")));
document.querySelectorAll("select[data-search-filter] option[data-label]").forEach((o) => LEVEL_LABELS.set(o.value, o.dataset.label));

function pagefindFilters(f) {
  const out = {};
  if (f.association && ASSOC_NAMES.has(f.association)) out["协会"] = { any: ASSOC_NAMES.get(f.association) };
  if (f.level && LEVEL_LABELS.has(f.level)) out["荣誉级别"] = LEVEL_LABELS.get(f.level);
  return out;
}

/* The backend's part of search-core's searchWords: Pagefind searches, each a Map id → hit. */
function finder(pf, filters) {
  return {
    async text(alt, word) {
      const hits = new Map();
      const res = await pf.search(alt.text, { filters });
      const n = word.han ? termCount(alt.text) : 1;
      res.results.forEach((r, order) => {
        const exact = !word.han || contiguous(r.words, n);
        core.addHit(hits, r.id, exact ? TIER.exact : TIER.partial, r.score, exact ? alt.via : "partial", r, order);
      });
      // The browser and the indexer can cut a phrase into different words (南太湖工匠: 南 + 太湖 + 工匠 here,
      // 南太 + 湖 + 工匠 in the index), and then no page holds them side by side. Worker pages carry the
      // characters of their honors, employer and place one by one (search_terms.phrase_chars), and the
      // titles of other pages are spaced: search those; verify() then reads the pages for the phrase.
      if (word.han && n > 1 && !res.results.some((r) => contiguous(r.words, n))) {
        const chars = await pf.search(Array.from(alt.text).join(" "), { filters });
        chars.results.forEach((r, order) => core.addHit(hits, r.id, TIER.partial, r.score, "partial", r, res.results.length + order));
      }
      return hits;
    },
    async pinyin(key) {
      const hits = new Map();
      const res = await pf.search(key.exact ? `"${key.text}"` : key.text, { filters });
      res.results.forEach((r, order) => core.addHit(hits, r.id, TIER.pinyin, r.score, "pinyin", r, order));
      return hits;
    },
    async name(hit) {
      const d = await dataOf(hit);
      return d.filters && d.filters["行业"] ? d.meta.title || "" : "";   // only worker pages have 行业
    },
  };
}

function dataOf(hit) {          // one fragment per page, however many words and routes found it
  if (!hit.item.loaded) hit.item.loaded = hit.item.data();
  return hit.item.loaded;
}

/* Pagefind returns a page when each part of a word is somewhere on it. The top of the list is checked
   against the page's own text (loaded to show it anyway): a word found as typed (or as one of its
   synonyms) is exact, one found by its pinyin stays a pinyin match, anything else is partial — so a name
   typed with a wrong character shows the right person above pages that merely hold those characters. */
async function verify(plan, ranked) {
  const han = plan.words.filter((w) => w.han);
  if (!han.length) return ranked;
  for (let round = 0; round < 3; round++) {
    const todo = ranked.slice(0, core.PAGE).filter((h) => !h.checked);
    if (!todo.length) break;
    await Promise.all(todo.map(async (h) => {
      const d = await dataOf(h);
      const text = `${d.meta.title || ""} ${d.content || ""}`.toLowerCase();
      const viaPinyin = h.why.includes("pinyin");
      let tier = TIER.exact;
      const why = [];
      for (const w of han) {
        const alt = w.alts.find((a) => text.includes(a.text));
        if (alt) { if (alt.via) why.push(alt.via); continue; }
        const t = viaPinyin ? TIER.pinyin : TIER.partial;
        tier = Math.max(tier, t);
        why.push(viaPinyin ? "pinyin" : "partial");
      }
      h.checked = true;
      h.tier = tier;
      h.why = [...new Set(why)];
    }));
    ranked.sort((a, b) => a.tier - b.tier || b.score - a.score || a.order - b.order);
  }
  return ranked;
}

const backend = {
  async search(plan, f, fullText) {
    const pf = await engine();
    const found = await core.searchWords(plan, finder(pf, pagefindFilters(f)), fullText);
    return { hits: await verify(plan, found.hits), nameOnly: found.nameOnly };
  },
  async filterOnly(f) {
    const pf = await engine();
    const res = await pf.search(null, { filters: pagefindFilters(f) });
    return res.results.map((r, order) => ({ id: r.id, item: r, order, tier: 0, score: 0, why: [] }));
  },
  async load(hit) {
    const d = await dataOf(hit);
    const pageUrl = new URL(d.url, location.href);
    const image = (d.filters && d.filters.image && d.filters.image[0]) || "";
    return {
      href: d.url, title: d.meta.title || "", honor: d.meta.honor || "", summary: d.meta.summary || "",
      image: image ? new URL(image, pageUrl).href : "",      // relative to the result's page
      excerpt: core.excerptParts(d.excerpt),                   // Pagefind escapes the text; we keep only text
    };
  },
};

core.start(backend);
