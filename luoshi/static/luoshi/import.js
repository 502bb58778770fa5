// Plan import review: pointing at an item's row lights up its words in the text, and back.
// Links between the two (#item-N, #src-N) work without this script.
(function () {
  "use strict";

  function marksOf(id) {
    var marks = document.querySelectorAll(".imp-mark[data-items]");
    return Array.prototype.filter.call(marks, function (mark) {
      return mark.dataset.items.split(" ").indexOf(id) >= 0;
    });
  }

  function light(id, on) {
    var row = document.getElementById("item-" + id);
    if (row) row.classList.toggle("imp-hover", on);
    marksOf(id).forEach(function (mark) { mark.classList.toggle("imp-hover", on); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".imp-row[data-item]").forEach(function (row) {
      row.addEventListener("mouseenter", function () { light(row.dataset.item, true); });
      row.addEventListener("mouseleave", function () { light(row.dataset.item, false); });
    });
    document.querySelectorAll(".imp-mark[data-items]").forEach(function (mark) {
      var ids = mark.dataset.items.split(" ");
      mark.addEventListener("mouseenter", function () { ids.forEach(function (id) { light(id, true); }); });
      mark.addEventListener("mouseleave", function () { ids.forEach(function (id) { light(id, false); }); });
    });
  });
})();
