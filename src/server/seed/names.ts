import type { IndustrySection } from '../../common/employers.js';
import type { Random } from './random.js';

/** Characters Beijing firms put in their 字号 (trade names). */
const brandChars = [
  ...new Set(
    '华信达通泰安恒盛鑫源博嘉瑞祥和中联新宏兴正金海天宇辰星明德润远光科创汇丰永富康宁隆聚合益诚志昌茂荣佳美力腾飞云山东方京燕都城长' +
      '义仁礼智乐凯旭晨阳升平顺利成业龙凤麟鹏鸿雁松柏竹兰菊梅清和睿思卓越诺亚维尔斯普瑞尚品优众邦捷航迅驰展弘道建立国民' +
      '万千百佰佳禾谷丰田林森众望春秋冬夏蓝绿紫金银玉宝鼎铭锦绣云霄峰岳川泽涛澜浩瀚广博雅致远融通汇智启明',
  ),
];

function brand(random: Random, length: number): string {
  let name = '';
  while (name.length < length) {
    const c = random.pick(brandChars);
    if (!name.includes(c)) name += c;
  }
  return name;
}

const sectionWords: Record<IndustrySection, readonly string[]> = {
  A: ['农业科技', '生态农业', '种植', '养殖', '园艺', '林业发展', '农产品'],
  B: ['矿业', '矿产资源', '能源开发'],
  C: ['机械制造', '电子设备', '精密仪器', '食品', '医疗器械', '新材料', '印刷', '服装', '汽车零部件', '生物制药', '包装制品'],
  D: ['热力', '电力工程', '燃气', '新能源', '供水'],
  E: ['建筑工程', '装饰工程', '建设工程', '市政工程', '机电安装工程', '园林工程'],
  F: ['商贸', '贸易', '百货', '超市', '医药连锁', '电子商务', '五金建材', '酒业'],
  G: ['物流', '运输', '速递', '汽车租赁', '仓储服务', '出租汽车', '供应链管理'],
  H: ['餐饮管理', '酒店管理', '饭店', '餐饮', '快餐', '宾馆'],
  I: ['科技', '信息技术', '软件', '网络科技', '数据科技', '智能科技', '云计算技术'],
  J: ['投资管理', '资产管理', '融资担保', '保险代理', '财务咨询'],
  K: ['房地产开发', '物业管理', '置业', '房地产经纪'],
  L: ['商务服务', '企业管理咨询', '人力资源服务', '广告', '会展服务', '知识产权代理', '劳务派遣'],
  M: ['技术服务', '检测技术', '工程设计', '建筑设计', '环境科技', '生物技术', '工程咨询'],
  N: ['环境工程', '园林绿化', '环卫服务', '水务', '市政设施管理'],
  O: ['家政服务', '洗衣', '美容美发', '汽车维修', '保洁服务', '养老服务'],
  P: ['教育科技', '培训学校', '文化艺术培训'],
  Q: ['医疗管理', '口腔门诊', '中医诊所', '健康管理'],
  R: ['文化传媒', '影视文化', '体育发展', '文化发展', '演艺', '出版'],
  S: ['社会工作事务所', '志愿服务协会', '社区服务中心', '商会'],
  T: ['代表处'],
};
/** Small shops registered under the district name (个体工商户 / 个人独资企业). */
const shopWords: Partial<Record<IndustrySection, readonly string[]>> = {
  F: ['便利店', '商店', '五金店', '文具店', '水果店'],
  H: ['餐厅', '饭庄', '小吃店', '面馆', '茶馆'],
  O: ['美发店', '洗衣店', '汽车修理部', '家政服务部'],
};
const forms = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'] as const;
/** Sections whose units carry no company form (associations, representative offices). */
const formless: readonly IndustrySection[] = ['S', 'T'];

