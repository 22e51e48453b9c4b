/**
 * Industries named in lists that end in a sector word other than 产业 (等果业, 等养殖业, 等特色农业,
 * 两大主导产业), products the taxonomy once lacked, and compound sector names. Sentences written for
 * these tests; none is copied from a seed or devset document.
 */
import { describe, it, expect } from 'vitest';
import { processText } from '../../ingest/index.ts';

const names = (text: string) =>
  processText(text)
    .facts.industries.filter((i) => !i.id.startsWith('candidate:'))
    .map((i) => i.name);

const has = (text: string, expected: string[]) => {
  const got = names(text);
  for (const e of expected) expect(got, `${text} → ${got.join(',')}`).toContain(e);
};
const lacks = (text: string, unwanted: string[]) => {
  const got = names(text);
  for (const u of unwanted) expect(got, `${text} → ${got.join(',')}`).not.toContain(u);
};

describe('enumerations closed by a sector word', () => {
  const cases: Array<[string, string, string[]]> = [
    ['果业', '引导苹果、梨、桃等果业提档升级。', ['苹果', '梨', '桃', '水果']],
    ['养殖业', '壮大肉牛、生猪、家禽等养殖业。', ['肉牛', '生猪', '家禽', '畜牧']],
    ['种植业', '稳定马铃薯、玉米、大豆等种植业。', ['马铃薯', '玉米', '大豆']],
    ['特色农业', '做精茶叶、食用菌、中药材等特色农业。', ['茶叶', '食用菌', '中药材']],
    ['加工业', '提升石材、陶瓷、玻璃等加工业水平。', ['石材', '陶瓷', '玻璃']],
    ['林果业', '扩大柑橘、核桃、油茶等林果业规模。', ['柑橘', '核桃', '油茶', '水果']],
    ['林业', '引导群众发展花椒、核桃等林业。', ['花椒', '核桃', '林业']],
    ['渔业', '鼓励罗非鱼、对虾等渔业健康养殖。', ['罗非鱼', '对虾', '水产']],
    ['牧业 after a token of terms', '支持农户发展牛羊等牧业。', ['肉牛', '肉羊']],
    ['两大主导产业', '巩固食品和纺织两大主导产业。', ['食品', '纺织']],
    ['三大产业集群', '做大鞋服、箱包、智能家居三大产业集群。', ['服装', '制鞋', '家具']],
    ['海产品', '扩大牡蛎、扇贝等海产品出口。', ['牡蛎', '海洋渔业']],
    ['木本油料产业', '做大核桃、油茶等木本油料产业。', ['核桃', '油茶', '木本油料']],
  ];
  for (const [label, text, expected] of cases) it(`reads the items before ${label}`, () => has(text, expected));

  it('reads a list closed by the kind its items belong to (A、B等C)', () => {
    has('推动核桃、花椒、油茶等木本油料提质增效。', ['核桃', '花椒', '油茶', '木本油料']);
  });
  it('but not a company whose name glues a product to a trade word (X椒食品等)', () => {
    lacks('引进麻椒食品等花椒加工企业。', ['食品']);
  });

  it('keeps reading an enumeration across a PDF line break after 、', () => {
    has('做优高山茶叶、\n食用菌、干果等特色农业。', ['茶叶', '食用菌', '干果']);
  });

  it('takes no figure of speech or non-industry list for an industry', () => {
    expect(names('推动农业、工业、服务业协调发展。')).toEqual([]);
    expect(names('组织张三、李四等同志参加培训。')).toEqual([]);
    expect(names('做好就业、创业等工作。')).toEqual([]);
    expect(names('加强商业、企业等领域安全监管。')).toEqual([]);
  });

  it('does not take 产品 after a single term for an industry ending', () => {
    lacks('推出一批金融产品。', ['金融服务']);
  });
});

describe('lists introduced by what they list', () => {
  it('reads the items after 主导产业为 / 特色产业：', () => {
    has('全县主导产业为肉牛、蔬菜和马铃薯。', ['肉牛', '蔬菜', '马铃薯']);
    has('重点发展三大特色产业：茶叶、生猪、水果。', ['茶叶', '生猪', '水果']);
  });
  it('not a list that merely follows 产业 in another role', () => {
    expect(names('产业是基础，就业是根本。')).toEqual([]);
    lacks('产业发展带动了牛、羊价格上涨。', ['肉牛', '肉羊']);
  });
});

