import { describe, it, expect } from 'vitest';
import { canonicalise, normaliseText, findMasks, inMask } from '../../ingest/normalise.ts';
import { looksTraditional } from '../../ingest/normalise/traditional.ts';
import { fullWidthPunctuation } from '../../ingest/normalise/punctuation.ts';
import { isPageNumber } from '../../ingest/normalise/page-furniture.ts';
import { pageAt, sourceOffset, sourceSpan } from '../../ingest/offsets.ts';

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

describe('traditional → simplified', () => {
  it('converts text written in traditional characters, Taiwan phrases included', () => {
    expect(looksTraditional('縣委帶領全縣人民，推進產業轉型發展，專案建設取得新進展。')).toBe(true);
    expect(normaliseText('縣委帶領全縣人民，推進產業轉型發展，專案建設取得新進展。')).toBe('县委带领全县人民，推进产业转型发展，项目建设取得新进展。');
  });

  it('undoes Hong Kong variants and corner-bracket quotes', () => {
    expect(normaliseText('鄉鎮衞生院改造完成，「三農」工作紮實推進，綫上綫下同步開展。')).toBe('乡镇卫生院改造完成，“三农”工作扎实推进，线上线下同步开展。');
  });

  it('keeps words mainland text also writes (智慧, 新增), not reading them as Taiwan phrases', () => {
    expect(normaliseText('建設智慧城市，新增就業崗位一千個，縣域經濟穩步發展。')).toBe('建设智慧城市，新增就业岗位一千个，县域经济稳步发展。');
  });

  it('undoes Taiwan phrases only in text written in Taiwan phrasing, not in text converted character by character', () => {
    // Mainland words converted character by character: 效能, 金鑰匙 and 區域性 are the author's.
    expect(normaliseText('提升治理效能，實施“金鑰匙”計劃，防範區域性風險，推進重點項目建設，完善信息網絡。')).toBe(
      '提升治理效能，实施“金钥匙”计划，防范区域性风险，推进重点项目建设，完善信息网络。',
    );
    // The same words in Taiwan phrasing (專案, 資訊, 網路 for 项目, 信息, 网络) are undone.
    expect(normaliseText('提升治理效能，推進重點專案建設，完善資訊網路，實施專案化管理。')).toBe(
      '提升治理性能，推进重点项目建设，完善信息网络，实施项目化管理。',
    );
  });

  it('undoes a Taiwan term kept for being a mainland word too inside a compound the mainland writes otherwise', () => {
    expect(normaliseText('推進大資料中心建設，實施智慧化改造，發展智慧製造產業，建設智慧城市，完善軟體和網路。')).toBe(
      '推进大数据中心建设，实施智能化改造，发展智能制造产业，建设智慧城市，完善软件和网络。',
    );
    expect(normaliseText('資料顯示，全縣新增企業一百家，縣檔案館建成開放，鄉鎮經濟穩步發展。')).toBe('资料显示，全县新增企业一百家，县档案馆建成开放，乡镇经济稳步发展。');
    expect(normaliseText('縣資料局推進重點專案線上審批，完善軟體和網路。')).toBe('县数据局推进重点项目在线审批，完善软件和网络。');
    // A phrase left as written still holds its characters together: 數字型 is not 数 and 字型 (字体).
    expect(normaliseText('加快引進、培育一批數字型產業，推進重點專案建設，完善軟體和網路。')).toBe('加快引进、培育一批数字型产业，推进重点项目建设，完善软件和网络。');
    // Text converted character by character shows no Taiwan phrasing: 智慧化 is the author's word.
    expect(normaliseText('實施智慧化改造，推進大資料中心建設，縣域經濟穩步發展。')).toBe('实施智慧化改造，推进大资料中心建设，县域经济稳步发展。');
  });

  it('reads a single character as a character, not as a Taiwan word (埠 of 蚌埠), while 矽 is still 硅', () => {
    expect(normaliseText('縣委與蚌埠市共建庵埠產業園，發展多晶矽產業，實現經濟轉型。')).toBe('县委与蚌埠市共建庵埠产业园，发展多晶硅产业，实现经济转型。');
  });

  it('leaves simplified text alone, even when it quotes a few traditional characters', () => {
    const s = '我县建成“萬家燈火”文化广场，推进乡村振兴，全县地区生产总值增长6.5%，城乡居民收入稳步提高。';
    expect(looksTraditional(s)).toBe(false);
    expect(canonicalise(s)).toEqual({ text: s, map: null });
  });

  it('maps offsets back when a phrase changes length', () => {
    const raw = '引進主機板生產線，建設產業園。';
    const { text, map } = canonicalise(raw);
    expect(text).toBe('引进主板生产线，建设产业园。');
    const at = text.indexOf('产业园');
    expect(raw.slice(sourceOffset({ offsetMap: map ?? undefined }, at), sourceOffset({ offsetMap: map ?? undefined }, at + 3))).toBe('產業園');
  });
});

