/* 劳模风采录 — the search page, shared by the web site (search.js: Pagefind) and the offline copy
   (search-offline.js: search-data.js, file://). A classic script, loaded after search-lexicon.js.

   This file reads the query the way the reader meant it and draws the page; a backend finds the pages.
     plan()    normalise (full-width, tones, traditional → simplified), split into words (all must match),
               expand synonyms (content/search.yml), pinyin keys for Chinese words (homophones, wrong
               input-method picks), join spaced pinyin ("sun mei jin" → sunmeijin)
     rank()    merge the words' hits: every word must match; exact before pinyin before partial matches
     start()   the page: form, filters, URL (?q=&association=&level=), status (aria-live), result cards
               built with DOM APIs and textContent only, ten at a time
   A backend is `{ search, filterOnly, load }` (see start()); its finding goes through searchWords(). */
(function () {
  "use strict";

  var LEX = window.FENGCAI_LEXICON || { synonyms: {}, t2s: "", pinyin: {}, pinyin2: {}, surnames: {} };
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  var PAGE = 10;
  var TIER = { exact: 0, pinyin: 1, partial: 2 };

  // ---- the lexicon, unpacked once ----------------------------------------------------------------
  var T2S = new Map();
  var chars = Array.from(LEX.t2s || "");
  for (var i = 0; i + 1 < chars.length; i += 2) T2S.set(chars[i], chars[i + 1]);
  var READINGS = new Map();          // 曾 → ["zeng", "ceng"], most common first
  [LEX.pinyin || {}, LEX.pinyin2 || {}].forEach(function (table) {      // the most common reading first
    Object.keys(table).forEach(function (syl) {
      Array.from(table[syl]).forEach(function (c) {
        if (!READINGS.has(c)) READINGS.set(c, []);
        READINGS.get(c).push(syl);
      });
    });
  });
  var SYLLABLES = new Set(Object.keys(LEX.pinyin || {}).concat(Object.keys(LEX.pinyin2 || {})));
  var SYNONYMS = Object.keys(LEX.synonyms || {}).sort(function (a, b) { return b.length - a.length; });

  // ---- reading the query -------------------------------------------------------------------------
  function isHan(s) { return HAN.test(s); }
  function allHan(s) { return Array.from(s).every(isHan); }
  function isLatin(s) { return /^[a-z0-9]+$/.test(s); }

  /* "孙梅金", "sun mj" → the letters as pinyin units, each a whole syllable or the start of one
     (ouyangqs → ou yang q s); null when the letters are not pinyin. */
  function pinyinUnits(s) {
    var memo = {};
    function go(i) {
      if (i === s.length) return [];
      if (i in memo) return memo[i];
      var best = null;
      for (var j = Math.min(s.length, i + 6); j > i; j--) {
        var part = s.slice(i, j);
        if (SYLLABLES.has(part) || (j - i <= 2 && /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])$/.test(part))) {
          var rest = go(j);
          if (rest) { best = [part].concat(rest); break; }
        }
      }
      memo[i] = best;
      return best;
    }
    return /^[a-z]+$/.test(s) ? go(0) : null;
  }

  function readingsOf(word, givenFollows) {
    /* one list of readings per character; a surname's own reading first (曾 zeng, 单 shan, 尉迟 yu chi).
       givenFollows: the given name comes after the word as letters (曾ql), so the word may be all surname */
    var cs = Array.from(word);
    var out = cs.map(function (c) { return (READINGS.get(c) || []).slice(); });
    var sur = LEX.surnames || {};
    var two = cs.slice(0, 2).join("");
    var n = cs.length + (givenFollows ? 1 : 0);
    if (n > 2 && sur[two]) {
      sur[two].split(" ").forEach(function (syl, k) { out[k] = [syl].concat(out[k].filter(function (r) { return r !== syl; })); });
    } else if (n > 1 && sur[cs[0]]) {
      out[0] = [sur[cs[0]]].concat(out[0].filter(function (r) { return r !== sur[cs[0]]; }));
    }
    return out;
  }

  /* 欧阳青送 → [{text: "ouyangqingsong", exact: true}]: the pinyin a name typed with the wrong characters
     still has. A character without a reading ends the key there (then it is matched as a prefix). */
  function pinyinKeys(word) {
    var cs = Array.from(word);
    if (cs.length < 2 || cs.length > 5 || !allHan(word)) return [];
    var options = readingsOf(word);
    var cut = options.findIndex(function (o) { return !o.length; });
    if (cut === 0 || cut === 1) return [];
    if (cut > 0) options = options.slice(0, cut);
    var combos = [{ text: "", cost: 0 }];
    options.forEach(function (readings) {
      var next = [];
      combos.forEach(function (c) {
        readings.forEach(function (r, k) { next.push({ text: c.text + r, cost: c.cost + k }); });
      });
      next.sort(function (a, b) { return a.cost - b.cost; });
      combos = next.slice(0, 6);
    });
    return combos.map(function (c) { return { text: c.text, exact: cut < 0 }; });
  }

  /* The pinyin forms of a name (first reading of each character, surname reading first), as the page
     carries them: full syllables, then initials (孙梅金 → sunmeijin sunmeij sunmj smj). */
  function nameForms(name) {
    var syl = readingsOf(name).map(function (r) { return r[0] || ""; });
    if (!name || syl.some(function (s) { return !s; })) return [];
    var forms = [];
    function add(part, fullAtLeast) {
      for (var k = part.length; k >= fullAtLeast; k--) {
        forms.push(part.slice(0, k).join("") + part.slice(k).map(function (s) { return s[0]; }).join(""));
      }
    }
    for (var start = 0; start < Math.min(3, syl.length); start++) add(syl.slice(start), 0);   // the given name alone, too
    var usual = (READINGS.get(Array.from(name)[0]) || [])[0];      // 单 read dan (search_terms._misread_surname_forms)
    if (usual && usual !== syl[0]) add([usual].concat(syl.slice(1)), 1);
    return forms;
  }

  /* 欧阳mq, 曾ql: a surname typed in characters, the rest in pinyin → the whole name in pinyin
     (["ouyangmq"], at most three readings of the characters, the surname's own first); null otherwise.
     The Pagefind query splits 欧阳mq into 欧阳 + mq on its own; the offline copy needs the pinyin. */
  function mixedPinyin(word) {
    var cs = Array.from(word);
    var k = 0;
    while (k < cs.length && isHan(cs[k])) k++;
    var rest = cs.slice(k).join("");
    if (k < 1 || k > 2 || !/^[a-z]+$/.test(rest) || !pinyinUnits(rest)) return null;
    var options = readingsOf(cs.slice(0, k).join(""), true);
    if (options.some(function (o) { return !o.length; })) return null;
    var out = [""];
    options.forEach(function (readings) {
      var next = [];
      out.forEach(function (t) { readings.forEach(function (r) { next.push(t + r); }); });
      out = next.slice(0, 3);
    });
    return out.map(function (t) { return t + rest; });
  }

  function expandSynonyms(word) {
    /* 全国劳模 → [{text: "全国劳动模范", term: "全国劳模", means: "全国劳动模范"}]: longest terms first */
    var out = [];
    SYNONYMS.forEach(function (term) {
      if (word.indexOf(term) < 0) return;
      if (out.some(function (o) { return o.term.indexOf(term) >= 0; })) return;   // 劳模 inside 全国劳模
      LEX.synonyms[term].forEach(function (means) {
        out.push({ text: word.split(term).join(means), term: term, means: means });
      });
    });
    return out.slice(0, 4);
  }

  function normalise(query) {
    // ü is v before the marks go (Lǚ → lv, not lu); then tones and other marks are dropped
    var q = (query || "").normalize("NFKC").toLowerCase().normalize("NFD").replace(/u\u0308|u:/g, "v")
      .replace(/\p{M}/gu, "").normalize("NFC");
    q = q.replace(/[^\p{L}\p{N}]+/gu, " ").replace(/\s+/g, " ").trim();
    var simplified = Array.from(q).map(function (c) { return T2S.get(c) || c; }).join("");
    return { text: simplified, traditional: simplified !== q ? q : "" };
  }

  function plan(query) {
    var n = normalise(query);
    var words = n.text ? n.text.split(" ") : [];
    if (words.length > 1 && words.every(function (w) { return Array.from(w).length === 1 && isHan(w); })) {
      words = [words.join("")];                                   // 孙 梅 金 → 孙梅金
    } else if (words.length > 1 && words.every(function (w) { return pinyinUnits(w); })) {
      var joined = words.join("");                                // sun mei jin → sunmeijin; ouyang qs → ouyangqs
      if (pinyinUnits(joined).length <= 6) words = [joined];
    }
    var notes = [];
    if (n.traditional) notes.push("已按简体字“" + n.text + "”查找");
    var out = words.map(function (w) {
      var mixed = mixedPinyin(w);
      if (mixed) {
        return { text: mixed[0], han: false, latin: true, keys: [],      // and as typed (北斗gps)
                 alts: mixed.concat([w]).map(function (t) { return { text: t, via: "" }; }) };
      }
      var alts = [{ text: w, via: "" }];
      expandSynonyms(w).forEach(function (s) {
        alts.push({ text: s.text, via: s.means });
        notes.push("“" + s.term + "”也按“" + s.means + "”查找");
      });
      return { text: w, han: isHan(w), latin: isLatin(w), alts: alts, keys: pinyinKeys(w) };
    });
    return { text: n.text, words: out, notes: notes };
  }

  // ---- ranking -------------------------------------------------------------------------------------
  /* hits: one Map per word, id → {tier, score, why: [reasons], order, item}. Every word must match. */
  function rank(hits) {
    if (!hits.length) return [];
    var out = [];
    hits[0].forEach(function (first, id) {
      var all = hits.map(function (h) { return h.get(id); });
      if (all.some(function (h) { return !h; })) return;
      var why = [];
      all.forEach(function (h) { h.why.forEach(function (w) { if (w && why.indexOf(w) < 0) why.push(w); }); });
      out.push({ id: id, item: first.item, order: first.order,
                 tier: Math.max.apply(null, all.map(function (h) { return h.tier; })),
                 score: all.reduce(function (s, h) { return s + h.score; }, 0), why: why });
    });
    out.sort(function (a, b) { return a.tier - b.tier || b.score - a.score || a.order - b.order; });
    return out;
  }

  /* The search itself, the same on both copies. `ops` finds pages, each call a Map id → hit:
       ops.text(alt, word)  pages holding the word as typed or one of its synonyms (exact, or partial when
                            only its parts are there)
       ops.pinyin(key)      pages whose name has this pinyin (homophones, wrong input-method picks)
       ops.name(hit)        → Promise of the worker's name ("" for any other page)
     A Chinese word of two to five characters is first looked up as a name by its pinyin, the surname's
     reading first: one small index chunk instead of one per character. When a page's title holds the
     word, the name is found and the rest of the text is not searched (nameOnly: the page offers a button
     for it). Otherwise its other readings and the text are searched, and pinyin matches rank below text. */
  function searchWords(p, ops, fullText) {
    return Promise.all(p.words.map(function (w) { return wordHits(w, ops, fullText); })).then(function (per) {
      return { hits: rank(per.map(function (x) { return x.hits; })),
               nameOnly: per.some(function (x) { return x.nameOnly; }) };
    });
  }

  function wordHits(word, ops, fullText) {
    var hits = new Map();
    var named = false;
    function merge(maps) {
      maps.forEach(function (m) { m.forEach(function (h, id) { addHit(hits, id, h.tier, h.score, h.why[0], h.item, h.order); }); });
    }
    function texts() {
      return Promise.all(word.alts.map(function (a) { return ops.text(a, word); })).then(merge);
    }
    function lookup(keys) {
      return Promise.all(keys.map(ops.pinyin)).then(merge).then(function () {
        var candidates = Array.from(hits.values()).filter(function (h) { return h.tier === TIER.pinyin; })
          .sort(function (a, b) { return b.score - a.score || a.order - b.order; }).slice(0, 2 * PAGE);
        return Promise.all(candidates.map(function (h) {
          return ops.name(h).then(function (name) {
            name = (name || "").toLowerCase();
            if (!name) hits.forEach(function (x, id) { if (x === h) hits.delete(id); });   // pinyin is for names
            else if (word.alts.some(function (a) { return name.indexOf(a.text) >= 0; })) {
              h.tier = TIER.exact;
              h.why = [];
              named = true;
            }
          });
        }));
      });
    }
    if (!word.keys.length) return texts().then(function () { return { hits: hits, nameOnly: false }; });
    return lookup(word.keys.slice(0, 1))
      .then(function () { return named ? null : lookup(word.keys.slice(1)); })
      .then(function () { return named && !fullText ? null : texts(); })
      .then(function () { return { hits: hits, nameOnly: named && !fullText }; });
  }

  function addHit(map, id, tier, score, why, item, order) {
    var h = map.get(id);
    if (!h) { map.set(id, { tier: tier, score: score, why: why ? [why] : [], item: item, order: order }); return; }
    if (tier < h.tier || (tier === h.tier && score > h.score)) { h.tier = tier; h.score = score; h.why = why ? [why] : []; }
  }

  /* Why a result is there, in words, when it is not simply the text the reader typed. */
  function reasons(hit, data, p) {
    var out = [];
    var title = (data.title || "").toLowerCase();
    var named = p.words.some(function (w) {
      return w.han && w.alts.some(function (a) { return title.indexOf(a.text) >= 0; });
    });
    hit.why.forEach(function (w) {
      if (w === "pinyin") { if (!named) out.push("按拼音匹配"); }   // a namesake beyond the ones checked
      else if (w === "partial") out.push("部分字词匹配");
      else if (w) out.push("按“" + w + "”匹配");
    });
    if (out.indexOf("按拼音匹配") < 0 && data.title && isHan(data.title)) {
      var forms = nameForms(data.title);
      var latin = p.words.filter(function (w) { return w.latin && /[a-z]/.test(w.text); });
      if (latin.length && latin.every(function (w) {
        return forms.some(function (f) { return f.indexOf(w.text) === 0; });
      })) out.push("按拼音匹配");
    }
    return out;
  }

  // ---- the page ------------------------------------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  /* data: {href, title, honor, image, summary, excerpt: [[text, marked], …]} — all plain text */
  function card(data, why) {
    var li = el("li", "fc-result");
    var a = el("a");
    a.href = data.href;
    if (data.image) {
      var img = el("img", "fc-result__img" + (data.honor ? "" : " fc-result__img--square"));
      img.src = data.image;
      img.alt = "";
      img.loading = "lazy";
      a.appendChild(img);
    }
    var text = el("span", "fc-result__text");
    text.appendChild(el("span", "fc-result__title", data.title || data.href));
    if (data.honor) text.appendChild(el("span", "fc-result__honor", data.honor));
    var excerpt = el("span", "fc-result__excerpt");
    if (data.summary) excerpt.textContent = data.summary;
    else (data.excerpt || []).forEach(function (part) {
      excerpt.appendChild(part[1] ? el("mark", "", part[0]) : document.createTextNode(part[0]));
    });
    text.appendChild(excerpt);
    if (why.length) {
      var tags = el("span", "fc-result__why");
      why.forEach(function (w) { tags.appendChild(el("span", "fc-result__reason", w)); });
      text.appendChild(tags);
    }
    a.appendChild(text);
    li.appendChild(a);
    return li;
  }

  /* An HTML excerpt with <mark> (Pagefind's) → [[text, marked]]: parsed in an inert document, only text kept. */
  function excerptParts(html) {
    var doc = new DOMParser().parseFromString("<p>" + (html || "") + "</p>", "text/html");
    var out = [];
    (function walk(node, marked) {
      node.childNodes.forEach(function (n) {
        if (n.nodeType === 3) out.push([n.textContent, marked]);
        else if (n.nodeType === 1) walk(n, marked || n.nodeName === "MARK");
      });
    })(doc.body, false);
    return out;
  }

  /* backend.search(plan, filters) → Promise of ranked hits; backend.load(hit) → Promise of card data;
     backend.filterOnly(filters) → Promise of hits when the query is empty but a filter is chosen. */
  function start(backend) {
    var page = document.querySelector("[data-search-page]");
    if (!page) return;
    var form = page.querySelector("[data-search-form]");
    var input = form.querySelector("input[name=q]");
    var selects = Array.prototype.slice.call(page.querySelectorAll("select[data-search-filter]"));
    var status = page.querySelector("[data-search-status]");
    var notes = page.querySelector("[data-search-notes]");
    var results = page.querySelector("[data-search-results]");
    var latest = 0;

    function filters() {
      var f = {};
      selects.forEach(function (s) { if (s.value) f[s.name] = s.value; });
      return f;
    }

    function clear() {
      while (results.firstChild) results.removeChild(results.firstChild);
      ["[data-search-more]", "[data-search-fulltext]"].forEach(function (sel) {
        var old = page.querySelector(sel);
        if (old) old.remove();
      });
      notes.textContent = "";
    }

    function run(query, reveal, fullText) {
      var ticket = ++latest;
      query = (query || "").trim();
      var f = filters();
      var p = plan(query);
      clear();
      if (!p.words.length && !Object.keys(f).length) {
        status.textContent = "请输入要找的姓名、拼音、单位、地名或荣誉。";
        return Promise.resolve();
      }
      status.textContent = "正在搜索…";
      var found = p.words.length ? backend.search(p, f, fullText) : backend.filterOnly(f).then(function (hits) {
        return { hits: hits, nameOnly: false };
      });
      return found.then(function (res) {
        if (ticket !== latest) return;
        var hits = res.hits;
        return show(hits, 0, ticket, p).then(function () {
          if (ticket !== latest) return;
          notes.textContent = p.notes.join("；");
          if (res.nameOnly) offerFullText(query);
          // last: a screen reader announces the count once the first results are on the page
          var what = query ? "与“" + query + "”相关的" : "符合筛选条件的";
          status.textContent = hits.length
            ? "找到 " + hits.length + " 条" + what + "结果。"
            : "没有找到" + what + "内容。试试只输入姓或名，或用拼音首字母（如 smj）" + (Object.keys(f).length ? "，或放宽筛选条件。" : "。");
          if (reveal) revealResults();
        });
      }).catch(function (err) {
        if (ticket !== latest) return;
        status.textContent = "搜索出错了，请刷新页面再试。";
        throw err;
      });
    }

    /* A name was found by its name: the articles and introductions that mention it were not searched. */
    function offerFullText(query) {
      var button = el("button", "fc-button fc-button--ghost fc-search-full", "在文章和介绍中查找“" + query + "”");
      button.type = "button";
      button.setAttribute("data-search-fulltext", "");
      button.addEventListener("click", function () { run(input.value, false, true); });
      (page.querySelector("[data-search-more]") || results).after(button);
    }

    /* On a phone the form and filters can fill the screen: after choosing a filter, bring the count and
       the first results into view instead of leaving them below the fold. */
    function revealResults() {
      var first = results.firstElementChild || status;
      var box = first.getBoundingClientRect();
      if (box.top > window.innerHeight - 80 || box.top < 0) status.scrollIntoView({ block: "start", behavior: "smooth" });
    }

    function show(all, from, ticket, p) {
      var more = page.querySelector("[data-search-more]");
      if (more) more.remove();
      var slice = all.slice(from, from + PAGE);
      return Promise.all(slice.map(function (h) { return backend.load(h); })).then(function (data) {
        if (ticket !== latest) return;
        data.forEach(function (d, k) { results.appendChild(card(d, reasons(slice[k], d, p))); });
        var rest = all.length - from - PAGE;
        if (rest > 0) {
          var button = el("button", "fc-button fc-search-more", "显示更多结果（还有 " + rest + " 条）");
          button.type = "button";
          button.setAttribute("data-search-more", "");
          button.addEventListener("click", function () {
            var next = results.children.length;
            show(all, from + PAGE, ticket, p).then(function () {
              var link = results.children[next] && results.children[next].querySelector("a");
              if (link) link.focus();            // keyboard users continue where the new ones start
            });
          });
          results.after(button);
        }
      });
    }

    function writeUrl(push) {
      var params = new URLSearchParams();
      if (input.value.trim()) params.set("q", input.value.trim());
      selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
      var search = params.toString();
      try {
        history[push ? "pushState" : "replaceState"](null, "", search ? "?" + search : location.pathname.split("/").pop() || "./");
      } catch (e) { /* some browsers refuse history on file:// */ }
    }

    function fromUrl(keepTyped) {
      var params = new URLSearchParams(location.search);
      var typed = input.value;
      // a reader who typed before this script arrived keeps what they typed
      if (!(keepTyped && typed && typed !== (params.get("q") || ""))) input.value = params.get("q") || "";
      selects.forEach(function (s) {
        var v = params.get(s.name) || "";
        if (!(keepTyped && s.value && !v) && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
      });
      if (keepTyped && input.value !== (params.get("q") || "")) writeUrl(false);
      return run(input.value);
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      writeUrl(true);
      run(input.value);
    });
    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { writeUrl(false); run(input.value); }, 300);
    });
    selects.forEach(function (s) {
      s.addEventListener("change", function () { writeUrl(true); run(input.value, true); });
    });
    window.addEventListener("popstate", function () { fromUrl(false); });
    page.setAttribute("data-search-ready", "");
    var first = fromUrl(true);
    if (!input.value && document.activeElement === document.body) input.focus();
    return first;
  }

  // what the two backends (search.js, search-offline.js) use
  window.FengcaiSearch = {
    searchWords: searchWords, addHit: addHit, TIER: TIER, excerptParts: excerptParts, start: start, PAGE: PAGE
  };
})();