describe('sector words that stand alone', () => {
  it('reads 果业, 林业, 渔业 as industries', () => {
    has('做优精品果业。', ['水果']);
    has('林业产值突破二十亿元。', ['林业']);
    has('推进渔业绿色发展。', ['水产']);
  });
  it('not when they head an agency or a company', () => {
    lacks('县林业局加强森林防火。', ['林业']);
    lacks('县林业和草原局做好防火工作。', ['林业']);
    lacks('县渔业执法大队开展专项行动。', ['水产']);
  });
});

describe('products behind a one-character modifier', () => {
  it('reads the product jieba glued a colour or kind onto', () => {
    has('做强红高粱、黑木耳特色产业。', ['高粱', '食用菌']);
  });
  it('leaves words that only start with such a character', () => {
    expect(names('黄河流域生态保护取得成效。')).toEqual([]);
    expect(names('白云深处有人家。')).toEqual([]);
  });
});

describe('products of county economies', () => {
  const cases: Array<[string, string, string[]]> = [
    ['tropical fruit', '做强百香果、火龙果、木瓜等热带水果产业。', ['百香果', '火龙果', '木瓜', '热带水果']],
    ['temperate fruit', '扩大山楂、枇杷、西梅种植面积。', ['山楂', '枇杷', '西梅']],
    ['citrus', '建成蜜柚、沃柑标准化种植基地。', ['柑橘']],
    ['nuts and oils', '发展松子、油桐、山苍子等林业产业。', ['松子', '油桐', '山苍子']],
    ['spices', '扩大胡椒、草果种植，建设砂仁基地。', ['胡椒', '草果', '砂仁']],
    ['vegetables', '发展芦笋种植，建设韭菜、西兰花基地。', ['芦笋', '蔬菜']],
    ['aquaculture', '发展牛蛙、龟鳖、石斑鱼养殖。', ['特色水产']],
    ['fish', '推广鲍鱼、鲈鱼养殖。', ['鲍鱼', '特色水产']],
    ['special livestock', '发展竹鼠、水貂等特种养殖。', ['特种养殖']],
    ['crafts', '做强刺绣、蜡染、银饰等民族工艺品产业。', ['工艺美术']],
    ['X工艺产业', '壮大藤铁工艺产业。', ['工艺美术']],
    ['light industry', '壮大制伞、打火机、灯饰产业。', ['制伞', '打火机', '电气机械']],
    ['minerals', '推进碳酸钙、芒硝产业精深加工。', ['非金属矿']],
    ['basalt fibre', '发展玄武岩纤维产业。', ['玄武岩纤维']],
  ];
  for (const [label, text, expected] of cases) it(`finds ${label}: ${expected.join('、')}`, () => has(text, expected));

  it('needs an industry context for product words that are everyday nouns', () => {
    lacks('食堂采购白菜和胡萝卜。', ['蔬菜']);
    lacks('春节期间发放雨伞和钟表等慰问品。', ['制伞', '仪器仪表']);
    lacks('改进生产工艺，降低能耗。', ['工艺美术']);
  });
});

describe('compound sector names', () => {
  it('gives the parts of a compound whose parts are industries', () => {
    has('推动纺织鞋服产业集群发展。', ['纺织', '服装']);
    has('推进纺织与服装产业融合。', ['纺织', '服装']);
    has('推动家具、家居和箱包产业发展。', ['家具', '制鞋']);
  });
  it('gives both parts of two glued sector names before 产业', () => {
    has('壮大建材家居产业。', ['建材', '家具']);
    has('发展五金机电产业。', ['金属制品', '装备制造']);
    has('打造机械电子产业基地。', ['装备制造', '电子信息']);
  });
  it('keeps no candidate for a token made wholly of known terms', () => {
    const ids = processText('打造纺织服装鞋帽产业园。').facts.industries.map((i) => i.id);
    expect(ids.filter((i) => i.startsWith('candidate:'))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['纺织', '服装', '制鞋']));
  });
  it('reads X工艺 crafts as 工艺美术 only in an industry context', () => {
    has('培育竹木工艺产业。', ['工艺美术']);
    lacks('推广节水灌溉工艺。', ['工艺美术']);
  });
  it('needs context for 机械 and 电器 alone', () => {
    lacks('购置机械设备，维修电器。', ['装备制造', '电气机械']);
  });
  it('reads 光电信息 as electronics, not the digital economy', () => {
    const got = names('发展光电信息产业。');
    expect(got).toContain('电子信息');
    expect(got).not.toContain('数字经济');
  });
});