describe('half-width punctuation → full-width', () => {
  const p = (s: string) => fullWidthPunctuation(s).text;

  it('turns clause, list and target-list marks in Chinese into full-width', () => {
    expect(p('主要目标是:粮食产量稳定,农民增收;工业提速!能否实现?')).toBe('主要目标是：粮食产量稳定，农民增收；工业提速！能否实现？');
    expect(p('增长7.5%,达到120亿元;')).toBe('增长7.5%，达到120亿元；');
  });

  it('makes headings and Chinese parentheses full-width, so (一) still opens a level-2 heading', () => {
    expect(p('(一)壮大县域经济')).toBe('（一）壮大县域经济');
    expect(p('地区生产总值(GDP)增长6%')).toBe('地区生产总值（GDP）增长6%');
    expect(p('(2024年3月1日)')).toBe('（2024年3月1日）');
  });

  it('pairs straight quotes around Chinese into “ ”', () => {
    expect(p('坚持"项目为王"理念,打造"两区一地"')).toBe('坚持“项目为王”理念，打造“两区一地”');
  });

  it('leaves decimals, times, thousands, URLs and English alone', () => {
    const keep = ['上午8:30召开', '投资3,000万元', '详见http://www.example.gov.cn/a?b=1', '口号Hello, world!', '比例1:2', '(see p. 3)'];
    for (const s of keep) expect(p(s)).toBe(s);
  });

  it('drops spaces an ASCII typist left after a mark, mapping offsets back', () => {
    const raw = '发展产业, 壮大集体; 目标: 增收';
    const { text, map } = fullWidthPunctuation(raw);
    expect(text).toBe('发展产业，壮大集体；目标：增收');
    const at = text.indexOf('增收');
    expect(raw.slice(sourceOffset({ offsetMap: map ?? undefined }, at), sourceOffset({ offsetMap: map ?? undefined }, at + 2))).toBe('增收');
  });
});

describe('half-width full stops', () => {
  const p = (s: string) => fullWidthPunctuation(s).text;
  it('ends a Chinese sentence with 。 but leaves numbers, list numbers and domains', () => {
    expect(p('全年粮食增产.工业提速.\n下一段')).toBe('全年粮食增产。工业提速。\n下一段');
    expect(p('增长8%.投资增长')).toBe('增长8%。投资增长');
    for (const s of ['增长1.5%', '1.加快发展', '网站www.example.cn', 'No.3号楼', '达到8.']) expect(p(s)).toBe(s);
  });
});

/** Paragraphs broken every `w` characters, as text copied out of a PDF (first lines indented). */
function wrap(paras: string[], w = 18, indent = '\u3000\u3000'): string {
  const out: string[] = [];
  for (const p of paras) {
    const s = indent + p;
    for (let i = 0; i < s.length; i += w) out.push(s.slice(i, i + w));
  }
  return out.join('\n');
}

