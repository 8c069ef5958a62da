/* 劳模风采录: browse filters, gallery lightbox, print button. Everything works without this file;
   it only hides, reorders and enhances what the HTML already shows. */
(function () {
  "use strict";

  var FILTERS = ["association", "level", "industry", "year", "sort"];

  function browse(root) {
    var form = root.querySelector("[data-filters]");
    var list = root.querySelector("[data-cards]");
    if (!form || !list) return;
    var cards = Array.prototype.slice.call(list.querySelectorAll(".fc-card"));
    var order = new Map(cards.map(function (c, i) { return [c, i]; }));
    var count = root.querySelector("[data-count]");
    var empty = root.querySelector("[data-empty]");
    var jump = root.querySelector("[data-jump]");
    form.hidden = false;

    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name) || "";
      if (select && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });

    function state() {
      var s = {};
      FILTERS.forEach(function (name) { s[name] = form.elements[name] ? form.elements[name].value : ""; });
      return s;
    }

    function matches(card, s) {
      if (s.association && (" " + card.dataset.association + " ").indexOf(" " + s.association + " ") < 0) return false;
      if (s.level && card.dataset.level !== s.level) return false;
      if (s.industry && card.dataset.industry !== s.industry) return false;
      if (s.year && (" " + card.dataset.years + " ").indexOf(" " + s.year + " ") < 0) return false;
      return true;
    }

    function apply(updateUrl) {
      var s = state();
      var shown = 0;
      cards.forEach(function (card) {
        var ok = matches(card, s);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      var sorted = cards.slice().sort(function (a, b) {
        if (s.sort === "year") {
          var d = Number(b.dataset.year) - Number(a.dataset.year);
          if (d) return d;
        }
        return order.get(a) - order.get(b);
      });
      sorted.forEach(function (card) { list.appendChild(card); });
      if (count) count.textContent = "共 " + shown + " 位" + (shown < cards.length ? "（全部 " + cards.length + " 位）" : "");
      if (empty) empty.hidden = shown > 0;
      if (jump) {
        jump.hidden = s.sort === "year";
        Array.prototype.forEach.call(jump.querySelectorAll("a"), function (a) {
          var any = cards.some(function (c) { return !c.hidden && c.dataset.initial === a.dataset.letter; });
          a.classList.toggle("fc-jump--off", !any);
          a.setAttribute("aria-disabled", any ? "false" : "true");
        });
      }
      if (updateUrl) {
        var p = new URLSearchParams(location.search);
        FILTERS.forEach(function (name) { if (s[name]) p.set(name, s[name]); else p.delete(name); });
        var q = p.toString();
        history.replaceState(null, "", location.pathname + (q ? "?" + q : "") + location.hash);
      }
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    if (jump) {
      jump.addEventListener("click", function (e) {
        var a = e.target.closest("a[data-letter]");
        if (!a) return;
        e.preventDefault();
        var target = cards.filter(function (c) { return !c.hidden; })
          .sort(function (x, y) { return order.get(x) - order.get(y); })
          .find(function (c) { return c.dataset.initial === a.dataset.letter; });
        if (target) {
          target.scrollIntoView({ behavior: "smooth", block: "start" });
          var link = target.querySelector("a");
          if (link) link.focus({ preventScroll: true });
        }
      });
    }
    apply(false);
  }

  function lightbox() {
    var links = Array.prototype.slice.call(document.querySelectorAll("a.fc-lightbox"));
    if (!links.length || typeof HTMLDialogElement === "undefined") return;
    var dialog = document.createElement("dialog");
    dialog.className = "fc-lightbox-dialog";
    dialog.setAttribute("aria-label", "查看大图");
    dialog.innerHTML = '<figure><img alt=""><figcaption></figcaption></figure>' +
      '<button type="button" class="fc-lb-close" aria-label="关闭">✕</button>' +
      '<button type="button" class="fc-lb-prev" aria-label="上一张">‹</button>' +
      '<button type="button" class="fc-lb-next" aria-label="下一张">›</button>';
    document.body.appendChild(dialog);
    var img = dialog.querySelector("img");
    var caption = dialog.querySelector("figcaption");
    var current = 0;
    var opener = null;

    function show(i) {
      current = (i + links.length) % links.length;
      var a = links[current];
      img.src = a.href;
      img.alt = a.dataset.caption || "";
      caption.textContent = (a.dataset.caption || "") + "（" + (current + 1) + " / " + links.length + "）";
    }
    links.forEach(function (a, i) {
      a.addEventListener("click", function (e) {
        e.preventDefault();
        opener = a;
        show(i);
        dialog.showModal();
        dialog.querySelector(".fc-lb-close").focus();
      });
    });
    dialog.querySelector(".fc-lb-close").addEventListener("click", function () { dialog.close(); });
    dialog.querySelector(".fc-lb-prev").addEventListener("click", function () { show(current - 1); });
    dialog.querySelector(".fc-lb-next").addEventListener("click", function () { show(current + 1); });
    dialog.addEventListener("keydown", function (e) {
      if (e.key === "ArrowLeft") { show(current - 1); e.preventDefault(); }
      if (e.key === "ArrowRight") { show(current + 1); e.preventDefault(); }
    });
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { if (opener) opener.focus(); });
  }

  function printButton() {
    if (document.documentElement.classList.contains("fc-kiosk")) return;   // no printer at the exhibition
    Array.prototype.forEach.call(document.querySelectorAll(".fc-print"), function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { window.print(); });
    });
  }

  function start() {
    var root = document.querySelector("[data-browse]");
    if (root) browse(root);
    lightbox();
    printButton();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
