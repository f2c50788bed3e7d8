// Preview only: the server injects this file into every HTML page it serves. Reloads the page after a rebuild.
(function () {
  "use strict";
  var source = new EventSource("/_preview/events");
  source.addEventListener("reload", function () {
    window.location.reload();
  });
  source.addEventListener("failed", function (event) {
    console.warn("Site build failed; the page shows the last good build.\n" + event.data);
  });
})();
