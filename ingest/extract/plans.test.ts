import { describe, expect, it } from 'vitest';
import { plans } from './plans.ts';
import { docOf } from './doc.fixtures.ts';

const names = (s: string) => plans.run(docOf([s])).facts.plans.map((p) => p.name);

describe('plans', () => {
  it('reads quoted slogans with a plan word', () => {
    expect(names('坚持“工业立市”战略，实施“工业立市”五年行动。')).toEqual(['“工业立市”战略', '“工业立市”五年行动']);
  });

  it('reads 《…》 titles, unquoted strategies and counted sets', () => {
    expect(names('对接《xx山革命老区振兴发展规划》，深入实施乡村振兴战略。')).toEqual([
      'xx山革命老区振兴发展规划',
      '乡村振兴战略',
    ]);
    expect(names('深入推进“生态优先”“工业立市”四大战略。')).toEqual(['“生态优先”', '“工业立市”', '四大战略']);
  });

  it('merges 十四五 into “十四五”规划 and skips metaphors', () => {
    expect(names('实施“十四五”规划，打通“最后一公里”，十四五时期。')).toEqual(['“十四五”规划']);
  });
});
