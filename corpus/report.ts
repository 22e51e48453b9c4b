import type { CountyPlaces } from './divisions.ts';
import { Rng } from './prng.ts';
import {
  AGENCIES,
  ENTERPRISES,
  FILLER,
  GENERIC_INDUSTRIES,
  GENERIC_PROJECTS,
  INDICATORS,
  LEADING_BODIES,
  PLAN_HEADINGS,
  PLANS,
  REVIEW_HEADINGS,
  loadIndustries,
  type IndustryWord,
} from './vocabulary.ts';

/**
 * One synthetic county report and its ground truth, built together: every fact is written as a
 * sentence and recorded with that sentence as evidence, so the truth matches the text by
 * construction (test/corpus checks it does). The gold format is ../shared/gold/GUIDELINES.md.
 */

export interface Gold {
  doc: string;
  county: { name: string; code: string; province: string; city: string | null; masked: boolean; evidence: string[] };
  industries: Array<{ key: string; accept: string[]; evidence: string }>;
  projects: Array<{ name: string; keys: string[]; investment: number | null; evidence: string }>;
  targets: Array<{
    indicator: string;
    keys: string[][];
    value: number | null;
    unit: string;
    comparator: '>=' | '=';
    year: number | null;
    redacted: boolean;
    evidence: string;
  }>;
  agencies: Array<{ name: string; accept: string[]; evidence: string }>;
  enterprises: Array<{ name: string; accept: string[]; evidence: string }>;
  plans: Array<{ name: string; accept: string[]; evidence: string }>;
  ignore: { industries: string[]; projects: string[]; agencies: string[]; plans: string[] };
}

