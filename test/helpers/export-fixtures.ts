import type { GraphDocument } from '../../graph/index.ts';

/**
 * Two small documents about two counties that share an industry, with the values an export has
 * to carry intact: arrays, nulls, floats, booleans, and text with commas, quotes, '<&>' and a line
 * break. The first has more sentences than the tests' batch size, so paging must split a node's
 * relationships.
 */

const ev = (sentence: number, snippet: string) => [{ sentence, start: sentence * 10, end: sentence * 10 + snippet.length, snippet }];

function doc(id: string, county: { code: string; name: string }, sentenceTexts: string[]): GraphDocument {
  return {
    id,
    file: `${id}.txt`,
    title: `${county.name}政府工作报告`,
    kind: '政府工作报告',
    date: '2023-01-05',
    year: 2023,
    contentHash: `hash-${id}`,
    masked: false,
    encoding: 'utf-8',
    chars: 1000,
    county: { ...county, province: '河南省', city: '驻马店市', source: 'manifest', confidence: 1 },
    countySuggestion: null,
    sentences: sentenceTexts.map((text, index) => ({ index, text, section: '一、工作回顾', start: index * 10, end: index * 10 + text.length })),
    industries: [
      {
        id: 'edible-fungi',
        name: '食用菌',
        aliases: ['香菇', '食用菌产业'],
        tier: 2,
        candidate: false,
        section: { code: 'A', name: '农、林、牧、渔业' },
        division: { code: '01', name: '农业' },
        sei: null,
        confidence: 0.9,
        evidence: [...ev(0, '食用菌'), ...ev(1, '香菇')],
      },
    ],
    projects: [
      {
        name: `${county.name}香菇产业园`,
        key: '香菇产业园',
        investment: 12.5,
        capacityValue: null,
        capacityUnit: null,
        status: '在建',
        industry: 'edible-fungi',
        confidence: 0.8,
        evidence: ev(1, '香菇产业园'),
      },
    ],
    targets: [
      {
        indicator: '地区生产总值',
        indicatorId: 'gdp',
        value: 6.5,
        unit: '%',
        comparator: '>=',
        year: 2023,
        baseline: null,
        measure: 'growth',
        redacted: false,
        kind: 'goal',
        confidence: 0.7,
        evidence: ev(2, '增长6.5%'),
      },
    ],
    agencies: [{ name: '县发改委', canonical: '发展和改革委员会', level: 'county', confidence: 0.9, evidence: ev(2, '发改委') }],
    enterprises: [],
    plans: [{ name: '“十四五”规划', key: '十四五规划', confidence: 0.6, evidence: ev(0, '十四五') }],
  };
}

export const FIXTURES: GraphDocument[] = [
  doc('fx-a', { code: '411726', name: '泌阳县' }, [
    '发展食用菌，"香菇"产业, 做大做强',
    '建设香菇产业园 <一期> & 二期',
    '地区生产总值增长6.5%\n左右',
    '第四句',
    '第五句',
  ]),
  doc('fx-b', { code: '411424', name: '柘城县' }, ['食用菌', '香菇产业园', '增长6.5%']),
];
