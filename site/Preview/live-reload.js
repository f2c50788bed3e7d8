// Preview only: the server injects this file into every HTML page it serves. Reloads the page after a rebuild, and
// shows a failed rebuild on the page itself, so a stale page is never mistaken for the edit.
(function () {
  "use strict";
  var source = new EventSource("/_preview/events");
  source.addEventListener("reload", function () {
    window.location.reload();
  });
  source.addEventListener("failed", function (event) {
    console.warn("Site build failed; the page shows the last good build.\n" + event.data);
    var banner = document.getElementById("preview-build-failed");
    if (!banner) {
      banner = document.createElement("pre");
      banner.id = "preview-build-failed";
      banner.setAttribute("role", "alert");
      // Styles through the CSSOM: the Content-Security-Policy blocks style attributes in markup, not these.
      var style = banner.style;
      style.position = "fixed";
      style.insetInline = "0";
      style.bottom = "0";
      style.zIndex = "2147483647";
      style.margin = "0";
      style.maxHeight = "40vh";
      style.overflow = "auto";
      style.padding = "1rem";
      style.whiteSpace = "pre-wrap";
      style.background = "#7f1d1d";
      style.color = "#ffffff";
      style.font = "0.875rem/1.4 monospace";
      document.body.appendChild(banner);
    }
    banner.textContent = "Preview: the last rebuild failed; this page shows the last good build.\n\n" + event.data;
  });
})();
