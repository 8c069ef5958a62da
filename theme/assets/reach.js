/* 劳模风采录: reaching every reader — the 长者模式 switch, and the exhibition kiosk (fengcai build --kiosk):
   return to the start screen when nobody touches it, no context menu, the start page's attract loop.
   The head of every page (theme/main.html) already applied 长者模式 before the first paint. */
(function () {
  "use strict";

  var root = document.documentElement;
  var ELDER_KEY = "fc-elder";

  function remember(on) {
    try {
      if (on) localStorage.setItem(ELDER_KEY, "1"); else localStorage.removeItem(ELDER_KEY);
    } catch (e) { /* private mode: the switch still works on this page */ }
  }

  function elderMode() {
    var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-elder-toggle]"));
    function show() {
      var on = root.classList.contains("fc-elder");
      buttons.forEach(function (b) {
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.textContent = on ? "退出长者模式" : "长者模式";           // the state in words, not only in colour
        b.title = on ? "恢复正常字号" : "放大字号、加强对比、加大按钮";
      });
    }
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        var on = !root.classList.contains("fc-elder");
        root.classList.toggle("fc-elder", on);
        remember(on);
        show();
      });
    });
    show();
  }

  // ---- kiosk ----------------------------------------------------------------------------------
  function startUrl() {
    var logo = document.querySelector("[data-md-component=logo]");
    return logo ? logo.href : null;
  }

  function idleReturn(seconds) {
    var home = startUrl();
    var onStart = !!document.querySelector("[data-kiosk-start]");
    var timer = 0;
    function reset() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        remember(false);                 // the next visitor starts with the normal text size
        if (onStart) {
          root.classList.remove("fc-elder");
          window.scrollTo(0, 0);
          reset();
        } else if (home) {
          location.href = home;
        }
      }, seconds * 1000);
    }
    ["pointerdown", "keydown", "wheel", "scroll", "touchstart", "input"].forEach(function (type) {
      window.addEventListener(type, reset, { passive: true, capture: true });
    });
    reset();
  }

  function kiosk() {
    var meta = document.querySelector("meta[name=fc-kiosk-idle]");
    if (!meta) return;
    document.addEventListener("contextmenu", function (e) { e.preventDefault(); });
    document.addEventListener("dragstart", function (e) { e.preventDefault(); });
    var seconds = parseFloat(meta.content);
    if (seconds > 0) idleReturn(seconds);
  }

  // ---- the start page's attract loop -----------------------------------------------------------
  function attractLoop(box) {
    var slides = Array.prototype.slice.call(box.querySelectorAll(".fc-loop__slide"));
    if (slides.length < 2) return;
    var controls = box.querySelector("[data-loop-controls]");
    var pause = box.querySelector("[data-loop-pause]");
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var current = 0, timer = 0, paused = still, resume = 0;
    box.classList.add("fc-loop--on");
    controls.hidden = false;

    function show(i) {
      current = (i + slides.length) % slides.length;
      slides.forEach(function (s, k) { s.hidden = k !== current; });
    }
    function schedule() {
      clearInterval(timer);
      if (!paused) timer = setInterval(function () { show(current + 1); }, 6000);
      pause.setAttribute("aria-pressed", paused ? "true" : "false");
      pause.textContent = paused ? "播放" : "暂停";
    }
    function hold() {                    // a touch pauses the loop; it moves on again after a quiet minute
      paused = true;
      schedule();
      clearTimeout(resume);
      resume = setTimeout(function () { paused = still; schedule(); }, 60000);
    }
    box.addEventListener("pointerdown", function (e) { if (!e.target.closest("[data-loop-pause]")) hold(); });
    box.addEventListener("focusin", function (e) { if (!e.target.closest("[data-loop-pause]")) hold(); });
    box.querySelector("[data-loop-prev]").addEventListener("click", function () { show(current - 1); });
    box.querySelector("[data-loop-next]").addEventListener("click", function () { show(current + 1); });
    setTimeout(function () { box.classList.add("fc-loop--moving"); }, 0);   // fade from the second slide on
    pause.addEventListener("click", function () {
      clearTimeout(resume);
      paused = !paused;
      schedule();
    });
    show(0);
    schedule();
  }

  // ---- filters on a phone: the list of workers (workers/) starts below a tall filter form; after a
  // choice, bring the count and the first card into view instead of leaving them below the fold.
  function revealAfterFilter() {
    var form = document.querySelector("[data-filters]");
    if (!form) return;
    form.addEventListener("change", function () {
      setTimeout(function () {                     // after fengcai.js has applied the filter
        var count = form.querySelector("[data-count]");
        var first = document.querySelector("[data-cards] > li:not([hidden])");
        var target = first || document.querySelector("[data-empty]");
        if (!count || !target) return;
        var box = target.getBoundingClientRect();
        if (box.top > window.innerHeight - 60) count.scrollIntoView({ block: "start", behavior: "smooth" });
      }, 0);
    });
  }

  function start() {
    elderMode();
    revealAfterFilter();
    kiosk();
    var loop = document.querySelector("[data-loop]");
    if (loop) attractLoop(loop);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
