// Target page: actual readings against the expected path (时间过半、任务过半).
// Data comes from a <script type="application/json"> block, so no inline script is needed.
document.addEventListener("DOMContentLoaded", function () {
  var holder = document.getElementById("target-chart");
  var source = document.getElementById("target-chart-data");
  if (!holder || !source || !window.echarts) return;
  var data = JSON.parse(source.textContent);
  var chart = window.echarts.init(holder);
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { data: [holder.dataset.expectedLabel, holder.dataset.actualLabel] },
    xAxis: { type: "time" },
    yAxis: { type: "value", name: data.unit },
    series: [
      { name: holder.dataset.expectedLabel, type: "line", showSymbol: false, lineStyle: { type: "dashed" }, data: data.expected },
      { name: holder.dataset.actualLabel, type: "line", data: data.actual },
    ],
  });
  window.addEventListener("resize", function () { chart.resize(); });
});
