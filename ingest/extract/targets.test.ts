import { describe, expect, it } from 'vitest';
import type { SectionKind } from '../model.ts';
import { targets } from './targets.ts';
import { docOf } from './doc.fixtures.ts';

/** Runs the stage over sentences of one section, with a plan year as the structure stage sets it. */
const run = (s: string[], section: SectionKind = 'plan', year: number | null = 2025, date = '2025') => {
  const doc = docOf(s, section, date);
  doc.year = year;
  return targets.run(doc).facts;
};
const brief = (t: { indicator: string; value: number | null; unit: string | null }) => [t.indicator, t.value, t.unit];

describe('targets', () => {
  it('splits a sentence of several goals and reads comparators, growth and the catalogue', () => {
    const { targets: t } = run(['地区生产总值增长7%以上，一般公共预算收入增长5%，到2027年突破90亿元。']);
    expect(t.map((x) => [x.indicatorId, x.value, x.unit, x.comparator])).toEqual([
      ['gdp_growth', 7, '%', '>='],
      ['fiscal_revenue_growth', 5, '%', '='],
      ['fiscal_revenue', 90, '亿元', '>='],
    ]);
    expect(t[0]).toMatchObject({ measure: 'growth', indicatorName: '地区生产总值增速', year: 2025 });
    expect(t[2]!.year).toBe(2027);
  });

  it('reads foreign currency, air quality, energy and container units, with their catalogue ids', () => {
    const t = run(['实际利用外资突破5000万美元，细颗粒物平均浓度控制在32微克/立方米以下，全社会用电量达到15亿千瓦时，集装箱吞吐量突破20万标箱。']).targets;
    expect(t.map(brief)).toEqual([
      ['实际利用外资', 5000, '万美元'],
      ['细颗粒物平均浓度', 32, '微克/立方米'],
      ['全社会用电量', 15, '亿千瓦时'],
      ['集装箱吞吐量', 20, '万标箱'],
    ]);
    expect(t.slice(0, 2).map((x) => x.indicatorId)).toEqual(['fdi', 'pm25']);
  });

  it('reads every item of a target list cut into sentences at ；, whatever their section', () => {
    const facts = run(
      [
        '今年全县经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；',
        '社会消费品零售总额增长6%；',
        '城镇调查失业率控制在5.5%以内；',
        '粮食总产稳定在18万吨以上。',
      ],
      'other',
    );
    expect(facts.targets.map((x) => [x.indicatorId, x.value, x.comparator, x.year, x.evidence[0]!.rule])).toEqual([
      ['gdp_growth', 5.5, '=', 2025, 'targets.list-item'],
      ['retail_sales_growth', 6, '=', 2025, 'targets.list-item'],
      ['unemployment_rate', 5.5, '<=', 2025, 'targets.list-item'],
      ['grain_output', 18, '>=', 2025, 'targets.list-item'],
    ]);
    expect(facts.results).toEqual([]);
  });

  it('reads items of one sentence separated by 、 and a second figure after 力争', () => {
    const { targets: t } = run(['工业投资增长9%以上、力争10%。']);
    expect(t.map(brief)).toEqual([
      ['工业投资增长', 9, '%'],
      ['工业投资增长', 10, '%'],
    ]);
    expect(t.every((x) => x.indicatorId === 'industrial_investment_growth')).toBe(true);
  });

  it('gives one target per indicator for 分别 and for 城乡', () => {
    const { targets: t } = run(['城镇、农村常住居民人均可支配收入分别增长6%和7.5%，城乡居民人均可支配收入分别达到4.1万元、2.2万元。']);
    expect(t.map((x) => [x.indicatorId, x.value, x.evidence[0]!.rule])).toEqual([
      ['urban_income_growth', 6, 'targets.fenbie'],
      ['rural_income_growth', 7.5, 'targets.fenbie'],
      ['urban_income', 4.1, 'targets.fenbie'],
      ['rural_income', 2.2, 'targets.fenbie'],
    ]);
    expect(t[0]!.indicator).toBe('城镇常住居民人均可支配收入增长');
    expect(t[2]!.normalised).toEqual({ value: 41000, unit: '元' });
  });

  it('distributes a full-name list over its values and reads 人均 as a word, not as 均', () => {
    const { targets: t } = run(['污水集中处理率、生活垃圾无害化处理率分别达到92%、98%，农民人均纯收入增长8%。']);
    expect(t.map((x) => [x.indicatorId, x.value])).toEqual([
      ['sewage_treatment', 92],
      ['waste_treatment', 98],
      ['rural_income_growth', 8],
    ]);
  });

  it('gives one target per item of a counted enumeration (三大, 两个…均)', () => {
    const a = run(['培育绿色食品、装备制造、文化旅游三大百亿产业。']).targets;
    expect(a.map((x) => [x.indicator, x.value, x.unit, x.evidence[0]!.rule])).toEqual([
      ['培育绿色食品产业', 100, '亿级', 'targets.enumeration'],
      ['培育装备制造产业', 100, '亿级', 'targets.enumeration'],
      ['培育文化旅游产业', 100, '亿级', 'targets.enumeration'],
    ]);
    const b = run(['新型建材、现代物流两个产业集群均迈入五十亿级。']).targets;
    expect(b.map(brief)).toEqual([
      ['新型建材产业集群', 50, '亿级'],
      ['现代物流产业集群', 50, '亿级'],
    ]);
    const d = run(['打造茶叶、中药材两个十亿级产业。']).targets;
    expect(d.map(brief)).toEqual([
      ['打造茶叶产业', 10, '亿级'],
      ['打造中药材产业', 10, '亿级'],
    ]);
    const c = run(['建设河西、城南两个物流园区。']).targets;
    expect(c.map((x) => [x.value, x.unit])).toEqual([[2, '个']]);
  });

  it('reads Chinese numerals, 百分之, 翻一番 and mixed units as stated, normalised to the catalogue unit', () => {
    const { targets: t } = run([
      '到二〇二七年，税收收入突破四十亿五千万元，年均增长百分之六点五，招商引资到位资金翻一番，新增就业三千二百人，植树造林一点五万亩。',
    ]);
    expect(t.map((x) => [x.indicatorId, x.value, x.unit, x.year])).toEqual([
      ['tax_revenue', 40.5, '亿元', 2027],
      ['tax_revenue_growth', 6.5, '%', 2027],
      ['investment_attracted_growth', 2, '倍', 2027],
      ['employment_new', 3200, '人', 2027],
      ['afforestation', 1.5, '万亩', 2027],
    ]);
    expect(t[1]!.annualAverage).toBe(true);
    expect(t[0]!.annualAverage).toBe(false);
    const money = run(['每年安排科技专项资金两千万元。']).targets[0]!;
    expect([money.value, money.unit, money.normalised]).toEqual([2000, '万元', { value: 0.2, unit: '亿元' }]);
  });

  it('reads the year a goal is for: 今年, 明年, 到20XX年, 十四五末, a heading year', () => {
    expect(run(['今年新建农村公路60公里。']).targets[0]!.year).toBe(2025);
    // Delivered in December for next year: its 明年 is the plan year.
    expect(run(['明年新建农村公路60公里。'], 'plan', 2026, '2025-12').targets[0]!.year).toBe(2026);
    expect(run(['明年新建农村公路60公里。'], 'plan', 2025, '2025-01').targets[0]!.year).toBe(2026);
    expect(run(['到“十四五”末，森林覆盖率达到65%。']).targets[0]!.year).toBe(2025);
    expect(run(['新建农村公路60公里。'], 'plan', null).targets[0]!.year).toBeNull();
  });

  it('puts review figures in results, and results cues inside a plan section too', () => {
    const review = run(['全年地区生产总值完成132.6亿元，同比增长6.1%。'], 'review');
    expect(review.targets).toEqual([]);
    expect(review.results.map((x) => x.value)).toEqual([132.6, 6.1]);
    const plan = run(['预计全年一般公共预算收入完成9.8亿元。', '上半年，固定资产投资同比增长12%。', '据统计，今年接待游客210万人次。'], 'plan');
    expect(plan.targets).toEqual([]);
    expect(plan.results.map((x) => x.value)).toEqual([9.8, 12, 210]);
  });

  it('reads goals in a review section by their own cues, and past years as results', () => {
    const r = run(['力争到2027年，规模以上工业企业达到80家。'], 'review');
    expect(r.targets.map((x) => [x.indicatorId, x.value])).toEqual([['above_scale_industry', 80]]);
    const p = run(['2024年，新建农村公路45公里。'], 'plan');
    expect(p.targets).toEqual([]);
    expect(p.results.map((x) => x.value)).toEqual([45]);
    // A baseline year is not the year of the figure.
    expect(run(['出口额在2020年基础上翻一番。']).targets.map((x) => x.value)).toEqual([2]);
  });

  it('decides an unmarked sentence by the ；-run it continues and by the section before it', () => {
    const doc = docOf(['粮食总产量达到21万吨；', '新建高标准农田3万亩。'], 'review');
    doc.year = 2025;
    doc.sentences[1]!.section = 'other';
    const facts = targets.run(doc).facts;
    expect(facts.targets).toEqual([]);
    expect(facts.results.map((x) => x.value)).toEqual([21, 3]);
  });

  it('reads the counted noun after a figure and reuses the verb for the items after it', () => {
    const { targets: t } = run(['每个村至少建成一个文化广场，新建3个农贸市场、12个便民服务站。']);
    expect(t.map(brief)).toEqual([
      ['每个村至少建成文化广场', 1, '个'],
      ['新建农贸市场', 3, '个'],
      ['新建便民服务站', 12, '个'],
    ]);
  });

  it('keeps masked figures as redacted targets', () => {
    const { targets: t } = run(['城镇和农村居民人均可支配收入分别增长x%、x.x%以上。']);
    expect(t.map((x) => [x.indicatorId, x.value, x.redacted])).toEqual([
      ['urban_income_growth', null, true],
      ['rural_income_growth', null, true],
    ]);
  });

  it('skips slogans, vague counts, ordinals, quoted names and figures that modify a noun', () => {
    const none = [
      '牢固树立“两个维护”，推动总投资18亿元的物流园建设。',
      '谋划一批重大项目，建成二期工程。',
      '第一，推进三大攻坚战。',
      '做好两个方面的工作。',
      '推行“5+N工作法”，建设“百亿产业集群”。',
      '推进年加工8万吨玉米的生产线建设。',
      '引进10亿元以上项目落地。',
      '县域经济排名前移至12位，位居全省第5位。',
    ];
    for (const s of none) expect(run([s]).targets, s).toEqual([]);
  });

  it('reads a 同比 figure with a commitment as a goal, continuing the indicator before it', () => {
    const { targets: t, results } = run(['全年农业总产值达到45亿元以上，同比增长不低于4%。']);
    expect(results).toEqual([]);
    expect(t.map((x) => [x.indicatorId, x.value])).toEqual([
      ['agri_output', 45],
      ['agri_output_growth', 4],
    ]);
  });

  it('reads no unit where the next character makes a word of it, and drops baselines from names', () => {
    expect(run(['推进xx项目建设，帮扶两个人群。']).targets).toEqual([]);
    expect(run(['以20户为单元划分网格。']).targets).toEqual([]);
    expect(run(['旅游收入在2024年的基础上再翻一番。']).targets.map(brief)).toEqual([['旅游收入', 2, '倍']]);
  });

  it('reads 由X增加到Y as a figure with its baseline, and an amount describing a counted noun as part of its name', () => {
    const { results } = run(['五年来，税收收入由12亿元增加到19亿元。'], 'review');
    expect(results.map((x) => [x.indicator, x.value, x.baseline, x.evidence[0]!.rule])).toEqual([['税收收入', 19, 12, 'targets.from-to']]);
    const { targets: t } = run(['培育年营业收入超5亿元企业4家，新建日处理60吨垃圾中转站1座。']);
    expect(t.map(brief)).toEqual([
      ['培育年营业收入超5亿元企业', 4, '家'],
      ['新建日处理垃圾中转站', 60, '吨'],
      ['垃圾中转站', 1, '座'],
    ]);
  });

  it('drops the agency that sets a goal and trailing time words from the indicator', () => {
    const { targets: t } = run(['县农业农村局、县林业局要把森林覆盖率稳定在60%以上，旅游综合收入年内突破20亿元，市级以上企业技术中心达到6家。']);
    expect(t.map(brief)).toEqual([
      ['森林覆盖率', 60, '%'],
      ['旅游综合收入', 20, '亿元'],
      ['市级以上企业技术中心', 6, '家'],
    ]);
  });

  it('drops sentence fragments as indicators', () => {
    const none = ['这种竹子一天之内可以长到1米。', '但仅仅占到全省的3%。', '该项目达产后可年产饮料20万吨。'];
    for (const s of none) expect(run([s]).targets, s).toEqual([]);
  });

  it('keeps 充分就业 as a name although 充分 marks a clause elsewhere', () => {
    const { targets: t } = run(['年内新创建充分就业社区8个。']);
    expect(t.map(brief)).toEqual([['新创建充分就业社区', 8, '个']]);
  });

  it('reads 降至/提高至 as the verb before a figure, 降至 as a ceiling', () => {
    const { targets: t } = run(['贫困发生率降至1.5%，农作物耕种收综合机械化率提高至80%，人口自然增长率控制在5‰以内。']);
    expect(t.map((x) => [x.indicator, x.indicatorId, x.value, x.comparator])).toEqual([
      ['贫困发生率', 'poverty_rate', 1.5, '<='],
      ['农作物耕种收综合机械化率', 'farm_mechanisation', 80, '='],
      ['人口自然增长率', 'population_growth_rate', 5, '<='],
    ]);
  });

  it('resolves the older and the less common catalogue names', () => {
    const { targets: t } = run(['公共财政预算收入增长9%，民间投资增长12%，第二产业增加值突破60亿元，九年义务教育巩固率达到97%，新农合参合率保持在98%以上。']);
    expect(t.map((x) => x.indicatorId)).toEqual([
      'fiscal_revenue_growth',
      'private_investment_growth',
      'secondary_value_added',
      'compulsory_education_retention',
      'medical_coverage',
    ]);
  });

  it('takes a catalogued name out of a fragment', () => {
    const { targets: t } = run(['县人社局要通过多种渠道确保城镇新增就业2800人以上。']);
    expect(t.map((x) => [x.indicatorId, x.value])).toEqual([['employment_new', 2800]]);
  });

  it('reads half-width punctuation as clause marks, keeping thousands separators', () => {
    const { targets: t } = run(['支持骨干企业实施技术改造,新增规上工业企业12家;接待游客1,200万人次.']);
    expect(t.map(brief)).toEqual([
      ['新增规上工业企业', 12, '家'],
      ['接待游客', 1200, '万人次'],
    ]);
  });

  it('reads figures and names across the line breaks of a PDF, evidence pointing into the text', () => {
    const text = '全县地区生产总值完成88.6亿\n元，规\n模以上工业增加值增长\n- 3 -\n6.5%。';
    const doc = docOf([text], 'review');
    doc.year = 2025;
    const { results } = targets.run(doc).facts;
    expect(results.map((x) => [x.indicatorId, x.value, x.unit])).toEqual([
      ['gdp', 88.6, '亿元'],
      ['industrial_value_added_growth', 6.5, '%'],
    ]);
    expect(results.map((x) => doc.text.slice(x.evidence[0]!.start, x.evidence[0]!.end))).toEqual(['88.6亿\n元', '6.5%']);
  });

  it('gives the aggregate investment of counted projects to them, not to one project', () => {
    const { targets: t } = run(['全年安排市级重点项目150个，总投资860亿元，年度计划投资240亿元。']);
    expect(t.map(brief)).toEqual([
      ['安排市级重点项目', 150, '个'],
      ['安排市级重点项目总投资', 860, '亿元'],
      ['安排市级重点项目年度计划投资', 240, '亿元'],
    ]);
  });
});
