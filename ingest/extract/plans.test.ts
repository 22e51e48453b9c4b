import { describe, expect, it } from 'vitest';
import { plans, PlanLexicon } from './plans.ts';
import { docOf } from './doc.fixtures.ts';
import { lexicon } from './lexicon.ts';

const facts = (s: string) => plans.run(docOf([s])).facts.plans;
const names = (s: string) => facts(s).map((p) => p.name);
const rules = (s: string) => facts(s).map((p) => [p.name, p.evidence[0]!.rule]);

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

  it('splits a quoted list of N字 strategies into one plan per item, for any unit', () => {
    expect(rules('全面落实“农业稳旗、工业强旗”战略。')).toEqual([
      ['农业稳旗', 'plans.slogan'],
      ['工业强旗', 'plans.slogan'],
    ]);
    expect(rules('全面落实“农业提质、工业强旗”战略。')).toEqual([['“农业提质、工业强旗”战略', 'plans.slogan-list']]);
    expect(names('深入实施“生态立市、科技强市、旅游兴市、开放活市”战略。')).toEqual(['生态立市', '科技强市', '旅游兴市', '开放活市']);
    expect(rules('坚定走“以果兴县”之路。')).toEqual([['“以果兴县”', 'plans.slogan']]);
  });

  it('reads an unquoted N字 strategy where a word may end', () => {
    expect(rules('坚持人才强区，实施质量兴县战略，建设交通强州。')).toEqual([
      ['人才强区', 'plans.slogan'],
      ['质量兴县战略', 'plans.unquoted'],
      ['交通强州', 'plans.slogan'],
    ]);
    expect(names('坚持工业强市不动摇，坚定生态立区方向，走好文旅兴州路径。')).toEqual(['工业强市', '生态立区', '文旅兴州']);
  });

  it('does not read rankings, places or prose as N字 strategies', () => {
    expect(names('连续三年入选全国百强县，延安市富县的苹果，推动兴县经济，以古传文、以文兴县，峨山彝族自治县。')).toEqual([]);
  });

  it('keeps a quoted list of short slogans after a strategy verb whole, not after other verbs', () => {
    expect(rules('坚持“稳粮、优经、扩饲”。')).toEqual([['“稳粮、优经、扩饲”', 'plans.slogan-list']]);
    expect(names('建立“日调度、周通报”机制。')).toEqual([]);
  });

  it('reads half-width quotes as full-width pairs', () => {
    expect(names('围绕"一村一品"布局，坚持"农业当家"。')).toEqual(['“一村一品”', '“农业当家”']);
  });

  it('reads numbered slogans but not measures, holidays or levels', () => {
    expect(names('打造“三区一带”，推进“一网通办”。')).toEqual(['“三区一带”', '“一网通办”']);
    expect(names('“十一”假期，“六号井”复产，建成“千亿级”集群。')).toEqual([]);
  });

  it('reads province pairings and regional strategies after a joining verb', () => {
    expect(rules('深化沪滇协作，主动融入长株潭都市圈。')).toEqual([
      ['沪滇协作', 'plans.pairing'],
      ['长株潭都市圈', 'plans.unquoted'],
    ]);
    expect(names('成为周边都市圈的后花园。')).toEqual([]);
  });

  it('keeps a plan inside a body name or an honour out, and generic plans and formulas out', () => {
    expect(names('县乡村振兴局牵头，审议年度计划，入选国家乡村振兴示范县，坚持“两个毫不动摇”。')).toEqual([]);
  });

  it('strips a national prefix from an unquoted plan', () => {
    expect(names('落实国家油菜振兴计划。')).toEqual(['油菜振兴计划']);
  });

  it('has a lexicon that matches its schema', () => {
    expect(() => lexicon('plans', PlanLexicon)).not.toThrow();
    expect(PlanLexicon.safeParse({ suffixes: [] }).success).toBe(false);
  });
});
