import { describe, it, expect } from 'vitest';
import { normaliseText, findMasks, inMask } from '../../ingest/normalise.ts';

describe('normaliseText', () => {
  it('folds full-width digits, letters and symbols, keeping the length', () => {
    const raw = '增长８．５％，ＧＤＰ达到１２０亿元；５Ｇ基站＋１';
    const out = normaliseText(raw);
    expect(out).toBe('增长8.5%，GDP达到120亿元；5G基站+1');
    expect(out.length).toBe(raw.length);
  });

  it('keeps Chinese punctuation that splits sentences and opens headings', () => {
    expect(normaliseText('（一）发展产业，壮大集体；目标：增收！好？')).toBe('（一）发展产业，壮大集体；目标：增收！好？');
    expect(normaliseText('。、“”《》')).toBe('。、“”《》');
  });

  it('turns ideographic spaces and CRs into same-length whitespace', () => {
    const raw = '书记\u3000王某\r\n第二行\r第三行';
    const out = normaliseText(raw);
    expect(out).toBe('书记 王某 \n第二行\n第三行');
    expect(out.length).toBe(raw.length);
  });

  it('applies NFKC only where it yields one character', () => {
    expect(normaliseText('①号')).toBe('1号');
    expect(normaliseText('5㎡')).toBe('5㎡'); // NFKC would make it 5m2 and shift offsets
  });
});

describe('findMasks', () => {
  it('finds the redaction marks reports use', () => {
    const text = 'xx县完成投资XXX亿元，增长x.x%，到XXXX年，X县，××乡';
    const spans = findMasks(text).map((m) => text.slice(m.start, m.end));
    expect(spans).toEqual(['xx', 'XXX', 'x.x', 'XXXX', 'X', '××']);
  });

  it('does not take x inside ASCII words for a mask', () => {
    expect(findMasks('Xbox与TEXT、max')).toEqual([]);
  });

  it('answers overlap queries', () => {
    const masks = findMasks('增长x.x%，xx亿元');
    expect(inMask(masks, 2, 3)).toBe(true);
    expect(inMask(masks, 0, 2)).toBe(false);
    expect(inMask(masks, 8, 10)).toBe(true);
  });
});
