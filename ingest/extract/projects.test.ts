import { describe, expect, it } from 'vitest';
import { projects, projectSpans } from './projects.ts';
import { docOf } from './doc.fixtures.ts';

const names = (t: string) => projectSpans(t).map((s) => s.name);

describe('projects', () => {
  it('splits coordinated names that share a tail', () => {
    expect(names('扎实推进国华、盛风风力光伏项目')).toEqual(expect.arrayContaining(['盛风风力光伏项目', '国华风力光伏项目']));
  });

  it('gives one project per item of an 等-list', () => {
    expect(names('推进晚霞湖、云华山及仇池山、八峰崖等景区开发建设')).toEqual([
      '晚霞湖景区', '云华山景区', '仇池山景区', '八峰崖景区',
    ]);
  });

  it('starts a name after the verb or particle before it', () => {
    expect(names('推进大伟嘉二期5千头种猪场项目')).toEqual(['大伟嘉二期5千头种猪场项目']);
    expect(names('推动总投资30亿元的金刚石产业园建成投产')).toEqual(['金刚石产业园']);
    expect(names('全力配合和昌高速等重大交通工程')).toEqual(['和昌高速']);
  });

  it('drops generic phrases', () => {
    expect(names('加快重点项目建设，实施文化惠民工程，推进厕所革命')).toEqual([]);
    expect(names('全年招引亿元以上项目20个以上')).toEqual([]);
  });

  it('reads investment in 亿元, capacity and status', () => {
    const doc = projects.run(docOf(['实施总投资5000万元的源网荷3万千瓦储能项目。']));
    const p = doc.facts.projects[0]!;
    expect(p.name).toBe('源网荷3万千瓦储能项目');
    expect(p.investment).toBeCloseTo(0.5);
    expect(p.capacity).toEqual({ value: 3, unit: '万千瓦' });
    expect(p.evidence[0]!.sentence).toBe(0);
    expect(doc.text.slice(p.evidence[0]!.start, p.evidence[0]!.end)).toBe('源网荷3万千瓦储能项目');
  });

  it('tells completed from planned', () => {
    const done = projects.run(docOf(['凯迪生物质热电联产项目建成投产。'], 'review'));
    expect(done.facts.projects[0]!.status).toBe('in_operation');
    const plan = projects.run(docOf(['谋划建设胸科医院。']));
    expect(plan.facts.projects[0]!.status).toBe('planned');
  });
});
