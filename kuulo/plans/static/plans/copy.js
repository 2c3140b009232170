// A "Copy" button for a read-only address field: <button data-copy="<input id>" data-copied="<message>" hidden>.
// Shown only where the script runs; the field itself can always be selected and copied by hand.
document.querySelectorAll("button[data-copy]").forEach((button) => {
  const field = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector("[role=status]");
  if (!field || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    field.select();
    await navigator.clipboard.writeText(field.value);
    if (status) status.textContent = button.dataset.copied;
  });
});
