/**
 * The demo's tournaments (seed 001).
 * 东城区第二届“时传祥杯”龙舟大赛 (6月20日, 龙潭公园): 17 crews, heats, 6 to the final; 一、二、三等奖 to 东城消防,
 * 一飞冲天, 京诚集团; 优秀奖 to 退役军人局, 东城环卫, 东体龙腾 — the six finalists and their places as printed; the other
 * eleven crews and every time are ours, chosen so the stated rules give the printed result.
 * 第四届副中心职工足球联赛 (通州): 40 teams in three groups by category — 市直机关代表队, 区直属机关事业单位, 乡镇街道企业代表队
 * — single round robin, the top 8 of each group to a knockout.
 */
export const DRAGON_BOAT_TITLE = '东城区第二届“时传祥杯”龙舟大赛';
export const DRAGON_BOAT = { crews: 17, finalists: 6, prizes: 3, merits: 3, lanes: 6 } as const;

/** Crew, sending unit; the first six are the printed finalists in their final order. */
export const DRAGON_BOAT_CREWS: readonly { crew: string; unit: string }[] = [
  { crew: '东城消防', unit: '东城区消防救援支队' },
  { crew: '一飞冲天', unit: '东花市街道' },
  { crew: '京诚集团', unit: '北京京诚集团有限公司' },
  { crew: '退役军人局', unit: '东城区退役军人事务局' },
  { crew: '东城环卫', unit: '东城区环境卫生服务中心' },
  { crew: '东体龙腾', unit: '东城区体育局' },
  { crew: '龙潭劲旅', unit: '龙潭街道' },
  { crew: '天坛飞舟', unit: '天坛街道' },
  { crew: '前门号子', unit: '前门街道' },
  { crew: '景山龙舟队', unit: '景山街道' },
  { crew: '交道口', unit: '交道口街道' },
  { crew: '和平里', unit: '和平里街道' },
  { crew: '东直门', unit: '东直门街道' },
  { crew: '东城供电', unit: '国网北京东城供电公司' },
  { crew: '同仁医护', unit: '首都医科大学附属北京同仁医院' },
  { crew: '新世界', unit: '北京新世界利莹百货有限公司' },
  { crew: '东城教工', unit: '东城区教育委员会' },
];

export const FOOTBALL_TITLE = '第四届副中心职工足球联赛';
export const FOOTBALL = { teams: 40, groups: 3, qualifiersPerGroup: 8, knockout: 24 } as const;

/** The three groups by category, 14 / 13 / 13 teams. */
export const FOOTBALL_GROUPS: readonly { category: string; teams: readonly string[] }[] = [
  {
    category: '市直机关代表队',
    teams: [
      '市发展改革委',
      '市财政局',
      '市规划自然资源委',
      '市住房城乡建设委',
      '市交通委',
      '市水务局',
      '市生态环境局',
      '市商务局',
      '市文化和旅游局',
      '市卫生健康委',
      '市人力资源社会保障局',
      '市市场监管局',
      '市城市管理委',
      '市统计局',
    ],
  },
  {
    category: '区直属机关事业单位',
    teams: [
      '通州区教委',
      '通州区卫健委',
      '通州区住建委',
      '通州区城管委',
      '通州区水务局',
      '通州区交通局',
      '通州区文旅局',
      '通州区体育局',
      '通州区税务局',
      '通州区公安分局',
      '通州区消防救援支队',
      '通州区人民医院',
      '通州区融媒体中心',
    ],
  },
  {
    category: '乡镇街道企业代表队',
    teams: [
      '北苑街道',
      '中仓街道',
      '新华街道',
      '玉桥街道',
      '潞城镇',
      '宋庄镇',
      '梨园镇',
      '永顺镇',
      '张家湾镇',
      '台湖镇',
      '马驹桥镇',
      '北京城市副中心投资建设集团',
      '北京环球度假区',
    ],
  },
];
