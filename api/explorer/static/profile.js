import { gql } from './api.js';
import { h } from './dom.js';

// One county: what it develops, builds and aims for — each fact with the sentence it was read from.

const PROFILE = `query($code: ID!) {
  county(code: $code) {
    code name province city
    documentCount documents(limit: 10) { id title kind date }
    industryCount industries(limit: 50) { id name industry { candidate } documents mentions evidence(limit: 1) { snippet } }
    projectCount projects(limit: 50) { name investment status industry { name } evidence(limit: 1) { snippet } }
    targetCount targets(limit: 50) { indicatorName value unit comparator year kind redacted evidence(limit: 1) { snippet } }
    similar(limit: 5) { code name score sharedCount }
  }
}`;

const snippet = (e) => (e?.[0] ? h('div', { class: 'evidence' }, `“${e[0].snippet}”`) : null);
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
        { 'data-industry': x.id },
        h('td', {}, x.name, x.industry.candidate ? h('span', { class: 'tag' }, '候选') : null),
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
  // The tables below take a page: a list and the count beside it.
  const page = (items, totalCount) => ({ items, totalCount });
  if (panel.dataset.county !== code) return; // another county was clicked meanwhile
  if (!c) {
    body.replaceChildren(h('p', { class: 'hint' }, `没有县 ${code}`));
    panel.dataset.state = 'missing';
    return;
  }
  const parts = [
    h('h3', { 'data-county-name': c.name }, c.name),
    h('p', { class: 'meta' }, [c.province, c.city].filter(Boolean).join(' · '), ` · ${c.code} · ${c.industryCount} 个产业 · ${c.documentCount} 份文件`),
    c.documents.length ? h('p', { class: 'meta' }, '文件：', c.documents.map((d) => d.title ?? d.id).join('；')) : null,
    c.similar.length
      ? h(
          'p',
          { class: 'meta' },
          '相似的县 similar: ',
          c.similar.map((s) =>
            h('a', { href: '#', onclick: (e) => (e.preventDefault(), onCounty(s.code)) }, `${s.name} (${s.sharedCount} 共同, ${s.score.toFixed(2)}) `),
          ),
        )
      : null,
    h('h4', {}, `产业 industries (${c.industryCount})`),
    industriesTable(page(c.industries, c.industryCount)),
    more(page(c.industries, c.industryCount)),
    h('h4', {}, `项目 projects (${c.projectCount})`),
    projectsTable(page(c.projects, c.projectCount)),
    more(page(c.projects, c.projectCount)),
    h('h4', {}, `目标与完成 targets (${c.targetCount})`),
    targetsTable(page(c.targets, c.targetCount)),
    more(page(c.targets, c.targetCount)),
  ];
  body.replaceChildren(...parts.filter(Boolean));
  panel.dataset.state = 'loaded';
}
