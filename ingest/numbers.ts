/**
 * Numbers as Chinese reports write them: Arabic (`1.5`, `1,200`), Chinese numerals
 * (`一百三十`, `两`, `二〇二二`), mixed (`5千`), and masked (`xx`, `x.x`).
 *
 * Convention for quantities: 十/百/千 inside a numeral multiply (`5千头` → 5000 头), while 万, 亿
 * and 万亿 stay in the unit as the reports use them (`一百三十万千瓦` → 130 万千瓦, `1.5亿元` →
 * 1.5 亿元), so values compare with what the text says.
 */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/**
 * Converts a Chinese numeral to a number, or null when it is not one.
 * @example chineseToNumber('一百三十') === 130; chineseToNumber('两') === 2;
 *          chineseToNumber('二〇二二') === 2022; chineseToNumber('三万五千') === 35000
 */
export function chineseToNumber(s: string): number | null {
  if (!s) return null;
  const chars = [...s];
  // Digit by digit (years, codes): 二〇二二
  if (chars.length > 1 && chars.every((c) => c in DIGIT)) {
    return Number(chars.map((c) => DIGIT[c]).join(''));
  }
  let total = 0; // finished 亿/万 groups
  let section = 0; // current group below 万
  let digit: number | null = null;
  for (const c of chars) {
    if (c in DIGIT) digit = DIGIT[c]!;
    else if (c in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[c]!; // 十五: the leading 一 is implied
      digit = null;
    } else if (c in BIG_UNIT) {
      const group = (section + (digit ?? 0)) || 1;
      const mult = BIG_UNIT[c]!;
      total = mult > 1e4 ? (total + group) * mult : total + group * mult;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/**
 * A Chinese numeral as a quantity reads it, 万 and 亿 kept in the unit as reports state amounts:
 * the value is expressed in the largest of 亿/万 the numeral holds, which joins the unit.
 * `点` gives decimals (`一点二`, `七点五`). Returns null when `numeral` is not a numeral.
 * @example numeralQuantity('二百七十九亿三千万', '元') → { value: 279.3, unit: '亿元' }
 *          numeralQuantity('八万六千', '吨') → { value: 8.6, unit: '万吨' }
 *          numeralQuantity('一点二', '万亩') → { value: 1.2, unit: '万亩' }
 *          numeralQuantity('四千五百', '人') → { value: 4500, unit: '人' }
 */
export function numeralQuantity(numeral: string, unit: string): { value: number; unit: string } | null {
  const raw = numeral.replace(/^两/, '二');
  const dot = raw.indexOf('点');
  if (dot >= 0) {
    // `一点二万亩`: a 万/亿 after the decimals belongs to the unit.
    const tail = /[万萬亿億]+$/.exec(raw)?.[0] ?? '';
    const whole = chineseToNumber(raw.slice(0, dot));
    const frac = [...raw.slice(dot + 1, raw.length - tail.length)].map((c) => DIGIT[c]);
    if (whole == null || !frac.length || frac.some((d) => d === undefined)) return null;
    return { value: Number(`${whole}.${frac.join('')}`), unit: tail + unit };
  }
  const whole = chineseToNumber(raw);
  if (whole == null) return null;
  const big = /[亿億]/.test(raw) ? '亿' : /[万萬]/.test(raw) ? '万' : '';
  if (!big) return { value: whole, unit };
  return { value: round(whole / BIG_UNIT[big]!), unit: big + unit };
}

export interface Quantity {
  /** The number as written, null when masked. */
  value: number | null;
  /** What follows the number (`万千瓦`, `亿元`, `%`, `头`, `个`), or null. */
  unit: string | null;
  redacted: boolean;
}

const NUM = '[0-9０-９]+(?:[.,][0-9０-９]+)*';
const MASKED = '[xX×*]+(?:\\.[xX×*]+)?';
const CN = '[零〇○一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟][零〇○一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟万萬亿億点]*';
const QTY = new RegExp(
  `^\\s*(?:(百分之)(${CN}|${NUM})|(${NUM})([十百千]?)|(${MASKED})|(${CN}))\\s*(.*)$`,
);

const toHalf = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * Parses a quantity at the start of `text`: number, then unit (rest of the text, trimmed; 万/亿
 * stay in the unit). Returns null when the text does not start with a number.
 * @example parseQuantity('一百三十万千瓦') → { value: 130, unit: '万千瓦', redacted: false }
 *          parseQuantity('5千头') → { value: 5000, unit: '头', redacted: false }
 *          parseQuantity('xx亿元') → { value: null, unit: '亿元', redacted: true }
 */
export function parseQuantity(text: string): Quantity | null {
  const m = QTY.exec(text);
  if (!m) return null;
  const unitOf = (u: string | undefined) => (u && u.trim() ? u.trim() : null);
  if (m[1]) {
    const raw = m[2]!;
    const v = /[0-9０-９]/.test(raw) ? Number(toHalf(raw).replace(/,/g, '')) : numeralQuantity(raw, '')?.value;
    return v == null ? null : { value: v, unit: '%', redacted: false };
  }
  if (m[3] !== undefined) {
    let v = Number(toHalf(m[3]).replace(/,/g, ''));
    let rest = m[7] ?? '';
    if (m[4] === '千' && /^[瓦米克伏帕焦卡]/.test(rest)) rest = '千' + rest; // 5千瓦 is 5 千瓦
    else if (m[4]) v *= SMALL_UNIT[m[4]]!;
    return { value: round(v), unit: unitOf(rest), redacted: false };
  }
  if (m[5] !== undefined) return { value: null, unit: unitOf(m[7]), redacted: true };
  // 千瓦, 千米, 千克 are units, not a 千 inside the numeral.
  let numeral = m[6]!;
  let rest = m[7] ?? '';
  if (/千$/.test(numeral) && /^[瓦米克伏帕焦卡]/.test(rest) && numeral.length > 1) {
    numeral = numeral.slice(0, -1);
    rest = '千' + rest;
  }
  const q = numeralQuantity(numeral, rest.trim());
  return q && { value: q.value, unit: q.unit || null, redacted: false };
}

/** Removes float noise from multiplications (`1.2 * 1000`). */
const round = (v: number) => Math.round(v * 1e9) / 1e9;