const PARAS = [
  '一、坚持创新驱动',
  '全年新建高标准农田八千亩，粮食总产量稳定在十二万吨以上，茶叶种植基地扩大到两万亩，带动农户增收致富。',
  '（一）壮大特色产业',
  '推进中药材精深加工园区建设，引进龙头企业三家，建成冷链物流配送中心一处，农产品加工转化率达到百分之六十五。',
  '1.加快园区建设',
  '完善园区道路、供水、供电等基础设施，新建标准化厂房五万平方米，入园企业达到四十家，园区营业收入增长百分之十二。',
];

describe('hard line breaks', () => {
  it('joins the lines of a wrapped paragraph, mid-word too, and keeps headings and short last lines', () => {
    const out = normaliseText(wrap(PARAS));
    expect(out.split('\n').map((l) => l.trim())).toEqual(PARAS);
  });

  it('joins a short wrapped text whose titles, headings and paragraph ends outnumber its full lines', () => {
    const text = [
      '2024年青山县人民政府工作报告',
      '（2024年1月15日在县人代会上）',
      '县长 李某',
      '一、2023年工作回顾',
      '工业经济稳中有进。新增规模以上工业企业8家，总数达到96家。青山恒达科技有限公司年产5万吨',
      '高性能纤维项目建成投产，签约项目32个，协议资金156亿元，成功举办第二届招商引资推',
      '介会。',
      '二、2024年主要目标',
      '（一）主要目标。地区生产总值增长6%左右，一般公共预算收入增长5%，全社会固定资产投资增长8%，社',
      '会消费品零售总额增长7%，城镇调查失业率控制在5.5%以内，居民消费价格涨幅控制在3%左右。',
      '（二）重点任务。',
      '1.全力抓好项目建设。实施重点项目120个，年度计划投资200亿元以上。加快推进青山高铁站综合',
      '交通枢纽、县城东区集中供热扩容工程、城乡供水一体化工程建设，确保县职业技术学校新',
      '校区秋季投入使用。',
    ].join('\n');
    const out = normaliseText(text);
    expect(out).toContain('年产5万吨高性能纤维项目');
    expect(out).toContain('社会消费品零售总额');
    expect(out).toContain('县职业技术学校新校区');
    expect(out.split('\n')).toContain('二、2024年主要目标');
  });

  it('joins lines whose widths vary a lot, by how they end', () => {
    const widths = [10, 14, 11, 13, 10, 14, 12];
    const out: string[] = [];
    let w = 0;
    for (const p of PARAS) {
      let s = p;
      while (s) {
        const n = widths[w++ % widths.length]!;
        out.push(s.slice(0, n));
        s = s.slice(n);
      }
    }
    expect(normaliseText(out.join('\n')).split('\n')).toEqual(PARAS);
  });

  it('starts a new paragraph at an indent even after a full line', () => {
    const paras = ['全县地区生产总值完成一百二十亿元，增长百分之六。', '一般公共预算收入完成九亿元，增长百分之八点五。', ...PARAS.slice(1, 2), ...PARAS.slice(3, 4)];
    const out = normaliseText(wrap(paras, 13));
    expect(out.split('\n').map((l) => l.trim())).toEqual(paras);
  });

  it('joins wrapped text without indents, keeping headings on their own lines', () => {
    const out = normaliseText(wrap(PARAS, 18, ''));
    const lines = out.split('\n');
    for (const h of ['一、坚持创新驱动', '（一）壮大特色产业', '1.加快园区建设']) expect(lines).toContain(h);
    expect(out).toContain('茶叶种植基地扩大到两万亩');
  });

  it('leaves text whose lines are paragraphs alone', () => {
    const text = ['政府工作报告', '——2024年1月10日在县人民代表大会上', ...PARAS].join('\n');
    expect(canonicalise(text)).toEqual({ text, map: null });
  });

  it('keeps title lines and short lines apart when the text is not wrapped', () => {
    const text = '坚定信心 砥砺奋进\n谱写县域发展新篇章\n——在县第十五次党代会上的报告\n同志们：\n现在我代表县委作报告。';
    expect(normaliseText(text)).toBe(text);
  });

  it('maps a joined word back to the source, newline and all', () => {
    const raw = wrap(PARAS);
    const { text, map } = canonicalise(raw);
    const at = text.indexOf('冷链物流配送中心');
    const from = sourceOffset({ offsetMap: map ?? undefined }, at);
    const to = sourceOffset({ offsetMap: map ?? undefined }, at + 8);
    expect(raw.slice(from, to).replace(/\n/g, '')).toBe('冷链物流配送中心');
  });
});

