import { describe, expect, it } from 'vitest';
import { ProjectLexicon, projects, projectSpans } from './projects.ts';
import { docOf } from './doc.fixtures.ts';
import { lexicon } from './lexicon.ts';

// Sentences written for these tests, one or more per class of expression; none is copied
// from a seed or the devset.
const names = (t: string) => projectSpans(t).map((s) => s.name);
const rules = (t: string) => projectSpans(t).map((s) => s.rule);

describe('projects: the lexicon', () => {
  it('is checked by its schema when it loads', () => {
    const lex = lexicon('projects', ProjectLexicon);
    expect(lex.heads).toContain('项目');
    expect(lex.boundaries.length).toBeGreaterThan(10); // enterprises.ts reads `boundaries` too
    expect(() => ProjectLexicon.parse({ ...lex, heads: 'X' })).toThrow();
    expect(() => ProjectLexicon.parse({ ...lex, unknownList: [] })).toThrow();
  });

  it('has heads that are class words, not one project', () => {
    const lex = lexicon('projects', ProjectLexicon);
    for (const lifted of ['农博城', '医技楼', '积水点改造', '打通提升', '博览苑']) {
      expect([...lex.heads, ...lex.weakHeads, ...lex.buildHeads]).not.toContain(lifted);
    }
  });
});

describe('projects: names by what they are', () => {
  it('starts after 支援 as after 支持 (a Taiwan-phrased text writes one for the other)', () => {
    expect(names('全力支援青禾食品冷链仓储项目建设。')).toEqual(['青禾食品冷链仓储项目']);
    expect(names('全力支持青禾食品冷链仓储项目建设。')).toEqual(['青禾食品冷链仓储项目']);
  });

  it('a company\'s project whose registered name holds a verb (鑫源农牧发展有限公司…)', () => {
    expect(names('远帆农牧发展有限公司百万只蛋鸡养殖项目建成投产。')).toEqual(['远帆农牧发展有限公司百万只蛋鸡养殖项目']);
    expect(names('加快建设公司总部大楼项目。')[0]).not.toMatch(/^加快/);
  });

  it('roads of a list closed by 等… and a building word (…等12条市政道路建成通车), not roads walked along', () => {
    expect(names('青山大道、滨河路、学府路等12条市政道路建成通车。')).toEqual(['青山大道', '滨河路', '学府路']);
    expect(names('沿着滨河路、学府路等道路行走，县城南路、北路等路段拥堵。')).toEqual([]);
  });

  it('a route between places whose names hold 和 (兴和, 和田), which then joins nothing', () => {
    expect(names('推进青山县至兴和铁路前期工作，加快和田至若羌铁路建设。')).toEqual(['青山县至兴和铁路', '和田至若羌铁路']);
    expect(names('推进和平路改造工程和胜利路改造工程。')).toEqual(['和平路改造工程', '胜利路改造工程']);
    expect(names('推进和林格尔新区数据中心、G109线和林格尔段改扩建等重大项目。')).not.toContainEqual(expect.stringMatching(/^林格尔/));
  });

  it('a pipeline\'s branch line and a park\'s named transformation', () => {
    expect(names('建成输气管道青山支线，加快东城工业园区循环化改造。')).toEqual(['输气管道青山支线', '东城工业园区循环化改造']);
  });

  it('mines, plants and power stations', () => {
    expect(names('加快推进青石岭煤矿技术改造')).toEqual(['青石岭煤矿技术改造']);
    expect(names('建成白马河水电站')).toEqual(['白马河水电站']);
    expect(names('开工建设东岗热电厂')).toEqual(['东岗热电厂']);
    expect(names('大湾子风电场并网发电')).toEqual(['大湾子风电场']);
  });

  it('parks and zones', () => {
    expect(names('推动南屏工业集中区扩区')).toEqual(['南屏工业集中区扩区']);
    expect(names('积极申报凤岭经济技术开发区')).toEqual(['凤岭经济技术开发区']);
    expect(names('加快青禾农产品加工园建设')).toEqual(['青禾农产品加工园']);
  });

  it('water works, roads and bridges', () => {
    expect(names('开工建设石门坎水库')).toEqual(['石门坎水库']);
    expect(names('东林至西坝旅游公路建成通车')).toEqual(['东林至西坝旅游公路']);
    expect(names('推进省道S210东林段改建工程')).toEqual(['省道S210东林段改建工程']);
    expect(names('启动柳湾大桥建设')).toEqual(['柳湾大桥']);
  });

  it('places graded as scenic areas', () => {
    expect(names('金鸡岭、白沙湾成功创建国家4A级旅游景区')).toEqual(['金鸡岭景区', '白沙湾景区']);
    expect(rules('金鸡岭、白沙湾成功创建国家4A级旅游景区')).toEqual(['projects.designation', 'projects.designation']);
    expect(names('全县新增国家4A级旅游景区3个')).toEqual([]);
  });

  it('hospitals, schools and scenic areas', () => {
    expect(names('县中医院新院区投入使用')).toEqual(['县中医院新院区']);
    expect(names('新建城北第二小学')).toEqual(['城北第二小学']);
    expect(names('推动云雾山景区创建国家4A级旅游景区')).toEqual(['云雾山景区']);
    expect(names('打造桃源茶香小镇')).toEqual(['桃源茶香小镇']);
  });

  it('needs a building clause for 中心, 楼, 厂, 路', () => {
    expect(names('建成青山镇游客服务中心')).toEqual(['青山镇游客服务中心']);
    expect(names('县医院住院楼主体封顶')).toEqual(['县医院住院楼']);
    expect(names('新建白鹭路、芳华路')).toEqual(['白鹭路', '芳华路']);
    // Not built: a hub in a slogan, a road as a figure of speech.
    expect(names('融入区域物流中心')).toEqual([]);
    expect(names('坚定走好绿色发展之路')).toEqual([]);
    expect(names('提高干部驾驭市场经济的能力')).toEqual([]);
    expect(names('建设城市地下管网智能监测系统')).toEqual(['城市地下管网智能监测系统']);
    expect(names('对主要目标、重点任务等作出了系统安排')).toEqual([]);
  });

  it('keeps works and phases named after the object', () => {
    expect(names('实施滨江大道拓宽改造')).toEqual(['滨江大道拓宽改造']);
    expect(names('加快建设智能制造产业园二期')).toEqual(['智能制造产业园二期']);
    expect(names('着力加快县人民医院搬迁')).toEqual(['县人民医院搬迁']);
  });
});

