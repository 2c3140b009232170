// After a form comes back with errors, focus moves to its error summary, so keyboard and
// screen-reader users start from the list of what to fix (also when htmx swaps a 422 in).
(function () {
  "use strict";
  function focusSummary(root) {
    var summary = root && root.querySelector ? root.querySelector(".error-summary") : null;
    if (!summary) return;
    if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { focusSummary(document); });
  } else {
    focusSummary(document);
  }
  document.addEventListener("htmx:afterSwap", function (event) { focusSummary(event.detail.target); });
})();
