// The board: drag a card to another column to move it (the card's own status form is submitted,
// so the history and the htmx answer are the same as with the select). Any [data-print] button prints.
(function () {
  "use strict";
  let dragged = null;
  document.addEventListener("dragstart", (event) => {
    const card = event.target.closest && event.target.closest("[data-item]");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.id);
  });
  document.addEventListener("dragend", () => {
    dragged = null;
    document.querySelectorAll(".is-drop-target").forEach((el) => el.classList.remove("is-drop-target"));
  });
  document.addEventListener("dragover", (event) => {
    const column = dragged && event.target.closest && event.target.closest(".board__column");
    if (!column) return;
    event.preventDefault();
    document.querySelectorAll(".is-drop-target").forEach((el) => el !== column && el.classList.remove("is-drop-target"));
    column.classList.add("is-drop-target");
  });
  document.addEventListener("drop", (event) => {
    const column = dragged && event.target.closest && event.target.closest(".board__column");
    if (!column) return;
    event.preventDefault();
    const card = dragged;
    dragged = null;
    column.classList.remove("is-drop-target");
    if (card.closest(".board__column") === column) return;
    const form = card.querySelector("form");
    form.elements.status.value = column.dataset.status;
    form.requestSubmit();
  });
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
})();
