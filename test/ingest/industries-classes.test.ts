/**
 * What resource, farm, fishery, manufacturing and service counties develop, in sentences written
 * for these tests (no seed or devset sentence); the hierarchy as data; occurrence counts.
 */
import { describe, it, expect } from 'vitest';
import { processText, industryHierarchy, industryByIdOrAlias, industrySubtree } from '../../ingest/index.ts';
import { parseTaxonomy } from '../../ingest/taxonomy.ts';

const found = (text: string) => processText(text).facts.industries.filter((i) => !i.id.startsWith('candidate:'));
const names = (text: string) => found(text).map((i) => i.name);

const classes: Array<[string, string, string[]]> = [
  ['mining and energy', '稳定煤炭产量在三千万吨，推进煤层气抽采利用，建设页岩气示范区。', ['煤炭', '煤层气', '石油天然气']],
  ['oil and gas', '力争原油产量突破200万吨，天然气产量达到30亿立方米。', ['石油天然气']],
  ['metals', '做强钒钛产业，延伸稀土永磁和电解锰链条。', ['钒钛', '稀土', '锰']],
  ['salt lakes and potash', '推动盐湖产业向下游延伸，钾肥产能稳定在500万吨，碳酸锂产能提高到5万吨。', ['盐湖', '钾', '锂']],
  ['chemicals by feedstock', '打造精细磷化工和现代煤化工产业基地，发展盐化工。', ['磷化工', '煤化工', '盐化工']],
  ['phosphate rock', '推进磷矿绿色开采，磷矿石就地转化率达到80%。', ['磷矿']],
  ['new-energy branches', '建设海上风电基地，推进核电项目前期工作，发展光热发电。', ['海上风电', '核电', '光热']],
  ['hydropower', '实施小水电增效扩容改造，建设水电站两座。', ['水电']],
  ['tropical crops', '扩大咖啡种植面积，发展牛油果、百香果产业，稳定糖料蔗种植。', ['咖啡', '牛油果', '百香果', '甘蔗']],
  ['sericulture and tea', '推广种桑养蚕，蚕桑产业综合产值突破十亿元；新建生态茶园2万亩。', ['蚕桑', '茶叶']],
  ['grain and oil crops', '大豆种植面积稳定在60万亩，发展鲜食玉米和酿酒高粱订单种植。', ['大豆', '玉米', '高粱']],
  ['fisheries', '发展牡蛎、海参养殖，建设国家级海洋牧场示范区。', ['牡蛎', '海参', '海洋牧场']],
  ['livestock', '做大肉牛产业，肉牛存栏增长一成；发展牦牛、山羊养殖。', ['肉牛', '牦牛', '肉羊']],
  ['dairy', '建设万头奶牛牧场，乳制品加工产值增长20%。', ['奶牛', '乳制品']],
  ['forestry', '发展林下经济，做强核桃、板栗等干果产业。', ['林下经济', '核桃', '板栗', '干果']],
  ['herbs', '建设道地中药材基地，发展天麻、三七种植。', ['中药材', '天麻', '三七']],
  ['a way of growing between the verb and the crop', '引导农户发展林下中药材，推广大棚草莓，种植高山茶叶。', ['中药材', '草莓', '茶叶']],
  ['an enumeration whose items carry their ways of growing', '因地制宜发展核桃、花椒种植和林下天麻，带动群众增收。', ['核桃', '花椒', '天麻']],
  ['food', '做强糖业，发展豆制品和预制菜加工。', ['糖业', '豆制品', '预制菜']],
  ['steel and ceramics', '打造不锈钢制品产业集群，推动陶瓷卫浴企业智能化改造。', ['不锈钢', '卫浴']],
  ['equipment', '发展船舶修造和轴承产业，壮大汽车零部件产业集群。', ['船舶', '轴承', '汽车零部件']],
  ['trade', '发展边境贸易，做大互市商品落地加工。', ['边境贸易']],
  ['e-commerce', '发展农村电商和直播电商，培育电商企业200家。', ['电子商务']],
  ['tourism', '发展冰雪旅游，建设精品民宿，开发研学旅行线路。', ['冰雪旅游', '民宿', '研学']],
  ['light industry', '壮大化纤纺织和柳编工艺品产业，发展艾草制品加工。', ['化纤', '柳编', '艾草']],
  ['ferroalloys and refractories', '推动铁合金、耐火材料产业绿色转型。', ['铁合金', '耐火材料']],
  ['ports', '发展临港产业和港口物流。', ['港口物流']],
  ['herd figures', '全县牛羊存栏分别达到8万头、40万只。', ['肉牛', '肉羊']],
  ['capacity and upgrading', '煤炭先进产能占比提高到85%，加快煤矿智能化改造，推动焦化转型升级。', ['煤炭', '焦化']],
  ['area and output', '全县茶园面积稳定在15万亩，茶叶综合产值突破40亿元。', ['茶叶']],
  ['fireworks, moulds and jewellery', '壮大烟花爆竹产业，发展精密模具制造和珠宝首饰加工。', ['烟花爆竹', '模具', '珠宝玉石']],
  ['selenium-rich and tropical farming', '打造富硒产业基地，扩大槟榔种植，发展小米、荞麦等杂粮产业。', ['富硒', '槟榔', '杂粮']],
  ['ores, which name their mining wherever they stand', '支持铅锌矿山整合重组，推动铁矿石就地转化。', ['铅锌采选', '铁矿']],
  ['tourism of a sector, which is both', '打造温泉旅游目的地，推动体育旅游和康养旅游融合发展。', ['温泉', '体育', '康养', '文化旅游']],
  ['coal used cleanly and coal made into gas', '推动煤炭清洁高效利用，建设煤制天然气示范项目。', ['煤炭', '煤化工']],
  ['greenhouses of a crop', '新建蔬菜大棚2000座，发展草莓温室种植。', ['蔬菜', '草莓']],
  ['wind, solar, hydrogen and storage in one word', '发展风光氢储一体化产业。', ['新能源']],
  ['terms jieba cuts across (玉/米制/种)', '稳定玉米制种面积，建设国家级制种基地。', ['玉米', '种业']],
  ['condiments and cured meat', '做强酱油、食醋等调味品产业，发展火腿加工。', ['调味品', '肉类加工']],
];

