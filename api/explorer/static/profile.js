import { gql } from './api.js';
import { h } from './dom.js';

// One county: what it develops, builds and aims for — each fact with the sentence it was read from.

const PROFILE = `query($code: ID!) {
  county(code: $code) {
    code name province city industryCount
    documents(limit: 10) { totalCount items { id title kind date } }
    industries(limit: 50) { totalCount items { industry { id name candidate } documents mentions evidence(limit: 1) { items { snippet } } } }
    projects(limit: 50) { totalCount items { name investment status industry { name } evidence(limit: 1) { items { snippet } } } }
    targets(limit: 50) { totalCount items { indicatorName value unit comparator year kind redacted evidence(limit: 1) { items { snippet } } } }
    similar(limit: 5) { items { county { code name } score sharedCount } }
  }
}`;

const snippet = (e) => (e?.items?.[0] ? h('div', { class: 'evidence' }, `“${e.items[0].snippet}”`) : null);
const more = (page) => (page.totalCount > page.items.length ? h('p', { class: 'meta' }, `… 共 ${page.totalCount} 项，显示前 ${page.items.length} 项`) : null);

function industriesTable(page) {
  if (!page.items.length) return h('p', { class: 'meta' }, '未识别到产业 no industries found');
  return h(
    'table',
    { 'data-section': 'industries' },
    h('tr', {}, h('th', {}, '产业 industry'), h('th', { class: 'num' }, '提及'), h('th', {}, '依据 evidence')),
    page.items.map((x) =>
      h(
        'tr',
        { 'data-industry': x.industry.id },
        h('td', {}, x.industry.name, x.industry.candidate ? h('span', { class: 'tag' }, '候选') : null),
        h('td', { class: 'num' }, x.mentions),
        h('td', {}, snippet(x.evidence)),
      ),
    ),
  );
}

function projectsTable(page) {
  if (!page.items.length) return h('p', { class: 'meta' }, '未识别到项目 no projects found');
  return h(
    'table',
    { 'data-section': 'projects' },
    h('tr', {}, h('th', {}, '项目 project'), h('th', { class: 'num' }, '投资(亿元)'), h('th', {}, '产业')),
    page.items.map((p) =>
      h(
        'tr',
        {},
        h('td', {}, p.name, p.status ? h('span', { class: 'tag result' }, p.status) : null, snippet(p.evidence)),
        h('td', { class: 'num' }, p.investment ?? '—'),
        h('td', {}, p.industry?.name ?? ''),
      ),
    ),
  );
}

function targetsTable(page) {
  if (!page.items.length) return h('p', { class: 'meta' }, '未识别到目标 no targets found');
  const value = (t) => (t.redacted ? h('span', { class: 'tag redacted' }, 'XX') : `${t.comparator && t.comparator !== '=' ? t.comparator : ''}${t.value ?? '—'}${t.unit ?? ''}`);
  return h(
    'table',
    { 'data-section': 'targets' },
    h('tr', {}, h('th', {}, '指标 indicator'), h('th', { class: 'num' }, '值'), h('th', { class: 'num' }, '年')),
    page.items.map((t) =>
      h(
        'tr',
        {},
        h('td', {}, t.indicatorName, h('span', { class: t.kind === 'RESULT' ? 'tag result' : 'tag' }, t.kind === 'RESULT' ? '完成' : '目标'), snippet(t.evidence)),
        h('td', { class: 'num' }, value(t)),
        h('td', { class: 'num' }, t.year ?? ''),
      ),
    ),
  );
}

export async function showProfile(panel, code, onCounty) {
  const body = panel.querySelector('#profile-body');
  panel.dataset.state = 'loading';
  panel.dataset.county = code;
  body.replaceChildren(h('p', { class: 'hint' }, '正在读取… loading'));
  const { county: c } = await gql(PROFILE, { code });
  if (panel.dataset.county !== code) return; // another county was clicked meanwhile
  if (!c) {
    body.replaceChildren(h('p', { class: 'hint' }, `没有县 ${code}`));
    panel.dataset.state = 'missing';
    return;
  }
  const parts = [
    h('h3', { 'data-county-name': c.name }, c.name),
    h('p', { class: 'meta' }, [c.province, c.city].filter(Boolean).join(' · '), ` · ${c.code} · ${c.industryCount} 个产业 · ${c.documents.totalCount} 份文件`),
    c.documents.items.length ? h('p', { class: 'meta' }, '文件：', c.documents.items.map((d) => d.title ?? d.id).join('；')) : null,
    c.similar.items.length
      ? h(
          'p',
          { class: 'meta' },
          '相似的县 similar: ',
          c.similar.items.map((s) =>
            h('a', { href: '#', onclick: (e) => (e.preventDefault(), onCounty(s.county.code)) }, `${s.county.name} (${s.sharedCount} 共同, ${s.score.toFixed(2)}) `),
          ),
        )
      : null,
    h('h4', {}, `产业 industries (${c.industries.totalCount})`),
    industriesTable(c.industries),
    more(c.industries),
    h('h4', {}, `项目 projects (${c.projects.totalCount})`),
    projectsTable(c.projects),
    more(c.projects),
    h('h4', {}, `目标与完成 targets (${c.targets.totalCount})`),
    targetsTable(c.targets),
    more(c.targets),
  ];
  body.replaceChildren(...parts.filter(Boolean));
  panel.dataset.state = 'loaded';
}
