// Counties and the industries they share: a force layout over county—industry edges. Industries
// named by a single county are left out: they would only add leaves, not links between counties.

const MAX_INDUSTRIES = 60;

export function drawNetwork(el, data, onCounty) {
  const shared = data.industries.filter((i) => i.countyCount >= 2).slice(0, MAX_INDUSTRIES);
  const keep = new Set(shared.map((i) => i.id));
  const countyCodes = new Set(data.counties.map((c) => c.code));
  const links = data.cells
    .filter((c) => keep.has(c.industryId) && countyCodes.has(c.countyCode))
    .map((c) => ({ source: `c:${c.countyCode}`, target: `i:${c.industryId}`, value: c.mentions }));
  const nodes = [
    ...data.counties.map((c) => ({
      id: `c:${c.code}`,
      name: c.name,
      code: c.code,
      category: 0,
      symbolSize: 26,
      label: { show: true, fontWeight: 'bold' },
    })),
    ...shared.map((i) => ({
      id: `i:${i.id}`,
      name: i.name,
      category: i.candidate ? 2 : 1,
      symbolSize: 8 + 4 * i.countyCount,
      label: { show: i.countyCount >= 3, fontSize: 10 },
    })),
  ];
  // Start from fixed places (a circle), so the same data starts from the same picture. The force
  // layout animates: with layoutAnimation off, echarts 6 threw inside its graph view
  // ("Cannot read properties of null (reading '0')") when the page changed under the chart.
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length;
    n.x = 300 + 200 * Math.cos(a);
    n.y = 300 + 200 * Math.sin(a);
  });
  el.dataset.nodes = String(nodes.length);
  el.dataset.links = String(links.length);
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animationDuration: 600,
    tooltip: { formatter: (p) => (p.dataType === 'edge' ? `提及 ${p.data.value} 次` : p.data.name) },
    legend: [{ data: ['县 county', '产业 industry', '候选 candidate'], bottom: 0 }],
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        categories: [
          { name: '县 county', itemStyle: { color: '#b2182b' } },
          { name: '产业 industry', itemStyle: { color: '#2166ac' } },
          { name: '候选 candidate', itemStyle: { color: '#92c5de' } },
        ],
        data: nodes,
        links,
        force: { repulsion: 160, edgeLength: [40, 120], gravity: 0.08 },
        lineStyle: { color: '#bbb', opacity: 0.7, width: 1 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 2 } },
        label: { position: 'right' },
      },
    ],
  });
  chart.on('click', (p) => {
    if (p.dataType === 'node' && p.data.code) onCounty(p.data.code);
  });
  window.addEventListener('resize', () => chart.resize());
  return chart;
}
