import { describe, expect, it } from 'vitest';
import { agencies } from './agencies.ts';
import { docOf } from './doc.fixtures.ts';

const facts = (s: string) => agencies.run(docOf([s])).facts.agencies;
const names = (s: string) => facts(s).map((x) => x.name);
const rules = (s: string) => facts(s).map((x) => [x.name, x.evidence[0]!.rule]);

describe('agencies', () => {
  it('canonicalises abbreviations and keeps the level', () => {
    const a = facts('县农业农村局、教体局、工信局、卫健委、发改委等单位积极作为。');
    expect(a.map((x) => [x.name, x.canonical, x.level])).toEqual([
      ['县农业农村局', '农业农村局', '县'],
      ['教体局', '教育和体育局', null],
      ['工信局', '工业和信息化局', null],
      ['卫健委', '卫生健康委员会', null],
      ['发改委', '发展和改革委员会', null],
    ]);
  });

  it('keeps the party committee a department belongs to (县委组织部), never the committee alone', () => {
    expect(names('县委组织部、县委统战部、县委政法委牵头抓好落实。')).toEqual(['县委组织部', '县委统战部', '县委政法委']);
    expect(names('在县委的坚强领导下，县委常委会研究部署。')).toEqual([]);
  });

  it('reads a law-enforcement bureau by its short name and a centre named for extension work', () => {
    expect(names('县城管执法局开展整治，县农业技术推广中心开展培训。')).toEqual(['县城管执法局', '县农业技术推广中心']);
    expect(names('推广中心城区经验。')).toEqual([]);
  });

  it('finds the body, not the verb before it', () => {
    expect(names('提升县政务服务中心效能，被国务院扶贫办确定为交流基地。')).toEqual(['县政务服务中心', '国务院扶贫办']);
  });

  it('leaves out leading bodies and noise', () => {
    expect(facts('县委、县政府带领村两委和党组，县人民医院扩建，工作部署到位。')).toEqual([]);
  });

  it('reads every level prefix, the 县级市 and 旗 ones included', () => {
    expect(names('旗林草局会同旗水利局，州生态环境局和区商务局联合督导，市医保局跟进。')).toEqual([
      '旗林草局',
      '旗水利局',
      '州生态环境局',
      '区商务局',
      '市医保局',
    ]);
    expect(facts('市审批服务局优化流程。')[0]).toMatchObject({ name: '市审批服务局', level: '市' });
  });

  it('builds the full and the short form from a function and a suffix, with tails', () => {
    expect(rules('县营商环境建设监督局受理诉求，市海洋发展局编制规划，县市场监管局抽检。')).toEqual([
      ['县营商环境建设监督局', 'agencies.built'],
      ['市海洋发展局', 'agencies.built'],
      ['县市场监管局', 'agencies.built'],
    ]);
  });

  it('reads merged bureaus as one body', () => {
    expect(rules('县工信商务局、县农业农村和科学技术局、县文化体育广播电视和旅游局共同推进。')).toEqual([
      ['县工信商务局', 'agencies.merged'],
      ['县农业农村和科学技术局', 'agencies.merged'],
      ['县文化体育广播电视和旅游局', 'agencies.merged'],
    ]);
    expect(names('区自然资源和规划局保障用地。')).toEqual(['区自然资源和规划局']);
  });

  it('reads a run of one-character morphemes only after a level', () => {
    expect(rules('县文广旅体局承办赛事。')).toEqual([['县文广旅体局', 'agencies.short-compound']]);
    expect(names('文广旅体的融合更深。')).toEqual([]);
  });

  it('reads a sector development body after a level, not a facility', () => {
    expect(rules('县蚕桑产业发展中心和县烟草发展办公室指导农户。')).toEqual([
      ['县蚕桑产业发展中心', 'agencies.sector'],
      ['县烟草发展办公室', 'agencies.sector'],
    ]);
    expect(names('县游客服务中心建成开放，县城服务中心改造。')).toEqual([]);
    expect(names('市场服务中心和市民服务中心人流不断。')).toEqual([]);
  });

  it('reads public service bodies ending in 中心 only after a service function', () => {
    expect(names('县疾病预防控制中心和县不动产登记中心窗口前移。')).toEqual(['县疾病预防控制中心', '县不动产登记中心']);
    expect(names('建设县体育中心和文化中心。')).toEqual([]);
  });

  it('reads field units (站, 所, 队) only after a level', () => {
    expect(names('县农业技术推广站、镇水利站和县综合执法大队联合行动，盟林草局指导。')).toEqual([
      '县农业技术推广站',
      '镇水利站',
      '县综合执法大队',
      '盟林草局',
    ]);
    expect(names('水利站点布局优化，交警队伍建设，派出所和加油站改造。')).toEqual([]);
  });

  it('does not read the whole unit or a department as a body', () => {
    expect(names('推动全县经济社会发展中心工作，全市经济高质量发展服务中心大局，商务部门和科技部门协同。')).toEqual([]);
  });

  it('keeps a short form in brackets as an alias of the same body', () => {
    const a = facts('县投资促进事务中心（县投促中心）牵头招商。');
    expect(a.map((x) => x.name)).toEqual(['县投资促进事务中心']);
    expect(a[0]!.aliases).toContain('县投促中心');
  });

  it('gives aliases without the level and in full', () => {
    expect(facts('县发改局牵头。')[0]!.aliases).toEqual(expect.arrayContaining(['发改局', '发展和改革局', '县发展和改革局']));
  });

  it('reads a development zone committee after a separator', () => {
    expect(rules('市商务局、青龙经济技术开发区管委会对接企业。')).toEqual([
      ['市商务局', 'agencies.built'],
      ['青龙经济技术开发区管委会', 'agencies.zone'],
    ]);
  });
});

describe('agencies lexicon', () => {
  it('is checked against its schema', async () => {
    const { AgencyLexicon } = await import('./agencies.ts');
    const { lexicon } = await import('./lexicon.ts');
    expect(() => lexicon('agencies', AgencyLexicon)).not.toThrow();
    expect(AgencyLexicon.safeParse({ levels: { 县: '县' } }).success).toBe(false);
  });
});