describe('projects: where a name starts', () => {
  it('after a verb or particle', () => {
    expect(names('推进总投资12亿元的远山年产5万吨锂电材料项目')).toEqual(['远山年产5万吨锂电材料项目']);
    expect(names('全力配合和西高速等重大交通工程')).toEqual(['和西高速']);
  });

  it('after a quantity', () => {
    expect(names('打造20公里生态廊道')).toEqual([]);
    expect(names('建设一批乡村振兴示范项目')).toEqual([]);
  });

  it('after a numbered list marker, before a location note', () => {
    expect(names('1.东升新材料精密铜管项目（县经济开发区）')).toEqual(['东升新材料精密铜管项目']);
    expect(names('（3）金穗面粉加工项目')).toEqual(['金穗面粉加工项目']);
  });
});

describe('projects: several in one phrase', () => {
  it('shares the head of a coordinated list', () => {
    expect(names('加快建设龙湾、石岗风电场')).toEqual(expect.arrayContaining(['龙湾风电场', '石岗风电场']));
    expect(names('推进东坡镇、西岭乡蔬菜产业园')).toEqual(expect.arrayContaining(['东坡镇蔬菜产业园', '西岭乡蔬菜产业园']));
    expect(rules('加快建设龙湾、石岗风电场')).toContain('projects.shared:风电场');
  });

  it('gives one project per item of an 等-list or a count', () => {
    expect(names('推进青龙、白虎、玄武三大煤矿技改')).toEqual(['青龙煤矿技改', '白虎煤矿技改', '玄武煤矿技改']);
    expect(names('建设东坡镇、西岭乡两个肉牛养殖基地')).toEqual(['东坡镇肉牛养殖基地', '西岭乡肉牛养殖基地']);
    expect(names('建成青龙、白虎、玄武三大煤矿')).toEqual(['青龙煤矿', '白虎煤矿', '玄武煤矿']);
    expect(names('实施红旗路、解放路等雨污管网改造')).toEqual(['红旗路雨污管网改造', '解放路雨污管网改造']);
    expect(rules('实施红旗路、解放路等雨污管网改造')).toEqual(['projects.list:管网', 'projects.list:管网']);
  });

  it('counts with a classifier close a list too (三座水库)', () => {
    expect(names('开工建设红石岭、青山、柳林三座水库')).toEqual(['红石岭水库', '青山水库', '柳林水库']);
  });

  it('does not share a tail across names of different kinds', () => {
    const got = names('加快推进黄河大桥、西环路、县城第二水厂等基础设施建设');
    expect(got).toEqual(expect.arrayContaining(['黄河大桥', '西环路', '县城第二水厂']));
    expect(got).not.toContain('西环路第二水厂');
    expect(names('推进北海路、学苑路供热主管网建设')).toEqual(expect.arrayContaining(['北海路供热主管网', '学苑路供热主管网']));
  });

  it('reads a numbered programme as one name', () => {
    expect(names('实施城乡供水“六大工程”')).not.toContain('城乡供水工程');
  });

  it('does not share an old place\'s own head', () => {
    expect(names('串联云岭、石桥古镇')).not.toContain('云岭古镇');
  });

  it('does not read companies as works', () => {
    expect(names('支持金山、银河第一酒厂等龙头企业扩能')).toEqual([]);
  });
});

