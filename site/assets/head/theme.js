// Loaded render-blocking in <head> so the saved theme applies before the first paint (no flash).
// Without a saved choice the stylesheet follows the system's prefers-color-scheme.
(function () {
  "use strict";
  try {
    var saved = window.localStorage.getItem("theme");
    if (saved === "dark" || saved === "light") {
      document.documentElement.setAttribute("data-theme", saved);
    }
  } catch (error) {
    // Storage can be blocked; the system theme still applies.
  }
})();
