// The industry × county matrix. SVG rendering puts the axis labels in the DOM as text, which is
// what lets a browser test (and a screen reader) see which counties and industries are drawn.

const ROWS = 40;

export function drawHeatmap(el, data, onCounty) {
  const counties = data.counties;
  const byCode = new Map(counties.map((c) => [c.code, c]));
  // Rows: the industries named by the most counties, then by mentions.
  const mentions = new Map();
  for (const c of data.cells) mentions.set(c.industryId, (mentions.get(c.industryId) ?? 0) + c.mentions);
  const rows = [...data.industries]
    .sort((a, b) => b.countyCount - a.countyCount || mentions.get(b.id) - mentions.get(a.id) || a.name.localeCompare(b.name))
    .slice(0, ROWS)
    .reverse(); // echarts draws the first category at the bottom
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  const colIndex = new Map(counties.map((c, i) => [c.code, i]));
  const points = data.cells
    .filter((c) => rowIndex.has(c.industryId) && colIndex.has(c.countyCode))
    .map((c) => [colIndex.get(c.countyCode), rowIndex.get(c.industryId), c.mentions, c.documents]);
  const max = Math.max(1, ...points.map((p) => p[2]));

  el.style.height = `${Math.max(320, 120 + rows.length * 22)}px`;
  el.dataset.counties = counties.map((c) => c.code).join(',');
  el.dataset.countyNames = counties.map((c) => c.name).join(',');
  el.dataset.industries = rows.map((r) => r.name).reverse().join(',');
  el.dataset.cells = String(points.length);

  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { top: 60, left: 110, right: 70, bottom: 20 },
    tooltip: {
      formatter: (p) => {
        if (p.componentType !== 'series' || !Array.isArray(p.value)) return '';
        const county = counties[p.value[0]];
        const industry = rows[p.value[1]];
        return `${county.name} · ${industry.name}<br>提及 ${p.value[2]} 次，${p.value[3]} 份文件`;
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: counties.map((c) => c.code),
      axisLabel: { formatter: (code) => byCode.get(code)?.name ?? code, interval: 0, rotate: counties.length > 12 ? 45 : 0, fontSize: 12, color: '#1f2328', cursor: 'pointer' },
      triggerEvent: true,
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, fontSize: 11 }, splitArea: { show: true } },
    visualMap: {
      dimension: 2, // mentions; the 4th value (documents) is for the tooltip only
      min: 0,
      max,
      calculable: true,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 160,
      inRange: { color: ['#fff5eb', '#fdae6b', '#e6550d', '#7f2704'] },
      text: ['多', '少'],
    },
    series: [{ type: 'heatmap', data: points, label: { show: points.length < 400, fontSize: 10 }, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }],
  });
  chart.on('click', (p) => {
    if (p.componentType === 'xAxis') onCounty(p.value);
    else if (p.componentType === 'series' && Array.isArray(p.value)) onCounty(counties[p.value[0]].code);
  });
  window.addEventListener('resize', () => chart.resize());
  return chart;
}