describe('page furniture', () => {
  const body = wrap(PARAS, 10).split('\n');
  const withPages = (mark: (n: number) => string, header?: string) => {
    const out: string[] = [];
    body.forEach((l, i) => {
      if (i > 0 && i % 9 === 0) {
        out.push(mark(i / 9));
        if (header) out.push(header);
      }
      out.push(l);
    });
    return out.join('\n');
  };

  it('drops page numbers of every common style, joining the sentence a page break cut', () => {
    for (const mark of [(n: number) => `— ${n} —`, (n: number) => `- ${n} -`, (n: number) => `第 ${n} 页`, (n: number) => `${n}/20`, (n: number) => `${n}`]) {
      expect(normaliseText(withPages(mark)).split('\n').map((l) => l.trim())).toEqual(PARAS);
    }
  });

  it('drops a page number inside a phrase of unwrapped text', () => {
    expect(normaliseText('风电和光伏发电\n— 3 —\n装机容量达到五十万千瓦。')).toBe('风电和光伏发电装机容量达到五十万千瓦。');
  });

  it('drops a running header that recurs at page boundaries, keeping the title it repeats', () => {
    const text = '县政府工作报告\n' + withPages((n) => `- ${n} -`, '县政府工作报告');
    const out = normaliseText(text).split('\n').map((l) => l.trim());
    expect(out).toEqual(['县政府工作报告', ...PARAS]);
  });

  it('finds running headers by repetition in text without page numbers', () => {
    expect(body.length).toBeGreaterThan(21);
    const out: string[] = [];
    body.forEach((l, i) => {
      if (i > 0 && i % 7 === 0) out.push('某某县人民政府办公室印发');
      out.push(l);
    });
    expect(normaliseText(out.join('\n')).split('\n').map((l) => l.trim())).toEqual(PARAS);
  });

  it("uses the reader's page starts to find headers", () => {
    const pages: string[] = [];
    for (let i = 0; i < body.length; i += 9) pages.push((i ? '县政府工作报告\n' : '') + body.slice(i, i + 9).join('\n'));
    const text = pages.join('\n');
    const starts: number[] = [];
    let at = 0;
    for (const p of pages) {
      starts.push(at);
      at += p.length + 1;
    }
    expect(canonicalise(text, starts).text.split('\n').map((l) => l.trim())).toEqual(PARAS);
  });

  it('recognises page numbers and nothing else', () => {
    for (const s of ['— 1 —', '- 12 -', '第 3 页', '第3页 共20页', '3/20', '7', 'Page 3 of 20']) expect(isPageNumber(s), s).toBe(true);
    for (const s of ['2024年', '1.加快园区建设', '（一）', '12.5%', '第三章']) expect(isPageNumber(s), s).toBe(false);
  });
});

describe('offsets back to the source', () => {
  it('finds a span joined across a page break in the source, and its page', () => {
    const lines = wrap(PARAS, 10).split('\n');
    const page2 = lines.slice(0, 12).join('\n').length + 1;
    const raw = [...lines.slice(0, 12), '— 1 —', ...lines.slice(12)].join('\n');
    const { text, map } = canonicalise(raw, [0, page2]);
    const doc = { offsetMap: map ?? undefined, pages: [0, page2] };
    const word = PARAS[3]!.slice(20, 34);
    const at = text.indexOf(word);
    expect(at).toBeGreaterThan(0);
    const span = sourceSpan(doc, at, at + word.length);
    expect(raw.slice(span.start, span.end).split('\n').filter((l) => !isPageNumber(l.trim())).join('')).toBe(word);
    expect(pageAt(doc, text.indexOf('高标准农田'))).toBe(1);
    expect(pageAt(doc, text.indexOf('标准化厂房'))).toBe(2);
    expect(pageAt(doc, 0)).toBe(1);
  });

  it('is the identity without a map', () => {
    expect(sourceSpan({}, 3, 7)).toEqual({ start: 3, end: 7 });
    expect(sourceOffset({}, 5)).toBe(5);
  });
});

