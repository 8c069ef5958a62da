/* The search page of the offline copy (fengcai build --offline), which is opened from file://:
   no fetch(), no module scripts, so no Pagefind. search-data.js (loaded just before this file) holds one
   record per page: [url, title, honor, image, summary, terms]; see generator/site/search_data.py.
   Matching is by substring over the title, honor, summary and terms, so a name, a given name, every pinyin
   form, an employer, a place or an honor all find the page. Results look like the online ones. */
(function () {
  "use strict";

  var page = document.querySelector("[data-search-page]");
  if (!page) return;
  var records = window.FENGCAI_SEARCH || [];
  var siteRoot = new URL("../", location.href);      // search/index.html sits one folder below the root
  var form = page.querySelector("[data-search-form]");
  var input = form.querySelector("input[name=q]");
  var status = page.querySelector("[data-search-status]");
  var results = page.querySelector("[data-search-results]");
  var LIMIT = 30;
  var CJK_GAP = /([\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])/g;

  var index = records.map(function (r) {
    var terms = r[5] ? r[5].split("|") : [];
    return { r: r, title: r[1].toLowerCase(), terms: terms,
             text: [r[1], r[2], r[4], r[5]].join("|").toLowerCase() };
  });

  function normalise(q) {
    return q.toLowerCase().replace(/\s+/g, " ").trim().replace(CJK_GAP, "$1");   // "孙 梅 金" → "孙梅金"
  }

  function score(item, q, words) {
    if (item.title === q) return 100;
    if (item.terms.indexOf(q) >= 0) return 90;               // sunmeijin, smj, 梅金 …
    if (item.title.indexOf(q) === 0) return 80;
    if (item.title.indexOf(q) >= 0) return 60;
    if (item.text.indexOf(q) >= 0) return 40;
    if (words.length > 1 && words.every(function (w) { return item.text.indexOf(w) >= 0; })) return 20;
    return 0;
  }

  function find(query) {
    var q = normalise(query);
    var words = q.split(" ");
    var hits = [];
    index.forEach(function (item, order) {
      var s = score(item, q, words);
      if (s) hits.push({ s: s, order: order, r: item.r });
    });
    hits.sort(function (a, b) { return b.s - a.s || a.order - b.order; });
    return hits.map(function (h) { return h.r; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function card(r) {
    var li = el("li", "fc-result");
    var a = el("a");
    a.href = new URL(r[0], siteRoot).href;
    if (r[3]) {
      var img = el("img", "fc-result__img" + (r[2] ? "" : " fc-result__img--square"));
      img.src = new URL(r[3], siteRoot).href;
      img.alt = "";
      img.loading = "lazy";
      a.appendChild(img);
    }
    var text = el("span", "fc-result__text");
    text.appendChild(el("span", "fc-result__title", r[1]));
    if (r[2]) text.appendChild(el("span", "fc-result__honor", r[2]));
    if (r[4]) text.appendChild(el("span", "fc-result__excerpt", r[4]));
    a.appendChild(text);
    li.appendChild(a);
    return li;
  }

  function run(query) {
    query = query.trim();
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!query) {
      status.textContent = "请输入要找的姓名、拼音、单位、地名或荣誉。";
      return;
    }
    var found = find(query);
    found.slice(0, LIMIT).forEach(function (r) { results.appendChild(card(r)); });
    status.textContent = found.length
      ? "找到 " + found.length + " 条与“" + query + "”相关的结果" + (found.length > LIMIT ? "，显示前 " + LIMIT + " 条。" : "。")
      : "没有找到与“" + query + "”相关的内容。试试只输入姓或名，或用拼音首字母（如 smj）。";
  }

  function fromUrl() {
    var q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    run(q);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value.trim();
    try { history.pushState(null, "", "?q=" + encodeURIComponent(q)); } catch (err) { /* some file:// browsers */ }
    run(q);
  });
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 200);
  });
  window.addEventListener("popstate", fromUrl);
  fromUrl();
  if (!input.value) input.focus();
})();
