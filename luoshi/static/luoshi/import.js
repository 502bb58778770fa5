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

  // The upload form's first step: a chosen file is sent at once when no title is typed
  // yet, and the page comes back with the title and dates the document suggests.
  function autoRead() {
    var form = document.getElementById("import-upload");
    if (!form) return;
    var file = form.querySelector("input[type=file]");
    var title = form.querySelector("input[name=title]");
    file.addEventListener("change", function () {
      if (file.files.length && title && !title.value.trim()) form.requestSubmit();
    });
  }

  // Selecting the words of a missing item in the text fills the "Add an item" form: the
  // server reads metric, comparator, value and unit from them (core.selection).
  function addFromSelection() {
    var button = document.getElementById("add-from-selection");
    var source = document.getElementById("import-source");
    if (!button || !source) return;
    var chosen = "";
    document.addEventListener("selectionchange", function () {
      var selection = window.getSelection();
      var inside = selection.rangeCount && source.contains(selection.getRangeAt(0).commonAncestorContainer);
      var text = inside ? selection.toString().trim() : "";
      if (text) chosen = text;
      else if (!inside && document.activeElement !== button) chosen = "";
      button.disabled = !chosen;
    });
    button.addEventListener("click", function () {
      if (!chosen) return;
      var url = button.dataset.parse + "?text=" + encodeURIComponent(chosen);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (fields) {
          var set = function (name, value) {
            var input = document.getElementById("new-" + name);
            if (input && value !== null && value !== undefined) input.value = value;
          };
          set("snippet", fields.snippet);
          set("metric", fields.metric);
          set("comparator", fields.comparator);
          set("value", fields.value);
          set("unit_label", fields.unit);
          set("target_kind", fields.target_kind);
          set("kind", "target");
          var details = document.getElementById("add-item");
          details.open = true;
          details.scrollIntoView({ block: "start" });
          var owner = document.getElementById("new-owner_text");
          if (owner) owner.focus();
        });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    autoRead();
    addFromSelection();
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
