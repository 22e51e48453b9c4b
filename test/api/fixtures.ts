import type { GraphDocument, GraphIndustry, GraphTarget } from '../../graph/index.ts';

/**
 * Four hand-made counties whose analytics are known exactly (see the expectations in
 * api.test.ts): A develops I1 I2 I3, B I1 I2, C I1 I4, D I4 (a candidate industry).
 */
export const COUNTIES = {
  A: { code: '900001', name: '甲县', province: '河南省', city: '甲市' },
  B: { code: '900002', name: '乙县', province: '河南省', city: '甲市' },
  C: { code: '900003', name: '丙县', province: '山西省', city: '乙市' },
  D: { code: '900004', name: '丁县', province: '山西省', city: '乙市' },
} as const;

export const INDUSTRIES = {
  I1: { id: 'fx:mushroom', name: '食用菌产业', tier: 1, section: { code: 'A', name: '农、林、牧、渔业' }, division: { code: '01', name: '农业' } },
  I2: { id: 'fx:tea', name: '茶叶产业', tier: 1, section: { code: 'A', name: '农、林、牧、渔业' }, division: { code: '01', name: '农业' } },
  I3: { id: 'fx:electronics', name: '电子信息产业', tier: 2, section: { code: 'C', name: '制造业' }, division: { code: '39', name: '计算机、通信和其他电子设备制造业' } },
  I4: { id: 'candidate:文旅康养产业', name: '文旅康养产业', tier: null, section: null, division: null },
} as const;

type Key = keyof typeof INDUSTRIES;

/** An industry written inline in a fixture (hierarchy tests): the INDUSTRIES shape plus what they vary. */
export interface FixtureIndustry {
  id: string;
  name: string;
  tier: number | null;
  section: { code: string; name: string } | null;
  division: { code: string; name: string } | null;
  sei?: { code: string; name: string } | null;
  aliases?: string[];
  broader?: string | null;
  /** Occurrences in the text (default: the evidence's length). */
  count?: number;
}

interface Spec {
  id: string;
  county: (typeof COUNTIES)[keyof typeof COUNTIES];
  kind: string;
  year: number;
  industries: Array<Key | FixtureIndustry>;
  broaderIndustries?: GraphDocument['broaderIndustries'];
  textHash?: string;
  targets?: Array<Partial<GraphTarget> & { indicator: string; kind: 'goal' | 'result' }>;
  project?: { name: string; investment: number; industry: Key };
  agency?: string;
  plan?: string;
  enterprise?: string;
}

/** Builds a GraphDocument whose sentences name each fact, with offsets and snippets that agree. */
export function makeDocument(s: Spec): GraphDocument {
  const sentences: GraphDocument['sentences'] = [];
  let at = 0;
  const say = (text: string, needle: string) => {
    const index = sentences.length;
    sentences.push({ index, text, section: 'plan', start: at, end: at + text.length });
    const start = at + text.indexOf(needle);
    at += text.length;
    return [{ sentence: index, start, end: start + needle.length, snippet: needle }];
  };
  say(`${s.county.name}${s.year}年${s.kind}。`, s.county.name);
  const industries: GraphIndustry[] = s.industries.map((k) => {
    const i: FixtureIndustry = typeof k === 'string' ? INDUSTRIES[k] : k;
    return {
      id: i.id,
      name: i.name,
      aliases: i.aliases ?? [i.name.replace(/产业$/, '')],
      tier: i.tier,
      candidate: i.id.startsWith('candidate:'),
      section: i.section,
      division: i.division,
      sei: i.sei ?? null,
      ...(i.broader !== undefined ? { broader: i.broader } : {}),
      ...(i.count !== undefined ? { count: i.count } : {}),
      confidence: 0.9,
      evidence: say(`大力发展${i.name}，做大做强${i.name.replace(/产业$/, '')}品牌。`, i.name),
    };
  });
  const targets: GraphTarget[] = (s.targets ?? []).map((t) => ({
    indicatorId: null,
    value: null,
    unit: '%',
    comparator: null,
    year: s.year,
    baseline: null,
    measure: 'growth',
    redacted: false,
    confidence: 0.8,
    ...t,
    evidence: say(`${t.indicator}增长${t.redacted ? 'XX' : t.value}%。`, t.indicator),
  }));
  return {
    id: s.id,
    file: `${s.id}.txt`,
    title: `${s.county.name}${s.kind}`,
    kind: s.kind,
    date: String(s.year),
    year: s.year,
    contentHash: `hash-${s.id}`,
    masked: false,
    encoding: 'utf-8',
    chars: at,
    county: { ...s.county, source: 'manifest', confidence: 1 },
    countySuggestion: null,
    sentences,
    industries,
    ...(s.broaderIndustries ? { broaderIndustries: s.broaderIndustries } : {}),
    ...(s.textHash ? { textHash: s.textHash } : {}),
    projects: s.project
      ? [
          {
            name: s.project.name,
            key: s.project.name,
            investment: s.project.investment,
            capacityValue: null,
            capacityUnit: null,
            status: '开工',
            industry: INDUSTRIES[s.project.industry].id,
            confidence: 0.9,
            evidence: say(`推进${s.project.name}建设。`, s.project.name),
          },
        ]
      : [],
    targets,
    agencies: s.agency ? [{ name: s.agency, canonical: s.agency, level: 'county', confidence: 0.9, evidence: say(`${s.agency}负责。`, s.agency) }] : [],
    enterprises: s.enterprise ? [{ name: s.enterprise, key: s.enterprise, confidence: 0.9, evidence: say(`支持${s.enterprise}上市。`, s.enterprise) }] : [],
    plans: s.plan ? [{ name: s.plan, key: s.plan, confidence: 0.9, evidence: say(`编制${s.plan}。`, s.plan) }] : [],
  };
}

const GDP = '地区生产总值';

export const DOCUMENTS: GraphDocument[] = [
  makeDocument({
    id: 'fx-a', county: COUNTIES.A, kind: '政府工作报告', year: 2023, industries: ['I1', 'I2', 'I3'],
    targets: [{ indicator: GDP, indicatorId: 'gdp', kind: 'goal', value: 7.5 }],
    project: { name: '食用菌产业园项目', investment: 10, industry: 'I1' },
    agency: '县发展和改革局', plan: '十四五规划', enterprise: '甲县菌业公司',
  }),
  makeDocument({
    id: 'fx-b', county: COUNTIES.B, kind: '讲话', year: 2022, industries: ['I1', 'I2'],
    targets: [{ indicator: GDP, indicatorId: 'gdp', kind: 'goal', value: null, redacted: true }],
  }),
  makeDocument({
    id: 'fx-c', county: COUNTIES.C, kind: '政府工作报告', year: 2022, industries: ['I1', 'I4'],
    targets: [{ indicator: GDP, indicatorId: 'gdp', kind: 'result', value: 6 }],
    project: { name: '康养小镇项目', investment: 25, industry: 'I4' },
  }),
  makeDocument({ id: 'fx-d', county: COUNTIES.D, kind: '政府工作报告', year: 2023, industries: ['I4'] }),
];
