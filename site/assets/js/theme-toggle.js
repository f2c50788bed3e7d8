// The theme button: hidden without JavaScript (it could not work), shown and wired here.
(function () {
  "use strict";
  var button = document.querySelector("[data-theme-toggle]");
  if (!button) {
    return;
  }

  var root = document.documentElement;
  var systemDark = window.matchMedia("(prefers-color-scheme: dark)");

  function isDark() {
    var chosen = root.getAttribute("data-theme");
    return chosen ? chosen === "dark" : systemDark.matches;
  }

  function show() {
    button.setAttribute("aria-pressed", isDark() ? "true" : "false");
  }

  button.addEventListener("click", function () {
    var next = isDark() ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try {
      window.localStorage.setItem("theme", next);
    } catch (error) {
      // The choice lasts for this page only.
    }
    show();
  });
  systemDark.addEventListener("change", show);
  show();
  button.hidden = false;
})();
