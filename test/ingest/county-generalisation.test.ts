/**
 * County inference on counties the seeds never mention: short report-style passages written for
 * real counties of other provinces (towns from the gazetteer), masked as `xx县` the way the
 * hidden set is, plus unmasked title and speaking-position styles. A rule that only fits the
 * seeds fails here.
 */
import { describe, it, expect } from 'vitest';
import { processText } from '../../ingest/index.ts';

const masked: Array<{ county: string; code: string; text: string }> = [
  {
    county: '安吉县 (浙江)',
    code: '330523',
    text: [
      'xx县委十五届五次全体（扩大）会议召开。',
      '过去一年，我们深入践行“两山”理念，天荒坪镇抽水蓄能二期开工建设，孝丰镇、梅溪镇白茶加工园投产，',
      '鄣吴镇竹产业小镇入选省级特色小镇，溪龙乡白茶小镇接待游客120万人次。',
      '今年，xx县要推动杭垓镇、报福镇全域旅游提质扩面。',
    ].join('\n'),
  },
  {
    county: '苍溪县 (四川)',
    code: '510824',
    text: [
      '各位代表：现在，我代表xx县人民政府向大会报告工作。',
      '全年新建红心猕猴桃基地3万亩，陵江镇、元坝镇天然气净化厂配套完成，歧坪镇、白驿镇雪梨示范园建成。',
      '实施亭子镇、五龙镇场镇改造，黄猫垭镇红色旅游景区提档升级。',
    ].join('\n'),
  },
  {
    county: '浏阳市 (湖南)',
    code: '430181',
    text: [
      'xx市委经济工作会议指出，要坚定不移推进花炮产业转型升级。',
      '大瑶镇、金刚镇花炮企业安全改造全面完成，澄潭江镇烟花爆竹总部经济初具规模，',
      '大围山镇全域旅游示范区创建通过验收，沙市镇、官渡镇乡村振兴示范片建设有序推进。',
    ].join('\n'),
  },
  {
    county: '曹县 (山东)',
    code: '371721',
    text: [
      'xx县第十四次党代会以来，全县电商产业蓬勃发展。',
      '大集镇演出服饰产业年销售额突破40亿元，庄寨镇木制品出口欧美，',
      '青堌集镇、普连集镇芦笋基地扩至5万亩，魏湾镇、砖庙镇肉牛养殖小区相继建成。',
    ].join('\n'),
  },
  {
    county: '湄潭县 (贵州)',
    code: '520328',
    text: [
      'xx县茶产业发展大会召开。',
      '永兴镇、复兴镇、兴隆镇新增标准化茶园2万亩，鱼泉街道茶旅一体化项目开园，',
      '抄乐镇、西河镇精品水果基地和洗马镇有机大米基地通过认证。',
    ].join('\n'),
  },
  {
    county: '五常市 (黑龙江)',
    code: '230184',
    text: [
      '过去五年，xx市水稻种植面积稳定在250万亩，稻花香大米品牌价值持续提升。',
      '拉林满族镇、牛家满族镇稻米加工园区建成投产，山河镇、小山子镇、龙凤山镇生态旅游加快发展，',
      '民乐朝鲜族乡建成稻作文化产业园。',
    ].join('\n'),
  },
  {
    county: '大荔县 (陕西)',
    code: '610523',
    text: [
      '一年来，xx县坚持农业稳县、工业强县、旅游兴县。',
      '朝邑镇、安仁镇冬枣大棚扩至40万亩，羌白镇、官池镇黄花菜基地新建1.2万亩，',
      '许庄镇、两宜镇设施蔬菜标准园建成，赵渡镇沿黄生态旅游带初步形成。',
    ].join('\n'),
  },
  {
    county: '弥勒市 (云南)',
    code: '532504',
    text: [
      'XX市委十届三次全会提出，要把文旅康养打造成首位产业。',
      '东风韵小镇、虹溪镇历史文化名镇建设加快推进，西一镇、西三镇葡萄酒庄园接待游客大幅增长，',
      '竹园镇、朋普镇烤烟和蔬菜产业稳步发展，巡检司镇高原特色农业示范区启动建设。',
    ].join('\n'),
  },
  // Harder: stems without 镇/乡 and village names, as reports write them.
  {
    county: '安吉县 (浙江), stems and villages',
    code: '330523',
    text: [
      'X县以鲁家村为样板，在递铺、孝丰、天子湖等片区推广田园综合体模式，',
      '鹤鹿溪村、高坞岭村、尚书干村的民宿集群初具规模，“两山”转化通道更加宽广。',
    ].join('\n'),
  },
  {
    county: '会昌县 (江西), stems',
    code: '360733',
    text: [
      'XX县委十四届全会强调，要做大做强绿色食品和新型建材产业。',
      '筠门岭、周田、麻州三个工业集中区扩容提质，右水乡、站塘乡脐橙基地提质增效，',
      '文武坝、西江两镇城乡融合发展示范区建设全面铺开。',
    ].join('\n'),
  },
  // Town names jieba does not know get glued to the list words around them (镇和苗, 和立).
  {
    county: '太和县 (安徽), glued names',
    code: '341222',
    text: 'xx县委经济工作会议召开。过去一年，二郎镇和苗老集镇的特色产业基地建成投产。',
  },
  {
    county: '仪陇县 (四川), glued names',
    code: '511324',
    text: 'xx县委经济工作会议召开。过去一年，金城镇和立山镇的特色产业基地建成投产。',
  },
];

