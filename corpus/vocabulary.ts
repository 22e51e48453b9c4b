import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../graph/local/paths.ts';

/**
 * The words a synthetic report is made of. Industries come from the project's taxonomy
 * (data/taxonomy/industries.json, read at run time so the corpus follows it); the rest is the
 * stock vocabulary of county reports, kept here as data.
 */

export interface IndustryWord {
  name: string;
  aliases: string[];
}

/** Used when the taxonomy file is absent or unreadable. */
const FALLBACK_INDUSTRIES: IndustryWord[] = [
  { name: '食用菌', aliases: ['香菇', '菌菇'] },
  { name: '肉牛', aliases: ['肉牛养殖'] },
  { name: '光伏', aliases: ['光伏发电'] },
  { name: '风电', aliases: ['风力发电'] },
  { name: '新能源', aliases: [] },
  { name: '绿色建材', aliases: [] },
  { name: '现代物流', aliases: ['物流'] },
  { name: '文化旅游', aliases: ['文旅', '全域旅游'] },
  { name: '生物医药', aliases: ['医药'] },
  { name: '数字经济', aliases: [] },
  { name: '中药材', aliases: ['药材'] },
  { name: '茶叶', aliases: ['茶'] },
];

export function loadIndustries(file = path.join(PROJECT_ROOT, 'data', 'taxonomy', 'industries.json')): IndustryWord[] {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries?: Array<{ name?: string; aliases?: string[]; match?: boolean }> };
    const list = (raw.entries ?? [])
      // `match: false` marks a grouping node of the hierarchy, never written as an industry.
      .filter((e): e is { name: string; aliases?: string[] } => typeof e.name === 'string' && e.name.length >= 2 && e.match !== false)
      .map((e) => ({ name: e.name, aliases: (e.aliases ?? []).filter((a) => typeof a === 'string') }));
    return list.length >= 10 ? list : FALLBACK_INDUSTRIES;
  } catch {
    return FALLBACK_INDUSTRIES;
  }
}

/** Agencies as reports write them, with the canonical name. */
export const AGENCIES: ReadonlyArray<{ written: string; canonical: string }> = [
  { written: '发改委', canonical: '发展和改革委员会' },
  { written: '发改局', canonical: '发展和改革局' },
  { written: '工信局', canonical: '工业和信息化局' },
  { written: '教体局', canonical: '教育和体育局' },
  { written: '科技局', canonical: '科学技术局' },
  { written: '财政局', canonical: '财政局' },
  { written: '人社局', canonical: '人力资源和社会保障局' },
  { written: '自然资源局', canonical: '自然资源局' },
  { written: '生态环境局', canonical: '生态环境局' },
  { written: '住建局', canonical: '住房和城乡建设局' },
  { written: '交通运输局', canonical: '交通运输局' },
  { written: '水利局', canonical: '水利局' },
  { written: '农业农村局', canonical: '农业农村局' },
  { written: '商务局', canonical: '商务局' },
  { written: '文旅局', canonical: '文化和旅游局' },
  { written: '卫健委', canonical: '卫生健康委员会' },
  { written: '应急管理局', canonical: '应急管理局' },
  { written: '市场监管局', canonical: '市场监督管理局' },
  { written: '统计局', canonical: '统计局' },
  { written: '医保局', canonical: '医疗保障局' },
  { written: '林业局', canonical: '林业局' },
  { written: '审计局', canonical: '审计局' },
  { written: '民政局', canonical: '民政局' },
  { written: '司法局', canonical: '司法局' },
  { written: '乡村振兴局', canonical: '乡村振兴局' },
  { written: '行政审批局', canonical: '行政审批服务局' },
  { written: '城管局', canonical: '城市管理局' },
  { written: '退役军人事务局', canonical: '退役军人事务局' },
];

export interface Indicator {
  /** As the text writes it. */
  name: string;
  /** The scorer's keys: each an array of alternatives. */
  keys: string[][];
  /** Growth rate (%) range, and level range with its unit. */
  growth: [number, number];
  level?: { range: [number, number]; unit: string; digits: number };
}

export const INDICATORS: Indicator[] = [
  { name: '地区生产总值', keys: [['地区生产总值', '生产总值', 'GDP']], growth: [5, 9], level: { range: [60, 900], unit: '亿元', digits: 0 } },
  { name: '一般公共预算收入', keys: [['一般公共预算收入', '公共预算收入']], growth: [4, 10], level: { range: [3, 60], unit: '亿元', digits: 1 } },
  { name: '规模以上工业增加值', keys: [['规模以上工业增加值', '规上工业增加值', '工业增加值']], growth: [6, 12] },
  { name: '固定资产投资', keys: [['固定资产投资']], growth: [6, 15] },
  { name: '社会消费品零售总额', keys: [['社会消费品零售总额', '消费品零售总额']], growth: [5, 10], level: { range: [20, 300], unit: '亿元', digits: 0 } },
  { name: '城镇居民人均可支配收入', keys: [['城镇居民人均可支配收入']], growth: [6, 9], level: { range: [28000, 52000], unit: '元', digits: 0 } },
  { name: '农村居民人均可支配收入', keys: [['农村居民人均可支配收入']], growth: [7, 11], level: { range: [12000, 26000], unit: '元', digits: 0 } },
  { name: '粮食总产量', keys: [['粮食总产量', '粮食总产', '粮食产量']], growth: [1, 3], level: { range: [8, 90], unit: '万吨', digits: 1 } },
];

