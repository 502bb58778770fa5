// Ledger pages: the investment funnel chart, and the hazard form's 五落实 fieldset.
// Loaded as a static file (the CSP allows no inline script); data comes from json_script blocks.
document.addEventListener("DOMContentLoaded", function () {
  // Funnel: projects that reached each stage within the range.
  var holder = document.getElementById("funnel-chart");
  var source = document.getElementById("funnel-chart-data");
  if (holder && source && window.echarts) {
    var data = JSON.parse(source.textContent);
    var chart = window.echarts.init(holder);
    chart.setOption({
      tooltip: { trigger: "item", formatter: "{b}: {c}" },
      series: [
        {
          type: "funnel",
          sort: "none",
          minSize: "10%",
          label: { show: true, position: "inside", formatter: "{b} {c}" },
          data: data.stages.map(function (name, index) {
            return { name: name, value: data.counts[index] };
          }),
        },
      ],
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  // Hazard form: the 五落实 fields matter for major hazards; show them when the level is major.
  var level = document.querySelector("[data-level-select]");
  var major = document.getElementById("major-fields");
  if (level && major) {
    var toggle = function () {
      var hasErrors = major.querySelector("[data-error]") !== null;
      major.hidden = level.value !== "major" && !hasErrors;
    };
    level.addEventListener("change", toggle);
    toggle();
  }
});
