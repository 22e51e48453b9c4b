/**
 * A taxonomy term is an industry only as a whole word (jieba's tokens), never inside another word.
 * Sentences written for these tests.
 */
import { describe, it, expect } from 'vitest';
import { processText } from '../../ingest/index.ts';

const names = (text: string) =>
  processText(text)
    .facts.industries.filter((i) => !i.id.startsWith('candidate:'))
    .map((i) => i.name)
    .sort();

describe('industries at word boundaries', () => {
  it('does not read 化工 inside 绿化工程, 美化工程 or a street name', () => {
    expect(names('全面完成三北防护林等五大绿化工程，荒山造林八万亩。')).toEqual([]);
    expect(names('扎实开展净化、绿化、亮化、美化工程，村庄面貌焕然一新。')).toEqual([]);
    expect(names('完成化工路、纺织路两条市政道路改造。')).toEqual([]);
  });

  it('does not read 新能源 into a scenic belt or a landscape', () => {
    expect(names('沿河打造十公里滨水风光带，建成三处口袋公园。')).toEqual([]);
    expect(names('这里山川秀美、风光旖旎，是避暑休闲的好去处。')).toEqual([]);
  });

  it('does not read 康养 across 健康/养老 or 化工 across 优化/工作', () => {
    expect(names('推进健康养老服务体系建设，建成日间照料中心五处。')).not.toContain('康养');
    expect(names('持续优化工作流程，压减审批时限。')).toEqual([]);
  });

  it('still finds the terms as words, before a nominal head, and inside a token made of terms', () => {
    expect(names('依托盐湖资源，做强精细化工和化工新材料产业。')).toContain('化工');
    expect(names('新建两座风电场和一座光伏电站。')).toEqual(['光伏', '风电']);
    expect(names('打造百亿级不锈钢管材产业集群。')).toContain('不锈钢');
    expect(names('推动化工企业搬迁入园。')).toEqual(['化工']);
    expect(names('大力发展风力、光伏发电，建设储能电站。')).toEqual(expect.arrayContaining(['风电', '光伏', '储能']));
    // Side by side without a link: kin in the hierarchy make one enumeration.
    expect(names('因地制宜推进风力光伏发电。')).toEqual(['光伏', '风电']);
  });

  it('does not read a sector inside a well-known company name', () => {
    expect(names('中国石化、中国石油加油站完成升级改造。')).toEqual([]);
    expect(names('依托资源优势，做强石化产业。')).toEqual(['石化']);
  });

  it('does not join two long terms that merely stand side by side', () => {
    // 地热/资源综合利用: jieba may split so; 资源综合利用 is not an industry here.
    expect(names('地热资源综合利用取得突破。')).not.toContain('再生资源');
  });

  it('records the rule that found each industry', () => {
    const f = processText('大力发展光伏产业。').facts.industries.find((i) => i.name === '光伏')!;
    expect(f.evidence[0]!.rule).toBe('industries.term:光伏');
    const c = processText('培育壮大咖喱产业。').facts.industries.find((i) => i.id.startsWith('candidate:'));
    if (c) expect(c.evidence[0]!.rule).toBe('industries.candidate');
  });
});