describe('projects: more kinds and owners', () => {
  it('stations, resettlement areas, greenways', () => {
    expect(names('建成城东客运站')).toEqual(['城东客运站']);
    expect(names('建成投用县城集中供暖热源厂')).toEqual(['县城集中供暖热源厂']);
    expect(names('开工建设南山安置小区')).toEqual(['南山安置小区']);
    expect(names('打造沿江绿道')).toEqual([]); // 沿江: along a river, no name
    expect(names('打造白鹭湾绿道')).toEqual(['白鹭湾绿道']);
  });

  it('a facility of a park, but not a generic one', () => {
    expect(names('建成工业园区污水处理厂')).toEqual(['工业园区污水处理厂']);
    expect(names('推进产业园项目建设')).toEqual([]);
  });

  it('numbered entries of a project list need no building verb', () => {
    expect(names('5.城西冷链物流中心（城西镇）：总投资1.2亿元')).toEqual(['城西冷链物流中心']);
  });

  it('a numbered slogan in front of a name is not part of it', () => {
    expect(names('实施“一核两翼”滨湖生态修复工程')).toEqual(['滨湖生态修复工程']);
    expect(names('打造“花溪云谷”田园综合体')).toEqual(['“花溪云谷”田园综合体']);
    expect(names('严控“两高”项目')).toEqual([]);
    expect(names('打造“千年古镇”旅游品牌')).toEqual([]);
  });
});

describe('projects: one project named twice', () => {
  const factNames = (ss: string[]) => projects.run(docOf(ss)).facts.projects.map((p) => p.name);

  it('short and in full', () => {
    expect(factNames(['推进青崖古城保护提升工程。', '青崖古城接待游客。'])).toEqual(['青崖古城保护提升工程']);
    expect(factNames(['实施清水河流域综合治理项目。', '清水河项目完成投资2亿元。'])).toEqual(['清水河流域综合治理项目']);
    expect(factNames(['建设华峰酒业智能酿造基地。', '华峰智能酿造基地投产。'])).toEqual(['华峰酒业智能酿造基地']);
    expect(factNames(['推动龙潭景区提档升级。', '龙潭风景区创建4A级旅游景区。'])).toEqual(['龙潭风景区']);
  });

  it('but not two phases or two parks', () => {
    expect(factNames(['建成云峰产业园一期。', '开工云峰产业园二期。', '建设云峰产业园。'])).toHaveLength(3);
    expect(factNames(['建设生物医药产业园。', '建设生物医药制造产业园。'])).toHaveLength(2);
  });
});

describe('projects: generic phrases are not projects', () => {
  it('drops generic and counted phrases', () => {
    expect(names('加快重点项目建设，实施一批民生工程，推进厕所革命')).toEqual([]);
    expect(names('实施省市县重点项目120个，推进市县重点项目建设。')).toEqual([]);
    expect(names('谋划一批基础设施项目')).toEqual([]);
    expect(names('全年实施亿元以上项目30个以上')).toEqual([]);
    expect(names('新建、改扩建中小学和幼儿园8所')).toEqual([]);
  });

  it('drops dated headings and offices', () => {
    expect(names('全市2025年三季度重大项目集中开工')).toEqual([]);
    expect(names('县自然资源局保障项目用地')).toEqual([]);
  });
});

describe('projects: facts on the project', () => {
  it('reads investment in 亿元, capacity, status and the rule', () => {
    const doc = projects.run(docOf(['实施总投资8000万元的北坡5万千瓦光伏项目。']));
    const p = doc.facts.projects[0]!;
    expect(p.name).toBe('北坡5万千瓦光伏项目');
    expect(p.investment).toBeCloseTo(0.8);
    expect(p.capacity).toEqual({ value: 5, unit: '万千瓦' });
    expect(p.evidence[0]!.rule).toBe('projects.head:项目');
    expect(doc.text.slice(p.evidence[0]!.start, p.evidence[0]!.end)).toBe('北坡5万千瓦光伏项目');
  });

  it('tells completed from planned', () => {
    const done = projects.run(docOf(['金叶生物质发电项目竣工投产。'], 'review'));
    expect(done.facts.projects[0]!.status).toBe('in_operation');
    const plan = projects.run(docOf(['谋划建设县妇幼保健中心大楼项目。']));
    expect(plan.facts.projects[0]!.status).toBe('planned');
  });
});
