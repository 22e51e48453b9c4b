import { describe, expect, it } from 'vitest';
import { enterprises } from './enterprises.ts';
import { docOf } from './doc.fixtures.ts';

const names = (s: string) => enterprises.run(docOf([s])).facts.enterprises.map((e) => e.name);

describe('enterprises', () => {
  it('reads company suffixes and 等…企业 lists', () => {
    expect(names('深化与晋能控股集团合作，扶持山东黄金、四川鑫顺等龙头企业。')).toEqual(
      expect.arrayContaining(['晋能控股集团', '山东黄金', '四川鑫顺']),
    );
  });

  it('reads trade-word names in a list and drops generic ones', () => {
    expect(names('积极推进美兰生物、海乐电子等上市后备企业，培育龙头企业。')).toEqual(['美兰生物', '海乐电子']);
  });
});