describe('industries the taxonomy lacks, named by a counted enumeration', () => {
  const all = (t: string) => processText(t).facts.industries.map((i) => i.name);
  it('reads an unknown item beside known ones before 三大特色产业 or 等主导产业', () => {
    expect(all('做强沙田柚、百香果、食用菌三大特色产业。')).toEqual(expect.arrayContaining(['沙田柚', '百香果', '食用菌']));
    expect(all('我县沙田柚、百香果两大产业发展迅速，围绕茶叶、黑毛猪等主导产业推进融合。')).toEqual(expect.arrayContaining(['沙田柚', '黑毛猪']));
  });
  it('reads no sector words, no list without a known item and no verb as such an item', () => {
    expect(all('做优工业、农业、服务业三大产业。')).toEqual([]);
    expect(all('推进甲乙、丙丁两大产业。')).toEqual([]);
    expect(all('建设沙田柚、百香果两大产业基地。')).not.toContain('建设沙田柚');
    expect(all('合理布局观光农业、文旅开发等实体产业。')).not.toContain('文旅开发');
  });
});

describe('industries of every kind of county', () => {
  for (const [kind, text, want] of classes) {
    it(`finds ${kind}: ${want.join('、')}`, () => {
      expect(names(text)).toEqual(expect.arrayContaining(want));
    });
  }

  it('reads 智能制造 and 深加工 after a product as that product’s, not as industries of their own', () => {
    expect(names('建设不锈钢智能制造产业园。')).toEqual(['不锈钢']);
    expect(names('支持企业开发抹茶、茶多酚等精深加工产品。')).not.toContain('农产品加工');
    expect(names('推进农产品精深加工。')).toContain('农产品加工');
  });

  it('never reports a grouping node of the hierarchy as found in text', () => {
    expect(names('大力发展种植业和养殖业。')).not.toContain('种植业');
  });

  it('does not take everyday words of the new classes for industries', () => {
    for (const text of ['春节期间城区严禁燃放烟花爆竹。', '群众冬季取暖用煤价格保持稳定。', '今年雨水偏多，庄稼长势良好。', '发放助学金三百万元。', '新建安置房建筑面积12万平方米。'])
      expect(names(text)).toEqual([]);
    // 中石油 and 昆钢 named in a list of companies are not the oil industry.
    expect(names('积极推动中石油、昆钢等大型企业绿色化改造。')).not.toContain('石油天然气');
  });
});