/** Big groups that invest in counties. */
export const ENTERPRISES: readonly string[] = [
  '国家电投', '华能集团', '三峡集团', '中广核', '大唐集团', '隆基绿能', '通威集团', '温氏集团', '牧原股份',
  '新希望集团', '伊利集团', '蒙牛集团', '中国建材', '海螺水泥', '比亚迪', '宁德时代', '正大集团', '中粮集团',
  '京东物流', '顺丰集团', '中石油', '中石化', '国家能源集团', '华润集团', '中国中铁', '中国电建',
];

/** Named plans and strategies, with what the scorer accepts for each. */
export const PLANS: ReadonlyArray<{ name: string; accept: string[]; phrase: string; ignored?: boolean }> = [
  { name: '十四五', accept: ['十四五', '十四五规划', '“十四五”规划', '十四五时期'], phrase: '“十四五”规划' },
  { name: '乡村振兴', accept: ['乡村振兴', '乡村振兴战略', '全面推进乡村振兴'], phrase: '乡村振兴战略' },
  { name: '国土空间总体规划', accept: ['国土空间总体规划', '国土空间规划'], phrase: '国土空间总体规划' },
  { name: '碳达峰', accept: ['碳达峰', '碳达峰碳中和', '碳达峰、碳中和', '双碳'], phrase: '碳达峰碳中和行动' },
  { name: '新型城镇化', accept: ['新型城镇化', '新型城镇化战略'], phrase: '新型城镇化战略' },
  { name: '河长制', accept: ['河长制', '河湖长制'], phrase: '河长制', ignored: true },
  { name: '放管服', accept: ['放管服', '放管服改革'], phrase: '“放管服”改革', ignored: true },
  { name: '人居环境整治提升五年行动', accept: ['人居环境整治提升五年行动', '农村人居环境整治提升五年行动'], phrase: '农村人居环境整治提升五年行动' },
  { name: '工业强县', accept: ['工业强县', '工业强市', '工业强区', '工业强县战略'], phrase: '“工业强县”战略' },
];

/** Leading bodies every report names: the scorer ignores them (GUIDELINES.md). */
export const LEADING_BODIES = ['县委', '县政府', '市委', '市政府', '省委', '省政府', '人大', '政协', '党中央', '国务院', '纪委', '县人大常委会', '县政协'];

/** Generic words that are not industries or projects on their own (ignored by the scorer). */
export const GENERIC_INDUSTRIES = ['农业', '工业', '服务业', '现代农业', '特色产业', '主导产业', '富民产业', '实体经济', '民营经济', '现代服务业', '制造业'];
export const GENERIC_PROJECTS = ['重点项目', '储备项目', '民生工程', '工业园区', '产业园区', '园区', '重大项目'];

/**
 * Boilerplate sentences without facts: `{c}` the county, `{t}` a town, `{v}` a village, `{n}` a
 * small number. They carry most of a report's length, as in real ones.
 */