export interface Report {
  file: string;
  text: string;
  gold: Gold;
  meta: { title: string; kind: '政府工作报告' | '党代会报告'; date: string };
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `文化产业` → `文化`, so `{s}产业` never doubles the suffix. */
const stem = (s: string) => s.replace(/产业$/, '');

/** The level word before an agency: 县 for a 县, 区 for a 区, 市 for a 县级市, 旗 for a 旗. */
function levelWord(county: string): string {
  const last = county.slice(-1);
  return ['县', '区', '市', '旗'].includes(last) ? last : '县';
}

interface Para {
  sentences: string[];
}

export function buildReport(c: CountyPlaces, seed: number): Report {
  const r = new Rng(`${seed}:${c.code}`);
  const name = c.name;
  const lvl = levelWord(name);
  const year = r.int(2021, 2024);
  const kind = r.chance(0.7) ? ('政府工作报告' as const) : ('党代会报告' as const);
  const towns = c.towns.length ? c.towns : [`${name.slice(0, -1)}城关镇`];
  const villages = c.villages.length ? c.villages : towns.map((t) => t.replace(/(镇|乡|街道)$/, '') + '村');
  const town = () => r.pick(towns);
  const village = () => r.pick(villages);
  const fill = (tpl: string) =>
    tpl.replaceAll('{c}', lvl).replaceAll('{t}', town()).replaceAll('{v}', village()).replaceAll('{n}', String(r.int(2, 9)));

  const gold: Gold = {
    doc: `${c.code}.txt`,
    county: { name, code: c.code, province: c.province, city: c.city, masked: false, evidence: [] },
    industries: [],
    projects: [],
    targets: [],
    agencies: [],
    enterprises: [],
    plans: [],
    ignore: {
      industries: GENERIC_INDUSTRIES,
      projects: GENERIC_PROJECTS,
      agencies: [...LEADING_BODIES, `${name}委`, `${name}政府`, `${name}人民政府`, `中共${name}委员会`],
      plans: [],
    },
  };

  // --- facts, each one sentence (or clause) recorded with its evidence ---------------------
  const industryWords = r.sample(TAXONOMY.value, r.int(6, 10));
  const surface = (w: IndustryWord) => {
    const alts = w.aliases.filter((a) => a.length >= 2 && !/\d/.test(a));
    return stem(alts.length && r.chance(0.3) ? r.pick(alts) : w.name);
  };
  const industrySentences: string[] = [];
  for (let i = 0; i < industryWords.length; ) {
    const group = industryWords.slice(i, i + (r.chance(0.35) ? 3 : 1));
    i += group.length;
    const ss = group.map(surface);
    let sentence: string;
    if (ss.length > 1) {
      sentence = r.pick([
        `大力发展${ss.join('、')}等特色产业，推动一二三产业融合发展`,
        `围绕${ss.join('、')}产业，实施产业链“链长制”，强链补链延链`,
        `着力培育${ss.join('、')}等主导产业，加快形成产业集群`,
      ]);
    } else {
      const s = ss[0]!;
      sentence = r.pick([
        `做大做强${s}产业，推动产业链延链补链强链`,
        `${s}产业实现提质增效，综合产值稳步增长`,
        `培育壮大${s}产业集群，打造区域性${s}产业基地`,
        `依托${town()}资源优势，加快发展${s}产业`,
        `把${s}产业作为富民强${lvl}的重要抓手，持续加大扶持力度`,
        `推动${s}产业规模化、标准化、品牌化发展`,
      ]);
    }
    industrySentences.push(sentence);
    group.forEach((w, k) => {
      const s = ss[k]!;
      gold.industries.push({ key: w.name, accept: [...new Set([w.name, ...w.aliases, `${stem(w.name)}产业`, s, `${s}产业`])], evidence: sentence });
    });
  }

  const projectSentences: string[] = [];
  const projectNames = new Set<string>();
  const nProjects = r.int(6, 12);
  for (let tries = 0; gold.projects.length < nProjects && tries < 50; tries++) {
    const place = r.chance(0.6) ? town() : village();
    const ind = stem(r.pick(industryWords).name);
    const n = r.int(2, 50);
    const [pname, keys] = r.pick<[string, string[]]>([
      [`${place}年产${n}万吨${ind}精深加工项目`, [place, `${ind}精深加工`]],
      [`${place}${n * 10}兆瓦光伏电站项目`, [place, '光伏电站']],
      [`${place}${n}万头生猪养殖基地项目`, [place, '生猪养殖基地']],
      [`${place}${ind}产业园项目`, [place, `${ind}产业园`]],
      [`${place}冷链物流中心项目`, [place, '冷链物流中心']],
      [`${place}污水处理厂提标改造项目`, [place, '污水处理厂']],
      [`${place}${r.pick([35, 110, 220])}千伏输变电工程`, [place, '输变电工程']],
      [`${place}${n * 5}兆瓦风电项目`, [place, '风电项目']],
      [`${place}至${town()}公路改扩建工程`, [`${place}至`, '公路改扩建']],
      [`${name}人民医院新院区建设项目`, ['人民医院新院区']],
      [`${name}职业教育中心实训基地项目`, ['职业教育中心实训基地']],
    ]);
    if (projectNames.has(pname)) continue;
    projectNames.add(pname);
    const invest = r.chance(0.8) ? r.decimal(0.5, 60, 2) : null;
    const sentence =
      invest === null
        ? r.pick([`${pname}建成投产`, `加快推进${pname}建设`, `开工建设${pname}`])
        : r.pick([
            `实施${pname}，总投资${invest}亿元`,
            `${pname}总投资${invest}亿元，年内建成投产`,
            `加快推进${pname}，项目总投资${invest}亿元`,
            `开工建设${pname}（总投资${invest}亿元）`,
          ]);
    projectSentences.push(sentence);
    gold.projects.push({ name: pname, keys, investment: invest, evidence: sentence });
  }

  const agencySentences: string[] = [];
  for (const a of r.sample(AGENCIES, r.int(5, 10))) {
    const written = `${lvl}${a.written}`;
    const sentence = r.pick([
      `由${written}牵头，相关部门和各乡镇配合，建立工作专班`,
      `${written}要切实履行职责，加强督促指导`,
      `${written}会同有关部门制定专项方案，确保任务落地见效`,
      `充分发挥${written}职能作用，形成工作合力`,
    ]);
    agencySentences.push(sentence);
    gold.agencies.push({
      name: a.written,
      accept: [...new Set([a.written, written, a.canonical, `${lvl}${a.canonical}`, `${name}${a.written}`, `${name}${a.canonical}`])],
      evidence: sentence,
    });
  }

  const enterpriseSentences: string[] = [];
  for (const e of r.sample(ENTERPRISES, r.int(2, 4))) {
    const sentence = r.pick([
      `成功引进${e}在${town()}投资建设生产基地`,
      `与${e}签订战略合作协议，合作领域不断拓展`,
      `${e}等一批龙头企业落户我${lvl}`,
    ]);
    enterpriseSentences.push(sentence);
    gold.enterprises.push({ name: e, accept: [e], evidence: sentence });
  }

  const planSentences: string[] = [];
  for (const p of r.sample(PLANS, r.int(3, 5))) {
    const sentence = r.pick([`深入实施${p.phrase}，各项任务有序推进`, `认真贯彻落实${p.phrase}，确保各项目标如期实现`, `扎实推进${p.phrase}落地落实`]);
    planSentences.push(sentence);
    // Standing systems and reform slogans (河长制, 放管服) are `ignore` in the real gold: neither
    // a hit nor a false alarm (GUIDELINES.md), so the synthetic gold says the same.
    if (p.ignored) gold.ignore.plans.push(...p.accept);
    else gold.plans.push({ name: p.name, accept: p.accept, evidence: sentence });
  }

  // Targets: clauses chained two or three to a sentence, as reports write them.
  const targetClauses: string[] = [];
  for (const ind of r.sample(INDICATORS, r.int(5, 8))) {
    const masked = r.chance(0.2);
    const useLevel = ind.level && r.chance(0.4);
    let clause: string;
    if (useLevel && ind.level) {
      const y = year + r.int(1, 4);
      const v = r.decimal(ind.level.range[0], ind.level.range[1], ind.level.digits);
      const shown = masked ? 'xx' : String(v);
      clause = `到${y}年${ind.name}达到${shown}${ind.level.unit}以上`;
      gold.targets.push({ indicator: ind.name, keys: ind.keys, value: masked ? null : v, unit: ind.level.unit, comparator: '>=', year: y, redacted: masked, evidence: clause });
    } else {
      const v = r.decimal(ind.growth[0], ind.growth[1], r.chance(0.5) ? 1 : 0);
      const about = r.chance(0.5);
      const shown = masked ? 'x.x' : String(v);
      clause = `${ind.name}${r.pick(['增长', '年均增长'])}${shown}%${about ? '左右' : '以上'}`;
      gold.targets.push({ indicator: `${ind.name}增速`, keys: ind.keys, value: masked ? null : v, unit: '%', comparator: about ? '=' : '>=', year: null, redacted: masked, evidence: clause });
    }
    targetClauses.push(clause);
  }
  const targetSentences: string[] = [];
  for (let i = 0; i < targetClauses.length; ) {
    const k = r.int(1, 3);
    targetSentences.push(targetClauses.slice(i, i + k).join('，'));
    i += k;
  }

  // Review-side results: numbers about the past, not targets.
  const resultSentences = [
    `全年地区生产总值完成${r.decimal(60, 900, 1)}亿元，同比增长${r.decimal(3, 9, 1)}%`,
    `一般公共预算收入完成${r.decimal(3, 60, 2)}亿元`,
    `城乡居民人均可支配收入分别达到${r.int(28000, 52000)}元和${r.int(12000, 26000)}元`,
  ];

  // --- layout: review part, plan part, the government's own work ----------------------------
  const reviewParas: Para[] = [];
  const planParas: Para[] = [];
  const reviewHeads = r.sample(REVIEW_HEADINGS, 4);
  const planHeads = r.sample(PLAN_HEADINGS, r.int(4, 6));
  for (let i = 0; i < reviewHeads.length; i++) reviewParas.push({ sentences: [] });
  for (let i = 0; i < planHeads.length; i++) planParas.push({ sentences: [] });
  const scatter = (sentences: string[], paras: Para[], reviewShare: number) => {
    for (const s of sentences) {
      const target = r.chance(reviewShare) ? reviewParas : paras;
      r.pick(target).sentences.push(s);
    }
  };
  scatter(industrySentences, planParas, 0.3);
  scatter(projectSentences, planParas, 0.3);
  scatter(agencySentences, planParas, 0.2);
  scatter(enterpriseSentences, planParas, 0.5);
  scatter(planSentences, planParas, 0.3);
  scatter(resultSentences, reviewParas, 1);
  const goalPara: Para = { sentences: [...targetSentences] };
  const ownPara: Para = { sentences: [] };
  const closing: Para = { sentences: [] };

  const countyWord = `全${lvl}`;
  const title = kind === '政府工作报告' ? `${year}年${name}人民政府工作报告` : `在中国共产党${name}第${CN[r.int(10, 15) % 10]}次代表大会上的报告`;
  const opening =
    kind === '政府工作报告'
      ? `现在，我代表${name}人民政府，向大会报告工作，请予审议，并请政协委员和其他列席人员提出意见。`
      : `现在，我代表中共${name}委员会向大会作报告。`;
  gold.county.evidence.push(opening.slice(0, -1));

  const dateLine = `（${year}年${r.int(1, 3)}月${r.int(1, 28)}日）`;
  const render = (): string => {
    const out: string[] = [title, dateLine, '', '各位代表：', opening];
    out.push(`一、${year - 1}年工作回顾`);
    out.push(`过去一年，${countyWord}上下砥砺奋进、攻坚克难，经济社会发展取得新成效。`);
    reviewHeads.forEach((h, i) => out.push(`（${CN[i]}）${h}`, paragraph(reviewParas[i]!)));
    out.push(`二、${year}年目标任务`);
    out.push(`今年经济社会发展的主要预期目标是：${goalPara.sentences.map((s) => s + '；').join('').replace(/；$/, '。')}`);
    planHeads.forEach((h, i) => out.push(`（${CN[i]}）${h}`, paragraph(planParas[i]!)));
    out.push('三、全面加强政府自身建设', paragraph(ownPara), paragraph(closing));
    return out.join('\n') + '\n';
  };
  // `一是…二是…` numbering on the first sentences of a paragraph, as the seed reports do.
  // Paragraphs of about eight sentences, so lines have the length of real ones.
  const paragraph = (p: Para): string =>
    p.sentences
      .map((s, i) => (i < 4 && p.sentences.length > 2 ? `${CN[i]}是${s}。` : `${s}。`))
      .map((s, i) => (i > 0 && i % 8 === 0 ? `\n${s}` : s))
      .join('');

  // Pad with boilerplate to the chosen size (20–40 KB of UTF-8, about 7–13k characters).
  const targetChars = r.int(7000, 13000);
  const pads = [...reviewParas, ...planParas, ownPara, closing];
  for (const p of pads) r.pick(pads).sentences.splice(0, 0, fill(r.pick(FILLER)));
  let text = render();
  while (text.length < targetChars) {
    for (let i = 0; i < 12; i++) {
      const p = r.pick(pads);
      p.sentences.splice(r.int(0, p.sentences.length), 0, fill(r.pick(FILLER)));
    }
    text = render();
  }
  return { file: gold.doc, text, gold, meta: { title, kind, date: String(year) } };
}

/** The taxonomy, read once per process (lazily, so importing this module costs nothing). */
const TAXONOMY = {
  cached: null as IndustryWord[] | null,
  get value(): IndustryWord[] {
    return (this.cached ??= loadIndustries());
  },
};
