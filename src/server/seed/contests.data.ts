/**
 * The demo's poetry contest (seed 004): 市自来水集团工会's “五月的鲜花” 职工诗歌朗诵活动 — 37 units sent 37 acts (348, “近350”
 * performers), judged on 题材内容 / 表现形式 / 选手素质 / 现场发挥; 3 最佳表演奖, 6 最佳风采奖, 9 优秀表演奖, 3 最佳创作奖,
 * 4 优秀组织奖, the top 18 to the showcase. The units are the group's branch unions (分工会) the seed adds under the
 * group's union; the titles are ours.
 */
export const POETRY_CONTEST_TITLE = '“五月的鲜花”职工诗歌朗诵活动';
export const POETRY_CONTEST = {
  entries: 37,
  performers: 348,
  best: 3,
  style: 6,
  excellent: 9,
  writing: 3,
  organisation: 4,
  showcase: 18,
} as const;

/** The group's 37 units that sent an act, each with its act's title and its number of performers (350 in all). */
export const POETRY_UNITS: readonly { unit: string; title: string; performers: number }[] = [
  { unit: '第一水厂分工会', title: '《百年京水》', performers: 12 },
  { unit: '第三水厂分工会', title: '《水脉》', performers: 9 },
  { unit: '第八水厂分工会', title: '《守望一泓清水》', performers: 10 },
  { unit: '第九水厂分工会', title: '《源头》', performers: 14 },
  { unit: '郭公庄水厂分工会', title: '《南水北来》', performers: 11 },
  { unit: '田村山水厂分工会', title: '《山下的灯火》', performers: 8 },
  { unit: '城子水厂分工会', title: '《老厂新歌》', performers: 9 },
  { unit: '门头沟水厂分工会', title: '《西山水长》', performers: 7 },
  { unit: '长辛店水厂分工会', title: '《铁轨旁的水塔》', performers: 8 },
  { unit: '东水西调工程分工会', title: '《一条管线的远方》', performers: 10 },
  { unit: '管网运营分公司分工会', title: '《地下的长城》', performers: 13 },
  { unit: '东城管网所分工会', title: '《胡同里的阀门》', performers: 9 },
  { unit: '西城管网所分工会', title: '《夜巡》', performers: 8 },
  { unit: '朝阳管网所分工会', title: '《抢修》', performers: 11 },
  { unit: '海淀管网所分工会', title: '《凌晨四点的北京》', performers: 9 },
  { unit: '丰台管网所分工会', title: '《我是一名管线工》', performers: 10 },
  { unit: '石景山管网所分工会', title: '《钢花与水花》', performers: 7 },
  { unit: '客户服务中心分工会', title: '《96116》', performers: 12 },
  { unit: '营销服务中心分工会', title: '《一张水费单》', performers: 8 },
  { unit: '水质监测中心分工会', title: '《每一滴都算数》', performers: 9 },
  { unit: '水质检测研究院分工会', title: '《显微镜下的春天》', performers: 7 },
  { unit: '调度中心分工会', title: '《城市的脉搏》', performers: 9 },
  { unit: '信息中心分工会', title: '《数字水网》', performers: 8 },
  { unit: '建设工程公司分工会', title: '《开拓者》', performers: 12 },
  { unit: '设计院分工会', title: '《蓝图》', performers: 8 },
  { unit: '水表计量公司分工会', title: '《刻度》', performers: 7 },
  { unit: '水务技术研究院分工会', title: '《攻关》', performers: 9 },
  { unit: '物资供应公司分工会', title: '《后方》', performers: 8 },
  { unit: '车辆运输公司分工会', title: '《路上》', performers: 10 },
  { unit: '怀柔水务分工会', title: '《雁栖湖畔》', performers: 9 },
  { unit: '密云水务分工会', title: '《一库清水》', performers: 11 },
  { unit: '延庆水务分工会', title: '《长城脚下的泉》', performers: 8 },
  { unit: '房山水务分工会', title: '《拒马河的歌》', performers: 9 },
  { unit: '通州水务分工会', title: '《副中心的水》', performers: 10 },
  { unit: '大兴水务分工会', title: '《新国门》', performers: 9 },
  { unit: '机关分工会', title: '《颂歌新时代》', performers: 11 },
  { unit: '离退休职工分工会', title: '《致青春》', performers: 9 },
];
