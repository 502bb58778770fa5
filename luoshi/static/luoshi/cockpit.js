// The cockpit (驾驶舱): trend, funnel and burn-down charts, the scorecard's state bars, print.
// Data comes from <script type="application/json" id="cockpit-data">: no inline script.
document.addEventListener("DOMContentLoaded", function () {
  var source = document.getElementById("cockpit-data");
  var printButton = document.getElementById("cockpit-print");
  if (printButton) printButton.addEventListener("click", function () { window.print(); });
  // The CSP forbids style attributes in the markup: each bar segment's width is set here.
  document.querySelectorAll(".luoshi-stackbar > span[data-grow]").forEach(function (span) {
    span.style.flexGrow = span.dataset.grow;
  });
  if (!source || !window.echarts) return;
  var data = JSON.parse(source.textContent);
  var charts = [];
  var narrow = window.matchMedia("(max-width: 767.98px)").matches;
  var grid = { left: 40, right: 40, top: 40, bottom: 30, containLabel: true };
  function monthLabel(day) { return day.slice(5, 7).replace(/^0/, "") + (document.documentElement.lang.indexOf("zh") === 0 ? "月" : ""); }

  function draw(id, option, onClick) {
    var holder = document.getElementById(id);
    if (!holder) return;
    var chart = window.echarts.init(holder);
    chart.setOption(option);
    if (onClick) chart.on("click", onClick);
    charts.push(chart);
  }

  var trend = data.trend;
  if (trend.days.length) {
    draw("cockpit-trend", {
      tooltip: { trigger: "axis" },
      legend: { data: [trend.share_label, trend.red_label], top: 0 },
      grid: grid,
      xAxis: { type: "category", data: trend.days.map(monthLabel) },
      yAxis: [
        { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        { type: "value", minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { name: trend.share_label, type: "line", data: trend.share, connectNulls: false, symbolSize: 8, itemStyle: { color: "#198754" } },
        { name: trend.red_label, type: "bar", yAxisIndex: 1, data: trend.red, itemStyle: { color: "rgba(220, 53, 69, 0.55)" }, barMaxWidth: 18 },
      ],
    }, function (params) {
      // A month end opens the cockpit as of that day.
      var link = trend.links[params.dataIndex];
      if (link && trend.share[params.dataIndex] !== null) window.location.href = link;
    });
  }

  var funnel = data.funnel;
  if (funnel.stages.length) {
    draw("cockpit-funnel", {
      tooltip: { trigger: "axis" },
      legend: { data: [funnel.count_label, funnel.goal_label], top: 0 },
      grid: grid,
      xAxis: { type: "category", data: funnel.stages },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: funnel.count_label, type: "bar", data: funnel.counts, itemStyle: { color: "#0d6efd" }, barMaxWidth: 36, label: { show: !narrow, position: "top" } },
        { name: funnel.goal_label, type: "scatter", data: funnel.goals, symbol: "rect", symbolSize: [28, 3], itemStyle: { color: "#a4161a" } },
      ],
    });
  }

  var burn = data.burn;
  if (burn.days.length) {
    draw("cockpit-burn", {
      tooltip: { trigger: "axis" },
      legend: { data: [burn.open_label, burn.overdue_label], top: 0 },
      grid: grid,
      xAxis: { type: "category", data: burn.days.map(function (d) { return d.slice(5); }) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: burn.open_label, type: "line", data: burn.open, areaStyle: { opacity: 0.15 }, itemStyle: { color: "#fd7e14" } },
        { name: burn.overdue_label, type: "line", data: burn.overdue, itemStyle: { color: "#dc3545" } },
      ],
    });
  }
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });
});