/** Keeps names unique: unique employer names give unique union names (`<employer>工会`). */
export class NameBook {
  private readonly used = new Set<string>();
  /** Tries `make` until it yields a name not taken yet; longer trade names after many misses. */
  claim(make: (brandLength: number) => string): string {
    for (let attempt = 0; attempt < 200; attempt++) {
      const name = make(attempt < 40 ? 2 : attempt < 120 ? 3 : 4);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error('no free name after 200 attempts');
  }
  /** Takes a fixed name (a unit the newspaper names); a clash is a bug in the seed lists. */
  reserve(name: string): string {
    if (this.used.has(name)) throw new Error(`name ${name} is used twice`);
    this.used.add(name);
    return name;
  }
}

/** A company name: 北京 + 字号 + 行业 + 组织形式, sometimes a district branch or a small shop. */
export function companyName(random: Random, book: NameBook, section: IndustrySection, district: string, isSmall: boolean): string {
  const districtShort = district.replace(/区$/, '');
  return book.claim((length) => {
    const b = brand(random, length);
    const shops = shopWords[section];
    if (isSmall && shops && random.chance(0.3)) return `北京市${district}${b}${random.pick(shops)}`;
    const word = random.pick(sectionWords[section]);
    if (formless.includes(section)) return `北京${b}${word}`;
    const roll = random.next();
    if (roll < 0.08) return `北京${b}${word}有限公司${districtShort}分公司`;
    if (roll < 0.2) return `北京市${b}${word}${random.pick(forms)}`;
    return `北京${b}${word}${random.pick(forms)}`;
  });
}

export function schoolName(random: Random, book: NameBook, district: string): string {
  const kinds = ['小学', '小学', '中学', '实验学校', '幼儿园', '第二小学', '外国语学校', '职业学校'] as const;
  return book.claim((length) => `北京市${district}${brand(random, length)}${random.pick(kinds)}`);
}

export function collegeName(random: Random, book: NameBook): string {
  const kinds = ['学院', '职业学院', '职业技术学院', '科技职业学院', '师范学院'] as const;
  return book.claim((length) => `北京${brand(random, length)}${random.pick(kinds)}`);
}

export function hospitalName(random: Random, book: NameBook, district: string): string {
  return book.claim((length) => {
    const b = brand(random, length);
    const roll = random.next();
    if (roll < 0.3) return `北京市${district}${b}医院`;
    if (roll < 0.5) return `北京${b}中医医院`;
    if (roll < 0.6) return `北京${b}妇产医院`;
    return `北京${b}医院`;
  });
}

const roadSuffixes = ['路', '街', '大街', '胡同', '北路', '南路', '东里', '西里'] as const;

/** A plausible street address in the district. */
export function address(random: Random, district: string, street: string): string {
  const road = brand(random, 2) + random.pick(roadSuffixes);
  // Towns are part of a postal address; urban streets (街道, 地区) are not.
  const place = /(镇|乡)$/.test(street) ? street : '';
  return `北京市${district}${place}${road}${random.int(1, 199)}号`;
}

const branchPools: Partial<Record<IndustrySection, readonly string[]>> = {
  P: ['机关分会', '教学一部分会', '教学二部分会', '后勤分会', '图书馆分会', '附属学校分会', '继续教育学院分会'],
  Q: ['内科分会', '外科分会', '护理部分会', '医技分会', '门诊部分会', '药学部分会', '行政后勤分会'],
  G: ['第一车队分会', '第二车队分会', '第三车队分会', '调度中心分会', '维修保障部分会', '机关分会'],
  E: ['第一项目部分会', '第二项目部分会', '第三项目部分会', '机关分会', '机械设备分公司分会', '安装分公司分会'],
};
const defaultBranches = [
  '机关分会',
  '生产部分会',
  '销售部分会',
  '研发中心分会',
  '运营部分会',
  '后勤保障部分会',
  '财务部分会',
  '工程部分会',
  '客服中心分会',
  '质量管理部分会',
];

/** `count` distinct branch (分会) names for a union of the given industry. */
export function branchNames(random: Random, section: IndustrySection, count: number): string[] {
  const pool = [...(branchPools[section] ?? defaultBranches)];
  const names: string[] = [];
  while (names.length < count && pool.length > 0) names.push(pool.splice(random.int(0, pool.length - 1), 1)[0] as string);
  return names;
}