describe('county inference on unseen counties (masked)', () => {
  for (const { county, code, text } of masked) {
    it(`points to ${county} from the towns it names`, () => {
      const doc = processText(text);
      expect(doc.facts.countySuggestion?.code).toBe(code);
      expect(doc.facts.countySuggestion?.source).toBe('inferred');
      expect(doc.facts.countySuggestion!.confidence).toBeGreaterThan(0.5);
    });
  }
});

describe('county read from the text on unseen counties (unmasked)', () => {
  const cases: Array<[string, string, string]> = [
    ['安吉县人民政府工作报告\n——2023年1月在安吉县第十七届人民代表大会第三次会议上\n各位代表：', '330523', '安吉县'],
    ['在中国共产党苍溪县第十五次代表大会上的报告\n同志们：现在，我代表中共苍溪县第十四届委员会向大会作报告。', '510824', '苍溪县'],
    ['曹县县长 张三\n过去一年，曹县人民政府在县委的坚强领导下，大集镇电商产业再创佳绩。', '371721', '曹县'],
    ['湄潭县委书记在县委经济工作会议上的讲话\n同志们：今天召开全县经济工作会议。', '520328', '湄潭县'],
    ['安吉县2023年政府工作报告\n各位代表：过去一年，我们坚持稳中求进。', '330523', '安吉县'],
    ['关于安吉县2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n各位代表：', '330523', '安吉县'],
    ['湄潭县人民代表大会常务委员会工作报告\n各位代表：', '520328', '湄潭县'],
    ['浏阳市政府工作报告\n各位代表：现在，我代表市人民政府向大会报告工作，请予审议。浏阳市第十七届人民代表大会第一次会议。', '430181', '浏阳市'],
  ];
  for (const [text, code, name] of cases) {
    it(`reads ${name}`, () => {
      const doc = processText(text);
      expect(doc.facts.county).toMatchObject({ code, name, source: 'text' });
    });
  }
});

describe('other mask styles', () => {
  it('reads ○○县 as a mask and does not take a partner county in speaking position for its own', () => {
    const doc = processText('○○县委经济工作会议召开。过去一年，二郎镇、苗老集镇、旧县镇的特色产业基地建成投产。对口帮扶的西和县人民政府来访。');
    expect(doc.facts.county).toMatchObject({ code: '341222', source: 'inferred' });
  });
});

describe('names in passing, partners and parses that look alike', () => {
  const county = (text: string) => processText(text).facts.county;

  it('reads a county a news passage names, below certainty when it only names it in passing', () => {
    const c = county('今年以来，宁都县坚持工业强县战略，新签约项目23个。宁都县委书记表示，要推动产业高质量发展。');
    expect(c).toMatchObject({ code: '360730', source: 'text' });
    const d = county('本报讯 近日，曹县大集镇淘宝村电商产业园开园，来自曹县各乡镇的企业代表参加活动。');
    expect(d?.code).toBe('371721');
    expect(d!.confidence).toBeLessThan(0.9);
  });

  it('in a masked text, a county named in passing is a partner: never a confident answer', () => {
    const c = county('XX县委经济工作会议召开。过去一年，我县坚持稳中求进。瑞金市、于都县对口协作持续深化。');
    expect(c?.confidence ?? 0).toBeLessThan(0.5);
  });

  it('reads banner abbreviations and long autonomous names', () => {
    expect(county('科右前旗2023年政府工作报告\n各位代表：过去一年，全旗上下团结奋斗。')).toMatchObject({ code: '152221', confidence: 1 });
    expect(county('达茂旗召开旗委经济工作会议。会议指出，要加快建设现代化新达茂。')?.code).toBe('150223');
  });

  it('settles a shared name by the city before it, and leaves it unsure without one', () => {
    expect(county('辽宁省朝阳市朝阳县人民政府召开常务会议。')).toMatchObject({ code: '211321' });
    const c = county('朝阳区人民政府召开常务会议，研究部署安全生产工作。');
    expect(c!.confidence).toBeLessThan(0.9);
  });

  it('reads 中共和县 as 中共 + 和县, not 中 + 共和县', () => {
    expect(county('中共和县县委召开全会。和县人民政府工作报告。')?.code).toBe('340523');
  });
});

describe('a masked city is not a masked county', () => {
  it('keeps the county a report names in full when only its city is masked (XX市委)', () => {
    const doc = processText('政府工作报告\n——2024年1月10日在宁都县第十八届人民代表大会第三次会议上\n各位代表：在XX市委、市政府的坚强领导下，小布镇、东山坝镇、青塘镇建设加快。');
    expect(doc.facts.county).toMatchObject({ code: '360730', source: 'text' });
    expect(doc.facts.county!.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a bare short form opening a title', () => {
  it('is a weak vote of its own (常熟32个重大项目集中开工), never a confident one', () => {
    const c = processText('常熟32个重大项目集中开工 总投资286亿元\n\n3月26日上午，重大项目集中开工活动举行。').facts.county;
    expect(c?.code).toBe('320581');
    expect(c!.confidence).toBeLessThan(0.5);
  });
});
