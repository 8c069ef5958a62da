/* Loaded synchronously in <head> (theme/main.html), before the first paint: 长者模式 as the reader left it,
   and the kiosk look when the page carries <meta name="fc-kiosk-idle">, so no page flashes small.
   A file rather than an inline script, so pages work under a Content-Security-Policy without 'unsafe-inline'. */
(function (d) {
  d.classList.add("fc-js");
  try { if (localStorage.getItem("fc-elder") === "1") d.classList.add("fc-elder"); } catch (e) { /* private mode */ }
  if (document.querySelector("meta[name=fc-kiosk-idle]")) d.classList.add("fc-kiosk");
})(document.documentElement);
