import { describe, expect, it } from 'vitest';
import { enterprises, EnterpriseLexicon } from './enterprises.ts';
import { docOf } from './doc.fixtures.ts';
import { lexicon } from './lexicon.ts';
import type { Document } from '../model.ts';

const facts = (s: string) => enterprises.run(docOf([s])).facts.enterprises;
const names = (s: string) => facts(s).map((e) => e.name);

/** A document whose projects are given (the projects stage runs before this one). */
function withProjects(text: string, projects: string[], county: string | null = null): Document {
  const doc = docOf([text]);
  const ev = { sentence: 0, start: 0, end: 1, snippet: text.slice(0, 10) };
  doc.facts.projects = projects.map((name) => ({ name, evidence: [ev] })) as Document['facts']['projects'];
  if (county) doc.facts.county = { name: county, code: null, source: 'text', confidence: 1, evidence: [] };
  return doc;
}
const heads = (text: string, projects: string[], county: string | null = null) =>
  enterprises.run(withProjects(text, projects, county)).facts.enterprises.map((e) => [e.name, e.evidence[0]!.rule]);

describe('enterprises', () => {
  it('reads company suffixes and 等…企业 lists', () => {
    expect(names('深化与晋能控股集团合作，扶持山东黄金、四川鑫顺等龙头企业。')).toEqual(
      expect.arrayContaining(['晋能控股集团', '山东黄金', '四川鑫顺']),
    );
  });

  it('keeps at least two characters before a company suffix, and cuts a verb\'s complement 好 off', () => {
    expect(names('与中国建材集团签订战略合作协议。')).not.toContain('材集团');
    expect(names('与中国建材集团签订战略合作协议。')).toContain('中国建材集团');
    expect(names('新建华龙公司二期项目。')).toContain('华龙公司');
    expect(names('实施集团化办学，推进国有企业公司化改革。')).toEqual([]);
    expect(names('全力服务好宏达化工、兴发集团等重点企业。')).toEqual(expect.arrayContaining(['宏达化工', '兴发集团']));
    expect(names('全力服务好宏达化工、兴发集团等重点企业。')).not.toContain('好宏达化工');
  });

  it('reads a name after 支援 as after 支持', () => {
    expect(names('支援云峰控股集团扩大产能，支援禾丰、绿洲等企业上市。')).toEqual(expect.arrayContaining(['云峰控股集团', '禾丰', '绿洲']));
    expect(names('支援云峰控股集团扩大产能，支援禾丰、绿洲等企业上市。').filter((n) => n.includes('支援'))).toEqual([]);
  });

  it('reads trade-word names in a list and drops generic ones', () => {
    expect(names('积极推进美兰生物、海乐电子等上市后备企业，培育龙头企业。')).toEqual(['美兰生物', '海乐电子']);
  });

  it('reads a short name ending in a manufacturing term only in a company context', () => {
    expect(facts('推动星耀不锈钢在创业板上市。').map((e) => [e.name, e.evidence[0]!.rule])).toEqual([['星耀不锈钢', 'enterprises.traded']]);
    expect(names('重点突破新能源电池、新材料产业，推广新能源汽车。')).toEqual([]);
  });

  it('reads a power-term name only in the narrowest company context, and cuts 龙头企业 off', () => {
    expect(names('支持晴川光伏在科创板上市，龙头企业云岭实业二期投产。')).toEqual(['晴川光伏', '云岭实业']);
    expect(names('推动东湾海上风电二期项目完成前期工作。')).toEqual([]);
  });

  it('drops names made only of industry words', () => {
    expect(names('打造精细磷化工和新材料产业集群，支持辣椒农业发展。')).toEqual([]);
  });

  it('reads the company at the head of a project, cutting the county name off', () => {
    expect(heads('', ['瑞丰智能装备产业化项目', '宏远年产10万吨铝材项目', '银鹭青山工厂技改项目'], '青山县')).toEqual([
      ['瑞丰', 'enterprises.project-head'],
      ['宏远', 'enterprises.project-head'],
      ['银鹭', 'enterprises.project-head'],
    ]);
  });

  it('keeps the words of a registered name before its suffix (发展, 建设投资) that are verbs elsewhere', () => {
    expect(names('远帆农牧发展有限公司蛋鸡养殖项目建成投产。')).toEqual(['远帆农牧发展有限公司']);
    expect(names('青山城市建设投资发展集团完成融资，引进宏远实业发展有限公司。')).toEqual(['青山城市建设投资发展集团', '宏远实业发展有限公司']);
    // After a clause's subject or verb they are the clause's: no company there.
    expect(names('我县建设公司总部大楼，推动国有企业集团化发展。')).toEqual([]);
  });

  it('reads no company where a clause\'s verb stands in the brand of a trade-word name', () => {
    expect(names('做大做强特色食品、新型建材、装备制造三大产业集群。')).toEqual([]);
    expect(names('围绕乳业、数字经济、新能源三大产业，聚焦茶业、林业发展。')).toEqual([]);
  });

  it('keeps a product with 业 after a project\'s head as part of the company\'s name', () => {
    expect(heads('', ['金川锰业电解金属锰技改项目', '宏远铜业年产5万吨铜杆项目'], '青山县')).toEqual([
      ['金川锰业', 'enterprises.project-head'],
      ['宏远铜业', 'enterprises.project-head'],
    ]);
    // A place at the head stays a place, 业 or not.
    expect(heads('柳湾镇锰矿。', ['柳湾锰业电解金属锰项目'], '青山县')).toEqual([]);
  });

  it('does not read a place, a park or an industry at the head of a project as a company', () => {
    const text = '柳湾镇农产品加工，马家坪光伏电站。';
    expect(heads(text, ['柳湾食品加工项目', '柳湾食品产业园', '马家坪光伏电站', '辣椒精深加工项目', '林区国土绿化工程', '青山咖啡精深加工项目'], '青山县')).toEqual([]);
  });

  it('merges a name written with a prefix of place or parent', () => {
    const e = facts('青湖钾肥、盐湖比亚迪等企业壮大，比亚迪在此落户。');
    expect(e.map((x) => x.name)).toEqual(['青湖钾肥', '盐湖比亚迪']);
    expect(e[1]!.aliases).toContain('比亚迪');
  });

  it('reads the counterpart of a signing, not a generic or place one', () => {
    expect(facts('县政府与宏润签约，同云帆签订投资协议。').map((e) => [e.name, e.evidence[0]!.rule])).toEqual([
      ['宏润', 'enterprises.deal'],
      ['云帆', 'enterprises.deal'],
    ]);
    expect(names('与多家高校签约，与周边县区开展战略合作。')).toEqual([]);
  });

  const ruled = (s: string) => facts(s).map((e) => [e.name, e.evidence[0]!.rule]);

  it('reads a brand with a product or material and 业 in a company context', () => {
    expect(ruled('支持白鹭锰业、华溪纸业扩大产能，推动云岗钢业上市。')).toEqual([
      ['白鹭锰业', 'enterprises.product-trade'],
      ['华溪纸业', 'enterprises.product-trade'],
      ['云岗钢业', 'enterprises.product-trade'],
    ]);
    // A sector, a clause or a generic word before X业 is no brand.
    expect(names('大力发展茶业、锰业，全县铝业、纸业扩大规模，壮大林业、渔业。')).toEqual([]);
    expect(names('铝业发展势头良好，钢业转型升级。')).toEqual([]);
    expect(names('推动青山乡锰业、纸业扩大产能。')).toEqual([]);
  });

  it('reads the short names a company verb and a company predicate govern', () => {
    expect(ruled('支持宏达、远航、星海做大做强。')).toEqual([
      ['宏达', 'enterprises.list'],
      ['远航', 'enterprises.list'],
      ['星海', 'enterprises.list'],
    ]);
    expect(names('扶持瑞丰、启明等骨干企业增资扩产。')).toEqual(expect.arrayContaining(['瑞丰', '启明']));
    // Places, industries and generic words in the same frame are no companies.
    expect(names('支持城区、园区做大做强。')).toEqual([]);
    expect(names('支持茶叶、蔬菜做大做强，推动民营经济、实体经济发展壮大。')).toEqual([]);
    expect(names('支持遵义、六盘水做大做强，培育茶叶、蔬菜等龙头企业。')).toEqual([]);
    expect(names('支持广西远帆陶瓷有限公司、青山德信木业扩产增效，青山农商银行新增贷款。')).toEqual(
      expect.arrayContaining(['广西远帆陶瓷有限公司', '青山德信木业', '青山农商银行']),
    );
    // A governed list may mix short names with trade-word or suffixed names (八马茶业, 宁夏红枸杞集团).
    expect(names('支持远帆茶业、云岭苑做大做强。')).toEqual(expect.arrayContaining(['远帆茶业', '云岭苑']));
    expect(names('支持早康枸杞、宏远枸杞集团扩大精深加工。')).toEqual(expect.arrayContaining(['早康枸杞', '宏远枸杞集团']));
    expect(names('支持种植大户、家庭农场扩大规模，推动龙头企业、合作社做大做强，支持农业、工业做大做强。')).toEqual([]);
    // A predicate any subject takes (建设, 投资) reads a list only with a company's name in it.
    expect(names('支持远帆集团、东方希望建设年产10万吨高纯晶硅项目。')).toEqual(expect.arrayContaining(['远帆集团', '东方希望']));
    expect(names('支持城区、园区建设，支持宏达、远帆建设新厂。')).toEqual([]);
    // Without a company predicate a list is not read.
    expect(names('支持宏达、远航参加展会。')).toEqual([]);
  });

  it('reads a product-named company only before a company predicate, never a regional brand', () => {
    expect(ruled('支持早春枸杞扩大精深加工。')).toEqual([['早春枸杞', 'enterprises.product-name']]);
    expect(ruled('推动云朵核桃在新三板挂牌。')).toEqual([['云朵核桃', 'enterprises.product-name']]);
    expect(names('支持宁夏枸杞扩大精深加工，打造早春枸杞品牌，推进核桃精深加工。')).toEqual([]);
    expect(names('支持枸杞、核桃扩大精深加工。')).toEqual([]);
  });

  it('reads a province-prefixed company as the subject of a company verb', () => {
    expect(ruled('支持新疆恒泰在古城镇建设年产5万吨项目，引进江苏远帆落户园区。')).toEqual([
      ['新疆恒泰', 'enterprises.regional-subject'],
      ['江苏远帆', 'enterprises.regional-subject'],
    ]);
    expect(names('支持新疆棉花在全国打响品牌，支持浙江客商在我县投资，推动广东企业在县落户。')).toEqual([]);
  });

  it('has a lexicon that matches its schema', () => {
    expect(() => lexicon('enterprises', EnterpriseLexicon)).not.toThrow();
    expect(EnterpriseLexicon.safeParse({ trades: ['科技'] }).success).toBe(false);
  });
});
