/**
 * Industries the seeds never mention, in report-style sentences: the taxonomy must carry general
 * sector terms (GB/T 4754 divisions), not only the seeds' own.
 */
import { describe, it, expect } from 'vitest';
import { processText } from '../../ingest/index.ts';

const names = (text: string) => processText(text).facts.industries.filter((i) => !i.id.startsWith('candidate:')).map((i) => i.name);

const cases: Array<[string, string[]]> = [
  ['全县新建标准化茶园3万亩，茶叶综合产值突破50亿元，成功创建全国茶叶强县。', ['茶叶']],
  ['做强白酒产业，支持酒企技改扩能，打造酱香型白酒产区。', ['酿酒']],
  ['推动日用陶瓷、建筑陶瓷向艺术陶瓷延伸，陶瓷产业集群产值增长12%。', ['陶瓷']],
  ['家具产业加快转型，定制家居、智能家具企业达到120家。', ['家具']],
  ['纺织服装产业提档升级，新增织机5000台，服装加工企业实现满负荷生产。', ['纺织', '服装']],
  ['大力发展跨境电商，建成跨境电商产业园，全年跨境电商交易额突破20亿元。', ['电子商务']],
  ['积极引进半导体、集成电路企业，打造功率半导体产业基地。', ['半导体']],
  ['依托锂矿资源，做大锂电新能源产业，建设碳酸锂、正极材料项目。', ['新能源电池']],
  ['完善冷链物流体系，新建冷库5万吨，发展农产品冷链物流。', ['冷链物流']],
  ['推进中医药产业发展，建设道地中药材种植基地10万亩。', ['中药材']],
  ['培育壮大竹木加工、林下经济和森林康养产业。', ['竹业', '林下经济', '康养']],
  ['积极发展预制菜产业，建成中央厨房产业园。', ['预制菜']],
  ['打造千亿级不锈钢产业集群，延伸铜箔、铝型材精深加工链条。', ['不锈钢', '铜', '铝']],
  ['做大做强汽车零部件产业，引进新能源汽车整车项目。', ['汽车零部件', '新能源汽车']],
  ['发展低空经济和通用航空产业，建设无人机产业园。', ['低空经济', '航空航天']],
  ['壮大特色水产养殖，发展小龙虾、稻渔综合种养。', ['水产']],
];

describe('industries not in the seeds', () => {
  for (const [text, want] of cases) {
    it(`finds ${want.join('、')}`, () => {
      expect(names(text)).toEqual(expect.arrayContaining(want));
    });
  }

  it('does not take everyday uses of the new terms for industries', () => {
    for (const text of [
      '群众喝上了放心茶，住上了新家居。',
      '学校食堂全部建成中央厨房。',
      '完成卫生厕所改造，新建公共卫浴设施。',
      '全市产业结构持续优化，政府产业引导基金规模达到10亿元。',
    ]) expect(processText(text).facts.industries.map((i) => i.name)).toEqual([]);
  });

  it('carries sector codes for the new entries', () => {
    const f = processText('家具产业加快转型。').facts.industries.find((i) => i.name === '家具')!;
    expect(f).toMatchObject({ division: '21', section: 'C', tier: 2 });
  });
});