export const FILLER: readonly string[] = [
  '全{c}上下坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，团结奋斗、攻坚克难',
  '我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，主动融入和服务新发展格局',
  '这些成绩的取得，是上级党委政府坚强领导的结果，是全{c}干部群众团结拼搏的结果',
  '在肯定成绩的同时，我们也清醒地看到，发展不平衡不充分的问题依然突出，经济总量小、结构不优的状况尚未根本改变',
  '创新能力不强，新旧动能转换还不够快，部分群众增收渠道仍然较窄',
  '干部队伍中不同程度存在不担当、不作为、慢作为的问题，营商环境还需持续优化',
  '我们将认真研究，采取有力措施加以解决',
  '坚持把发展经济的着力点放在实体经济上，推动高质量发展迈出坚实步伐',
  '深化与周边地区的交流合作，在更大范围内配置资源要素',
  '坚持以人民为中心的发展思想，尽力而为、量力而行，让改革发展成果更多更公平惠及全{c}人民',
  '{t}坚持党建引领，扎实推进基层治理，群众获得感幸福感安全感不断增强',
  '{v}持续改善人居环境，村容村貌焕然一新，成为远近闻名的美丽乡村',
  '推动{t}与{v}结对共建，形成以强带弱、共同提升的良好局面',
  '全年新增城镇就业{n}千人，城镇登记失业率控制在目标范围以内',
  '新建和改扩建中小学、幼儿园{n}所，城乡义务教育均衡发展水平持续提升',
  '实施农村饮水安全巩固提升工程，受益群众{n}万人',
  '改造提升农村公路{n}0公里，城乡交通条件明显改善',
  '持续开展“我为群众办实事”实践活动，解决了一批群众急难愁盼问题',
  '坚持生态优先、绿色发展，蓝天、碧水、净土保卫战取得阶段性成效',
  '空气质量优良天数比例持续保持在较高水平，主要河流断面水质稳定达标',
  '统筹发展和安全，守牢安全生产底线，全年未发生较大以上安全生产事故',
  '常态化开展扫黑除恶斗争，社会大局和谐稳定',
  '坚持和发展新时代“枫桥经验”，矛盾纠纷就地化解率不断提高',
  '扎实推进法治政府建设，依法行政水平进一步提升',
  '政府系统自觉接受人大法律监督、工作监督和政协民主监督',
  '坚持过紧日子，一般性支出进一步压减，“三公”经费持续下降',
  '各位代表，新时代赋予新使命，新征程呼唤新作为',
  '我们必须保持战略定力，坚定发展信心，以时不我待的紧迫感抓好各项工作落实',
  '坚持项目为王，以项目建设的新突破带动经济发展的新跨越',
  '持续优化营商环境，深化“一网通办”“一窗受理”，让企业和群众办事更加便捷',
  '坚持招大引强、招新引优，围绕主导产业开展精准招商和产业链招商',
  '强化要素保障，在用地、用能、融资等方面为重点项目开辟绿色通道',
  '推动城乡融合发展，统筹推进县城、集镇和村庄建设',
  '以{t}为重点，打造一批宜居宜业的中心集镇',
  '加快补齐县城公共服务设施短板，提升县城综合承载能力',
  '完善城市功能，推进老旧小区改造，让城市更有温度、更有品质',
  '巩固拓展脱贫攻坚成果，守住不发生规模性返贫的底线',
  '健全防止返贫动态监测和帮扶机制，做到早发现、早干预、早帮扶',
  '大力实施高标准农田建设，稳定粮食播种面积，确保粮食安全',
  '深化农村集体产权制度改革，发展壮大村级集体经济',
  '推进{v}等村庄规划编制，建设宜居宜业和美乡村',
  '加强农村精神文明建设，移风易俗，培育文明乡风、良好家风、淳朴民风',
  '办好人民满意的教育，推动义务教育优质均衡发展',
  '深化医药卫生体制改革，推进紧密型县域医共体建设',
  '完善多层次社会保障体系，扩大养老保险、医疗保险覆盖面',
  '加强“一老一小”服务，推进城乡养老服务设施建设',
  '繁荣发展文化事业，广泛开展群众性文化活动',
  '加强历史文化遗产保护，传承弘扬优秀传统文化',
  '深入推进平安建设，完善社会治安防控体系',
  '加强食品药品安全监管，守护群众“舌尖上的安全”',
  '坚持党的全面领导，把党的领导贯穿政府工作各方面全过程',
  '严格落实全面从严治党主体责任，持之以恒纠治“四风”',
  '大兴调查研究之风，察实情、出实招、办实事、求实效',
  '树牢过紧日子思想，把有限的财力用在发展紧要处、民生急需上',
  '全体干部要增强“时时放心不下”的责任感，以实干实绩回应群众期盼',
  '各位代表，奋斗创造历史，实干成就未来',
  '让我们更加紧密地团结在以习近平同志为核心的党中央周围，踔厉奋发、勇毅前行',
  '{t}、{v}等地的干部群众主动作为，涌现出一批可学可鉴的先进典型',
  '我们深刻体会到，必须坚持党的领导，必须坚持人民至上，必须坚持改革创新，必须坚持实干为先',
  '持续深化“放心消费”创建，城乡消费环境不断改善',
  '加快数字政府建设，推动更多政务服务事项网上办、掌上办',
  '加强政务诚信建设，坚决兑现政策承诺，构建亲清政商关系',
  '统筹推进疫情防控和经济社会发展，经受住了多重考验',
  '坚持以钉钉子精神抓落实，一张蓝图绘到底',
];

/** Headings of the review part, level 2. */
export const REVIEW_HEADINGS = [
  '坚持稳中求进，经济实力稳步提升',
  '坚持项目为王，发展后劲持续增强',
  '坚持改革创新，发展活力不断释放',
  '坚持城乡统筹，城乡面貌显著改善',
  '坚持民生为本，人民生活持续改善',
  '坚持绿色发展，生态环境持续向好',
];

/** Headings of the plan part, level 2. */
export const PLAN_HEADINGS = [
  '聚力产业转型升级，构建现代产业体系',
  '聚力项目建设，增强高质量发展后劲',
  '聚力乡村振兴，加快农业农村现代化',
  '聚力改革开放，持续激发市场活力',
  '聚力城乡融合，提升城乡功能品质',
  '聚力生态保护，筑牢绿色发展屏障',
  '聚力民生改善，增进人民群众福祉',
];
