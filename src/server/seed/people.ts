import { idCheckChar } from '../../common/identity.js';
import type { Random } from './random.js';

/** The commonest surnames in order of frequency (rank r weighs 1 / (r + 4)), then a few compound ones. */
const surnameWeights: readonly (readonly [string, number])[] = [
  ...[
    ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董肖程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
  ].map((surname, rank) => [surname, 1 / (rank + 4)] as const),
  ...['欧阳', '司马', '上官', '诸葛'].map((surname) => [surname, 0.002] as const),
];
const givenMale = [
  ...'伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘',
];
const givenFemale = [
  ...'秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽',
];

/** Mobile prefixes in use in Beijing (China Mobile, Unicom, Telecom, and the newer 19x/16x ranges). */
const phonePrefixes =
  '130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 198 199'.split(
    ' ',
  );

export type Person = { name: string; gender: 'male' | 'female'; birthDate: string; idNumber: string; phone: string };

const DAY = 86_400_000;
const dayStrings = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function dayString(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    dayStrings.set(day, s);
  }
  return s;
}

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(isoDate.slice(0, 10)) / DAY);
}

const FIRST_BIRTH = dayNumber('1960-01-01');
const LAST_BIRTH = dayNumber('2005-12-31');

/**
 * Makes people who do not exist but look real: a common surname and one or two given characters, an ID number
 * of the given region with a correct GB 11643 check digit, and a mobile number. Every ID number and phone is
 * unique within one generator; the same random stream gives the same people.
 */
export class PeopleGenerator {
  /** Sequence numbers (顺序码) taken per birth date; odd for men, even for women. */
  private readonly sequences = new Map<number, number>();
  private readonly phones = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly regionCode: string,
  ) {}

  /** A person born on a day in `[fromDay, toDay]` (clamped to 1960–2005), more often mid-range than at the ends. */
  next(options: { fromDay?: number; toDay?: number } = {}): Person {
    const r = this.random;
    const gender = r.chance(0.52) ? 'male' : 'female';
    const from = Math.max(FIRST_BIRTH, options.fromDay ?? FIRST_BIRTH);
    const to = Math.min(LAST_BIRTH, options.toDay ?? LAST_BIRTH);
    let day = 0;
    let sequence = -1;
    for (let attempt = 0; sequence < 0; attempt++) {
      if (attempt > 1000) throw new Error('no free ID number left in the birth-date range');
      // The mean of two uniforms: a working population thins out towards the youngest and oldest years.
      day = from + Math.floor(((r.next() + r.next()) / 2) * Math.max(1, to - from + 1));
      sequence = this.takeSequence(day, gender);
    }
    const birthDate = dayString(day);
    const body = `${this.regionCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
    return { name: this.name(gender), gender, birthDate, idNumber: body + idCheckChar(body), phone: this.phone() };
  }

  /** Next free sequence on a birth date with the gender's parity, or -1 when the day is full. */
  private takeSequence(day: number, gender: 'male' | 'female'): number {
    const key = day * 2 + (gender === 'male' ? 1 : 0);
    // Each day starts its counter at a random place, so numbers do not all end in 001, 003, ...
    const taken = this.sequences.get(key) ?? this.random.int(0, 300);
    if (taken >= 500) return -1;
    this.sequences.set(key, taken + 1);
    return taken * 2 + (gender === 'male' ? 1 : 0);
  }

  private name(gender: 'male' | 'female'): string {
    const r = this.random;
    const pool = gender === 'male' ? givenMale : givenFemale;
    const surname = r.weighted(surnameWeights);
    const given = r.pick(pool) + (r.chance(0.75) ? r.pick(pool) : '');
    return surname + given;
  }

  private phone(): string {
    for (;;) {
      const phone = this.random.pick(phonePrefixes) + String(this.random.int(0, 99_999_999)).padStart(8, '0');
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }
}
