// Mounts Pagefind's default UI in the header and ties the visible label to its input.
// Without JavaScript, or before the index exists, the plain "Browse all pages" link stays.
(function () {
  "use strict";
  var container = document.querySelector("[data-search]");
  var fallback = document.querySelector("[data-search-fallback]");
  if (!container || typeof window.PagefindUI !== "function") {
    return;
  }

  new window.PagefindUI({ element: "#site-search", showSubResults: true, showImages: false });
  var input = container.querySelector("input.pagefind-ui__search-input");
  if (!input) {
    return;
  }

  input.id = "site-search-input";
  container.hidden = false;
  if (fallback) {
    fallback.hidden = true;
  }
})();
