// Glossary tooltips on method cards: Escape hides the tooltip that is showing (WCAG 1.4.13);
// it shows again when the pointer or focus comes back to the term.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".glossary:hover, .glossary:focus-within").forEach((term) => {
    term.classList.add("glossary--dismissed");
  });
});
["mouseleave", "focusout"].forEach((name) => {
  document.addEventListener(name, (event) => {
    const term = event.target.closest && event.target.closest(".glossary");
    if (term) term.classList.remove("glossary--dismissed");
  }, true);
});
