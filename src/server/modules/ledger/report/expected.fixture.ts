import type { ReportLedgerKind } from '../../../../common/ledger.report.js';

/**
 * What each seed page holds, written by reading the pages (not by running the rules). An item is known by `key`,
 * words printed once in it; organisers are tree names (demo-tree.fixture.ts) or `new:` + the union as printed;
 * dates `M-D` (`M-D..M-D` a range; `YYYY-` first when a year is printed), null when only 近日 / 连日来 is said;
 * figures `value|unit|~` (~ approximate; unit empty when none), once per value and unit in an item. Counted:
 * arabic figures with a measure word, Chinese numerals of two or more with one (三个篇章), 万-figures; not counted:
 * dates, years, durations (两天, 30年), ordinals (第十七届), ranks (前8名), thresholds (百人以上), quoted names.
 */
export type ExpectedItem = {
  key: string;
  headline: string | null;
  isPhoto?: boolean;
  organisers: string[];
  kind: ReportLedgerKind;
  date: string | null;
  figures: string[];
};

export const expectedPages: Record<string, ExpectedItem[]> = {
  '000_970aa545423f6c45.txt': [
    { key: '潘建新带队赴北京大学肿瘤医院', headline: '市总工会到北大肿瘤医院为医护人员“送清凉”', organisers: ['北京市总工会'], kind: 'welfare', date: null, figures: ['2570|人', '100|%'] },
    { key: '北京科技大学工会近日组织', headline: '北科大工会依托汽车兴趣汇开展主题教育活动', organisers: ['北京科技大学工会', '北京市教育工会'], kind: 'event', date: null, figures: ['40|名|~', '1000|册|~', '3500|名'] },
    { key: '赵秦岭率队', headline: '密云区总工会全面开展“夏送清凉”活动', organisers: ['密云区总工会'], kind: 'welfare', date: null, figures: ['1500|名|~'] },
    { key: '向劳模致敬”主题征文活动收关', headline: '天桥街道总工会举办“探秘中轴线,向劳模致敬”征文活动', organisers: ['天桥街道总工会'], kind: 'contest', date: null, figures: ['20|家|~', '30|名|~'] },
    { key: '北京北辰实业股份有限公司开展了', headline: '北辰实业公司工会心系职工送“凉”方', organisers: ['北京北辰实业股份有限公司工会'], kind: 'welfare', date: null, figures: [] },
    { key: '和平街街道总工会举办2023年基层工会主席培训班', headline: '和平街街道基层工会干部培训班开班', organisers: ['和平街街道总工会'], kind: 'training', date: null, figures: ['100|人|~'] },
    { key: '陶然亭街道总工会为进一步落实', headline: '陶然亭街道工会为新就业形态劳动者“送清凉”', organisers: ['陶然亭街道总工会'], kind: 'welfare', date: null, figures: [] },
    { key: '金海湖镇总工会组织', headline: '平谷金海湖镇职工乐享趣味运动会', organisers: ['金海湖地区总工会'], kind: 'event', date: null, figures: ['3|个'] },
  ],
  '001_56c4a220a2c6aa78.txt': [
    { key: '海淀区工会第十七次代表大会召开。大会', headline: '海淀区工会第十七次代表大会召开', organisers: ['海淀区总工会'], kind: 'congress', date: '6-18..6-19', figures: [] },
    { key: '平谷区总工会举办2023年度', headline: '平谷区总工会举办“当好主人翁 建功新时代”座谈会', organisers: ['平谷区总工会'], kind: 'honours', date: null, figures: [] },
    { key: '龙潭公园湖面', headline: '东城职工组队龙潭湖上赛龙舟', organisers: ['东城区总工会'], kind: 'tournament', date: '6-20', figures: ['17|支', '6|支', '2|个'] },
    { key: '送上西瓜解解暑', headline: '北京经济技术开发区工会“送清凉”慰问进工地', organisers: ['北京经济技术开发区总工会'], kind: 'welfare', date: null, figures: ['10000|斤'] },
    { key: '副中心职工足球联赛开幕', headline: '第四届副中心职工足球联赛开赛', organisers: ['new:市直机关工会', '通州区总工会'], kind: 'tournament', date: null, figures: ['40|支', '2|个', '3|个'] },
    { key: '顺义区职工服务(帮扶)中心协同', headline: '顺义区总工会走访基层开展法律服务交流工作', organisers: ['顺义区总工会'], kind: 'legal', date: null, figures: ['27|家', '1|名', '1000|份|~'] },
  ],
  '002_9b1904e60bdc6280.txt': [
    { key: '"市级示范公益送教"项目,结合', headline: '市总工会"市级示范公益送教"项目两年覆盖3万职工', organisers: ['北京市总工会'], kind: 'training', date: null, figures: ['30000|', '30|场'] },
    { key: '北京铁路局丰台机务段举行', headline: null, organisers: ['北京市交通运输工会'], kind: 'innovation', date: null, figures: ['13|个'] },
    { key: '怀柔区委宣传部、区总工会', headline: null, isPhoto: true, organisers: ['怀柔区总工会'], kind: 'contest', date: null, figures: ['3|个'] },
    { key: '南磨房地区工委、办事处联合', headline: '南磨房地区健步走活动凝聚奋进力量', organisers: ['南磨房地区总工会'], kind: 'event', date: null, figures: ['500|名|~'] },
    { key: '植物奇遇记', headline: null, isPhoto: true, organisers: ['北京建工三建工程建设有限公司工会'], kind: 'event', date: null, figures: ['20|名|~'] },
    { key: '不忘初心为职工', headline: '昌平区市级职工沟通会吸引近500名职工入会', organisers: ['昌平区总工会'], kind: 'outreach', date: null, figures: ['500|名|~', '498|名', '482|家', '96|%|~', '179|场', '24|场', '4500|人|~'] },
    { key: '爱与饰界同行', headline: '中建二局装饰公司"爱心驿站"落户儿童村', organisers: ['new:中建二局装饰公司工会'], kind: 'welfare', date: null, figures: [] },
  ],
  '003_d64f82ff6841a4f4.txt': [
    { key: '组建劳模宣讲团,推进区域性', headline: '东城区总工会列出12项重点工作清单', organisers: ['东城区总工会'], kind: 'workplan', date: null, figures: ['12|项', '1793|个', '8327|家', '179000|人|~', '17|个'] },
    { key: '北京市总工会女职工部、市政法卫生文化工会', headline: '“燕缘际会·爱情音乐会”单身职工交友联谊活动举办', organisers: ['北京市总工会', 'new:市政法卫生文化工会'], kind: 'event', date: null, figures: ['300|名|~', '126|家', '800|名|~'] },
    { key: '天桥街道总工会2023年度财务培训班开课', headline: '天桥街道总工会开班讲解工会经费管理', organisers: ['天桥街道总工会'], kind: 'training', date: null, figures: ['30|家|~', '50|人|~', '3|个'] },
    { key: '首开天岳恒公司工会邀请', headline: '首开天岳恒公司工会开办职工心理减压课', organisers: ['北京首开天岳恒置业有限公司工会'], kind: 'training', date: null, figures: ['48|名', '6|个'] },
    { key: '佳作书局', headline: '读书促履职 建功副中心', isPhoto: true, organisers: [], kind: 'event', date: null, figures: [] },
    { key: '浙江龙港专场', headline: '全国工会职工书屋示范性主题阅读交流活动在中建二局项目举办', organisers: [], kind: 'event', date: null, figures: ['3|位', '21|个', '4|个'] },
    { key: '第十七车队工会在固安西场站', headline: '趣味活动迎中秋', isPhoto: true, organisers: ['new:北京公交集团客六分公司第十七车队工会'], kind: 'event', date: null, figures: ['5|项'] },
  ],
  '004_ebe8cf99d915d2af.txt': [
    { key: '北京市建筑工会走进北京建工市政集团', headline: '北京市建筑工会走访慰问重点工程建设者', organisers: ['北京市建筑工会'], kind: 'welfare', date: null, figures: [] },
    { key: '该市场工会为商户', headline: '户外劳动者获“清凉”慰问品', isPhoto: true, organisers: ['北京新发地农产品批发市场中心工会'], kind: 'welfare', date: null, figures: [] },
    { key: '北京建工一建公司工会开展了', headline: '清凉关爱 送进工地', isPhoto: true, organisers: ['北京建工一建工程建设有限公司工会'], kind: 'welfare', date: null, figures: [] },
    { key: '专线首发启动仪式', headline: '海淀区总工会“科技+杏福”专线开进汉王大厦', organisers: ['海淀区总工会'], kind: 'event', date: null, figures: ['50|位|~', '30|家|~', '33|班次', '1500|名|~', '15|家'] },
    { key: '北京市自来水集团工会、市自来水集团职工艺术家协会', headline: '市自来水集团工会开展职工诗歌朗诵活动', organisers: ['北京市自来水集团有限责任公司工会'], kind: 'event', date: null, figures: ['3|个', '37|家', '37|个', '350|名|~', '4|个', '6|个', '9|个', '18|个'] },
    { key: '丰台区深化产业工人队伍建设改革专题培训班近日举办', headline: '丰台区深化“产改”专题培训班举办', organisers: [], kind: 'training', date: null, figures: ['120|人|~'] },
    { key: '鸿运承物业管理中心工会针对', headline: '鸿运承物业管理中心工会创建协作区工作模式', organisers: ['北京公交集团鸿运承物业管理中心工会'], kind: 'workplan', date: null, figures: ['27|个', '5|个'] },
  ],
};
