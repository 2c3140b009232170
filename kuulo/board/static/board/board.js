// The board: drag a card by its handle to another column to move it, as the backlog is ranked
// (SortableJS, which also works with touch). The card's own status form is submitted, so the
// history and the htmx answer are the same as with the select, which stays for the keyboard.
// Any [data-print] button prints.
(function () {
  "use strict";

  function setUp() {
    if (typeof Sortable === "undefined") return;
    document.querySelectorAll("#board .board__column .board__cards").forEach(function (list) {
      if (list.dataset.sortable) return;
      list.dataset.sortable = "1";
      Sortable.create(list, {
        group: "board",
        handle: ".drag-handle",
        animation: 150,
        onAdd: function (event) {
          var column = event.to.closest(".board__column");
          var form = event.item.querySelector("form");
          if (!column || !form) return;
          form.elements.status.value = column.dataset.status;
          form.requestSubmit();
        },
      });
    });
  }

  document.addEventListener("DOMContentLoaded", setUp);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "board") setUp();
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
