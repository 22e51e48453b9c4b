import { describe, expect, it } from 'vitest';
import { agencies } from './agencies.ts';
import { docOf } from './doc.fixtures.ts';

const facts = (s: string) => agencies.run(docOf([s])).facts.agencies;

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

  it('finds the body, not the verb before it', () => {
    expect(facts('提升县政务服务中心效能，被国务院扶贫办确定为交流基地。').map((x) => x.name)).toEqual([
      '县政务服务中心',
      '国务院扶贫办',
    ]);
  });

  it('leaves out leading bodies and noise', () => {
    expect(facts('县委、县政府带领村两委和党组，县人民医院扩建，工作部署到位。')).toEqual([]);
  });
});
