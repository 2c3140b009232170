// Ranking the backlog: drag and drop (SortableJS) posts the new order through htmx;
// after a move the same control keeps the focus, and the list says the new place
// in its live region (the server's answer fills #rank-announcement).
(function () {
  "use strict";

  function focusAfterSwap(list) {
    var target = list && list.dataset.focus;
    if (!target) return;
    var parts = target.split(":");
    var itemId = parts[0];
    var order = { top: ["top", "up", "down"], up: ["up", "top", "down"], down: ["down", "up", "top"], bottom: ["down", "up", "top"] };
    var candidates = (order[parts[1]] || []).map(function (d) { return itemId + "-" + d; });
    candidates.push(itemId + "-title");
    for (var i = 0; i < candidates.length; i++) {
      var el = document.getElementById(candidates[i]);
      if (el) { el.focus(); return; }
    }
  }

  function setUp() {
    var list = document.getElementById("backlog-items");
    if (!list || !list.dataset.reorderUrl || typeof Sortable === "undefined" || list.dataset.sortable) return;
    list.dataset.sortable = "1";
    Sortable.create(list, {
      handle: ".drag-handle",
      animation: 150,
      onEnd: function (event) {
        if (event.oldIndex === event.newIndex) return;
        var ids = Array.prototype.map.call(list.querySelectorAll(":scope > li[data-item]"), function (li) {
          return li.dataset.item;
        });
        htmx.ajax("POST", list.dataset.reorderUrl, {
          source: list,
          target: "#item-results",
          swap: "innerHTML",
          values: { order: ids.join(","), filters: list.dataset.filters || "", moved: event.item.dataset.item },
        });
      },
    });
  }

  document.addEventListener("DOMContentLoaded", setUp);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "item-results") {
      setUp();
      focusAfterSwap(document.getElementById("backlog-items"));
    }
  });
})();
