// Checklists and templates: a button that opens the browser's print dialog (hidden without JavaScript).
(function () {
  "use strict";
  var button = document.querySelector("[data-print-button]");
  if (!button) {
    return;
  }

  button.addEventListener("click", function () {
    window.print();
  });
  button.hidden = false;
})();