describe('the industry hierarchy', () => {
  const nodes = industryHierarchy();
  const byId = new Map(nodes.map((n) => [n.id, n]));

  it('names only existing entries as broader, and has no cycles', () => {
    for (const n of nodes) {
      if (n.broader) expect(byId.has(n.broader), `${n.id} → ${n.broader}`).toBe(true);
      const seen = new Set<string>();
      for (let up: string | null = n.id; up; up = byId.get(up)!.broader) {
        expect(seen.has(up), `cycle through ${up}`).toBe(false);
        seen.add(up);
      }
    }
  });

  it('lists each entry among its parent’s narrower, and nowhere else', () => {
    for (const n of nodes) {
      for (const c of n.narrower) expect(byId.get(c)!.broader).toBe(n.id);
      if (n.broader) expect(byId.get(n.broader)!.narrower).toContain(n.id);
    }
  });

  it('puts the new-energy branches under 新能源 and livestock under 畜牧', () => {
    expect(byId.get('新能源')!.narrower).toEqual(expect.arrayContaining(['光伏', '风电', '储能', '氢能', '核电', '生物质能']));
    expect(byId.get('畜牧')!.narrower).toEqual(expect.arrayContaining(['肉牛', '生猪', '肉羊', '奶牛']));
    expect(industrySubtree('新能源')).toEqual(expect.arrayContaining(['海上风电', '光伏制造']));
    expect(industrySubtree('新能源')).not.toContain('新能源汽车');
  });

  it('carries sector codes on every entry that has a division', () => {
    for (const n of nodes) if (n.division) expect(n.section, n.id).toMatch(/^[A-T]$/);
    expect(byId.get('光伏')).toMatchObject({ section: 'D', tier: 2, sei: '6' });
  });

  it('finds an entry by id or alias', () => {
    expect(industryByIdOrAlias('文旅')?.id).toBe('文化旅游');
    expect(industryByIdOrAlias('光伏')?.broader).toBe('新能源');
    expect(industryByIdOrAlias('不是行业')).toBeNull();
  });

  it('puts broader on the facts', () => {
    const f = found('大力发展光伏产业。').find((i) => i.name === '光伏')!;
    expect(f.broader).toBe('新能源');
  });
});

describe('industry counts', () => {
  it('counts every whole-word occurrence, beyond the five kept as evidence', () => {
    const text = Array.from({ length: 8 }, (_, i) => `第${i + 1}个镇新建辣椒种植基地。`).join('') + '辣椒价格稳定。';
    const f = found(text).find((i) => i.name === '辣椒')!;
    expect(f.evidence.length).toBe(5);
    expect(f.count).toBe(9);
  });

  it('counts the aliases with the entry, and not words that merely contain a term', () => {
    const f = found('发展光伏产业，建设光伏电站和分布式光伏，推进美化工程。').find((i) => i.name === '光伏')!;
    expect(f.count).toBe(3);
    expect(found('做强化工产业，实施绿化工程和美化工程。').find((i) => i.name === '化工')!.count).toBe(1);
  });
});

describe('taxonomy validation', () => {
  const entry = (e: object) => ({ context: 'industry', ...e });
  const fails = (entries: object[], msg: RegExp) => expect(() => parseTaxonomy({ entries })).toThrow(msg);

  it('names the file and the entry for each kind of defect', () => {
    fails([entry({ name: '甲', broader: '乙' })], /industries\.json: entry '甲' has broader '乙', which is not an entry/);
    fails([entry({ name: '甲', broader: '乙' }), entry({ name: '乙', broader: '甲' })], /is its own ancestor/);
    fails([entry({ name: '甲', aliases: ['丙'] }), entry({ name: '乙', aliases: ['丙'] })], /alias '丙', which already names '甲'/);
    fails([entry({ name: '甲', division: '99' })], /unknown GB\/T 4754 division 99/);
    fails([entry({ name: '甲', sei: '0' })], /does not match its schema/);
    fails([{ name: '甲' }], /does not match its schema: entries\.0\.context/);
    fails([entry({ name: '甲', aliases: ['丙 丁'] })], /does not match its schema/);
  });

  it('accepts the project’s own taxonomy', () => {
    expect(industryHierarchy().length).toBeGreaterThan(300);
  });
});
