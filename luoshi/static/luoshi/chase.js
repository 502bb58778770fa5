// The overview's 催报 selection: the header box ticks or clears every row of the page.
document.addEventListener("DOMContentLoaded", () => {
  const all = document.querySelector("[data-tick-all]");
  if (!all) return;
  const rows = () => document.querySelectorAll('input[form="chase-form"][name="targets"]');
  all.addEventListener("change", () => {
    rows().forEach((box) => { box.checked = all.checked; });
  });
});
