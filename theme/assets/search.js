/* The search page: Pagefind's JS API with our own result cards (portrait, honor, excerpt).
   Loaded only on search/ (see theme/main.html); ?q= runs a search on load, so results can be shared. */
const page = document.querySelector("[data-search-page]");
const siteRoot = new URL("../", location.href);           // search/ sits one folder below the site root
const form = page.querySelector("[data-search-form]");
const input = form.querySelector("input[name=q]");
const status = page.querySelector("[data-search-status]");
const results = page.querySelector("[data-search-results]");
const PAGE = 10;   // results loaded per step: each costs a fragment fetch (~2–3 KB)
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
let pagefind = null;
let latest = 0;

async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
    await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 40 });
    pagefind.init();
  }
  return pagefind;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

// Pagefind's excerpt is page text, HTML-escaped, with <mark> around the hits. It is rebuilt from text nodes
// (and the <mark>s) rather than assigned as HTML, so page text can never become markup here.
function markedText(target, html) {
  const text = (s) => new DOMParser().parseFromString("<body>" + s, "text/html").body.textContent;  // inert, keeps spaces
  let marked = false;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === "<mark>" || part === "</mark>") marked = part === "<mark>";
    else if (part) target.append(marked ? el("mark", "", text(part)) : text(part));
  }
}

function card(data) {
  const li = el("li", "fc-result");
  const a = el("a");
  a.href = data.url;
  if (data.meta.image) {
    const img = el("img", "fc-result__img" + (data.meta.honor ? "" : " fc-result__img--square"));
    img.src = new URL(data.meta.image, new URL(data.url, location.href)).href;  // relative to the result's page
    img.alt = "";
    img.loading = "lazy";
    a.append(img);
  }
  const text = el("span", "fc-result__text");
  text.append(el("span", "fc-result__title", data.meta.title || data.url));
  if (data.meta.honor) text.append(el("span", "fc-result__honor", data.meta.honor));
  const excerpt = el("span", "fc-result__excerpt");
  if (data.meta.summary) excerpt.textContent = data.meta.summary;   // worker: employer · position · association
  else markedText(excerpt, data.excerpt);
  text.append(excerpt);
  a.append(text);
  li.append(a);
  return li;
}

async function run(query) {
  const ticket = ++latest;
  query = query.trim();
  results.replaceChildren();
  page.querySelector("[data-search-more]")?.remove();
  if (!query) {
    status.textContent = "请输入要找的姓名、拼音、单位、地名或荣誉。";
    return;
  }
  status.textContent = "正在搜索…";
  const pf = await engine();
  const found = await pf.search(query);
  // The browser and the indexer split Chinese into words differently ("清源电力" vs "清源" + "电力");
  // pages also carry their key phrases character by character, so retry the query that way when the
  // first search finds less than a page of results (the retry loads more of the index).
  if (CJK.test(query) && found.results.length < PAGE) {
    const seen = new Set(found.results.map((r) => r.id));
    const more = await pf.search(Array.from(query).map((c) => (CJK.test(c) ? ` ${c} ` : c)).join("").replace(/\s+/g, " ").trim());
    for (const r of more.results) if (!seen.has(r.id)) found.results.push(r);
  }
  if (ticket !== latest) return;
  await showMore(found.results, 0, ticket);
  if (ticket !== latest) return;
  // the status comes last: screen readers (and tests) read it once the first results are on the page
  status.textContent = found.results.length
    ? `找到 ${found.results.length} 条与“${query}”相关的结果。`
    : `没有找到与“${query}”相关的内容。试试只输入姓或名，或用拼音首字母（如 smj）。`;
}

// Results arrive PAGE at a time, with a button for the next ones, so a query on a 10,000-page site
// fetches a few dozen KB instead of every hit's fragment.
async function showMore(all, from, ticket) {
  page.querySelector("[data-search-more]")?.remove();
  const data = await Promise.all(all.slice(from, from + PAGE).map((r) => r.data()));
  if (ticket !== latest) return;
  data.forEach((d) => results.append(card(d)));
  const rest = all.length - from - PAGE;
  if (rest > 0) {
    const more = el("button", "fc-button fc-search-more", `显示更多结果（还有 ${rest} 条）`);
    more.type = "button";
    more.dataset.searchMore = "";
    more.addEventListener("click", async () => {
      const next = results.children.length;
      await showMore(all, from + PAGE, ticket);
      results.children[next]?.querySelector("a")?.focus();   // keyboard users continue where the new ones start
    });
    results.after(more);
  }
}

function fromUrl() {
  const q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  run(q);
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const q = input.value.trim();
  const url = new URL(location.href);
  if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
  history.pushState(null, "", url);
  run(q);
});
let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const url = new URL(location.href);
    url.searchParams.set("q", input.value.trim());
    history.replaceState(null, "", url);
    run(input.value);
  }, 300);
});
window.addEventListener("popstate", fromUrl);
fromUrl();
if (!input.value) input.focus();