describe('enumeration commas in text typed all in ASCII', () => {
  const ascii = (s: string) => normaliseText(s.replace(/、/g, ','));

  it('restores a level-1 heading and a list of places or projects', () => {
    const text = [
      '一,强化产业支撑',
      '全年新建高标准农田八千亩,粮食总产量稳定在十二万吨以上,带动农户增收致富.',
      '加快建设冷链物流园,农产品加工园,电商产业园,推进城乡融合发展.',
      '推动灌区节水配套改造,农村公路提升改造等项目开工建设,完成投资五亿元.',
      '奋斗目标是:经济强,生态美,百姓富.',
    ].join('\n');
    const out = normaliseText(text).split('\n');
    expect(out[0]).toBe('一、强化产业支撑');
    expect(out[1]).toBe('全年新建高标准农田八千亩，粮食总产量稳定在十二万吨以上，带动农户增收致富。');
    expect(out[2]).toContain('冷链物流园、农产品加工园、电商产业园');
    expect(out[3]).toContain('灌区节水配套改造、农村公路提升改造等项目');
    expect(out[4]).toBe('奋斗目标是：经济强、生态美、百姓富。');
  });

  it('keeps clause commas that open with a verb', () => {
    const text = '一,总体要求\n' + '坚持稳中求进,加快调整产业结构,深化农村改革,推进乡村振兴,扩大有效投资,增进民生福祉,完善基础设施,实现高质量发展.';
    const out = normaliseText(text).split('\n')[1]!;
    expect(out).toBe('坚持稳中求进，加快调整产业结构，深化农村改革，推进乡村振兴，扩大有效投资，增进民生福祉，完善基础设施，实现高质量发展。');
  });

  it('keeps commas between clauses that each state a figure', () => {
    const text = '一,主要目标\n' + '地区生产总值增长7%左右,一般公共预算收入增长6.5%,全县生猪出栏12万头,新建中小学,幼儿园5所,打造冷链物流园,电商产业园,坚持稳中求进,深化农村改革,推进乡村振兴,实现高质量发展.';
    const out = normaliseText(text).split('\n')[1]!;
    expect(out).toContain('地区生产总值增长7%左右，一般公共预算收入增长6.5%，全县生猪出栏12万头');
    expect(out).toContain('冷链物流园、电商产业园');
  });

  it('reads a quoted slogan as a list of its own, and no list across a closing quote or a figure', () => {
    const text = '一,主要成绩\n' + '坚持"以茶为基,向绿而行",青山茶业,云岭实业等企业扩大产能,铜矿产能由1万吨提高到3万吨,金川矿业,白云矿业等企业完成技改,深化农村改革,推进乡村振兴,实现高质量发展.';
    const out = normaliseText(text).split('\n')[1]!;
    expect(out).toContain('“以茶为基、向绿而行”，青山茶业、云岭实业等企业');
    expect(out).toContain('提高到3万吨，金川矿业、白云矿业等企业');
  });

  it('leaves a text that has any 、 exactly as the punctuation pass made it', () => {
    const text = '建设冷链物流园、农产品加工园,推进城乡融合发展,增加农民收入,完善基础设施,提升公共服务,改善人居环境,繁荣乡村文化,加强基层治理,保障改善民生,实现共同富裕.';
    expect(ascii('一,总体要求\n坚持稳中求进')).toBe('一，总体要求\n坚持稳中求进'); // too few commas to tell
    expect(normaliseText(text)).toBe(fullWidthPunctuation(text).text);
  });
});
