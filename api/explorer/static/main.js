import { loadOverview } from './data.js';
import { h, showError } from './dom.js';
import { drawHeatmap } from './heatmap.js';
import { drawNetwork } from './network.js';
import { showProfile } from './profile.js';

// Wires the three views: the matrix and the network pick a county, the profile shows it.

const panel = document.getElementById('profile');
const chips = document.getElementById('county-list');

function selectCounty(code) {
  for (const b of chips.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.code === code));
  history.replaceState(null, '', `#county=${code}`);
  showProfile(panel, code, selectCounty).catch(showError);
}

async function start() {
  const data = await loadOverview();
  const shown = data.counties.length < data.countyTotal ? `（显示 ${data.counties.length} 个）` : '';
  document.getElementById('summary').textContent =
    `${data.countyTotal} 个县${shown} · ${data.industryTotal} 个产业 · ${data.industries.filter((i) => i.countyCount >= 2).length} 个产业见于两个以上的县`;
  chips.replaceChildren(...data.counties.map((c) => h('button', { type: 'button', 'data-code': c.code, 'aria-pressed': 'false', onclick: () => selectCounty(c.code) }, c.name)));
  drawHeatmap(document.getElementById('heatmap'), data, selectCounty);
  drawNetwork(document.getElementById('network'), data, selectCounty);
  document.body.dataset.state = 'ready';
  const wanted = /county=(\w+)/.exec(location.hash)?.[1];
  if (wanted) selectCounty(wanted);
}

start().catch(showError);
