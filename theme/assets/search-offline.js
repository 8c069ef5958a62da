/* The offline copy's search backend (fengcai build --offline, opened from file://: no fetch(), no module
   scripts, so no Pagefind). search-data.js holds one record per page (generator/site/search_data.py):
   [url, title, honor, image, summary, pinyin, text, associations, level]. The query is read and the page
   drawn by search-core.js, exactly as on the web site; this file only finds the pages, the way the web
   site's search.js does with Pagefind:
     text     a word (or a synonym) is exact when it occurs in the page's text, partial when only its
              characters do — what Pagefind's word-by-word match plus search.js's verify() give online
     pinyin   a worker whose name has the word's pinyin (search-core decides when to ask)
   A Latin word matches the start of a pinyin form of the name (sunmj → sunmj…) or the text. */
(function () {
  "use strict";

  var core = window.FengcaiSearch;
  if (!core || !document.querySelector("[data-search-page]")) return;
  var TIER = core.TIER;
  var siteRoot = new URL("../", location.href);      // search/index.html sits one folder below the root

  var index = (window.FENGCAI_SEARCH || []).map(function (r, order) {
    return {
      r: r, order: order, title: r[1].toLowerCase(), honor: r[2].toLowerCase(), summary: r[4].toLowerCase(),
      forms: r[5] ? r[5].split("|") : [], text: (r[6] || "").toLowerCase(),
      all: [r[1], r[2], r[4], r[6]].join("|").toLowerCase(),
      associations: (r[7] || "").split(" "), level: r[8] || ""
    };
  });

  function exactScore(item, text, latin) {
    var s = 0;
    if (latin) {
      item.forms.forEach(function (f) { if (f.indexOf(text) === 0) s = Math.max(s, f === text ? 100 : 90); });
    }
    if (item.title === text) s = Math.max(s, 120);
    else if (item.title.indexOf(text) >= 0) s = Math.max(s, 100);
    if (item.honor.indexOf(text) >= 0) s = Math.max(s, 50);
    if (item.summary.indexOf(text) >= 0) s = Math.max(s, 40);
    if (!s && item.text.indexOf(text) >= 0) s = 20;
    return s;
  }

  function scattered(item, text) {
    return Array.from(text).every(function (c) { return item.all.indexOf(c) >= 0; });
  }

  /* The backend's part of search-core's searchWords, over the records that pass the filters. */
  function finder(items) {
    return {
      text: function (alt, word) {
        var hits = new Map();
        items.forEach(function (item) {
          var s = exactScore(item, alt.text, word.latin);
          if (s) core.addHit(hits, item.order, TIER.exact, s, alt.via, item, item.order);
          else if (word.han && scattered(item, alt.text)) core.addHit(hits, item.order, TIER.partial, 5, "partial", item, item.order);
        });
        return Promise.resolve(hits);
      },
      pinyin: function (key) {
        var hits = new Map();
        items.forEach(function (item) {
          var hit = item.forms.some(function (f) { return key.exact ? f === key.text : f.indexOf(key.text) === 0; });
          if (hit) core.addHit(hits, item.order, TIER.pinyin, key.exact ? 80 : 60, "pinyin", item, item.order);
        });
        return Promise.resolve(hits);
      },
      name: function (hit) { return Promise.resolve(hit.item.r[5] ? hit.item.r[1] : ""); }   // workers have pinyin
    };
  }

  function filtered(f) {
    return index.filter(function (item) {
      return (!f.association || item.associations.indexOf(f.association) >= 0) && (!f.level || item.level === f.level);
    });
  }

  core.start({
    search: function (plan, f, fullText) {
      return core.searchWords(plan, finder(filtered(f)), fullText);
    },
    filterOnly: function (f) {
      return Promise.resolve(filtered(f).map(function (item) {
        return { id: item.order, item: item, order: item.order, tier: 0, score: 0, why: [] };
      }));
    },
    load: function (hit) {
      var r = hit.item.r;
      return Promise.resolve({
        href: new URL(r[0], siteRoot).href, title: r[1], honor: r[2], summary: r[4],
        image: r[3] ? new URL(r[3], siteRoot).href : "", excerpt: []
      });
    }
  });
})();
