/** Chinese (default) strings of coverage figures, the dashboard and data quality. `i18n.en.ts` has exactly the same keys. */
export const messages = {
  coverage: {
    grassrootsUnions: '基层工会数',
    employersCovered: '覆盖企业数',
    members: '会员数',
    employees: '职工数',
    membershipRate: '入会率',
    unionisationRate: '建会率',
    employers: '企业总数',
    employers100plus: '百人以上企业',
    membershipRateHelp: '会员数 ÷ 已建会单位职工数',
    unionisationRateHelp: '已建会的百人以上单位 ÷ 全部百人以上单位',
  },
  dashboard: {
    menu: '数据看板',
    title: '数据看板',
    countsChart: '下级组织：基层工会数与覆盖企业数',
    ratesChart: '下级组织：入会率与建会率',
    drillHint: '点击柱形可查看该下级组织',
    noChildren: '该组织没有下级组织',
    up: '返回上级',
    openOrg: '打开组织页面',
    shownLargest: '显示规模最大的 {{shown}} 个下级组织（共 {{total}} 个）',
    fellBack: '所选组织不在您的管辖范围内（或已不存在），已显示您所辖的组织。',
    outOfView: '该组织不在您的管辖范围内，或已不存在',
  },
  trend: {
    title: '月度趋势：会员数、入会率与建会率',
    live: '实时',
    yearOnYear: '同比',
    monthOnMonth: '环比',
    points: '{{value}} 个百分点',
  },
  map: {
    title: '北京市各区覆盖情况',
    metric: { membershipRate: '入会率', unionisationRate: '建会率', members: '会员数' },
    hint: '共 {{count}} 个区；点击区域查看该区数据看板',
    outOfScope: '不在您的管辖范围内',
    high: '高',
    low: '低',
  },
  report: {
    button: '统计报表',
    title: '统计报表（Excel）',
    help: '选择月份：本月为实时数据，以往月份取月末快照',
    download: '下载报表',
  },
  quality: {
    score: '数据质量',
    help: '满分 100：会员信息完整占 {{completeness}}%，名册身份证号有效占 {{validIds}}%，身份证号不重复占 {{uniqueIds}}%。',
    table: '下级组织：数据质量',
    incomplete: '信息不完整',
    submitted: '名册身份证号',
    invalid: '无效身份证号',
    duplicate: '重复身份证号',
    overRate: '入会率超过 100% 的组织',
    overRateHelp:
      '会员数多于已建会单位职工数，数据不可能真实：多为名册中混入其他单位的人员，或企业职工人数未更新。请核对名册的“所在单位”与企业职工人数。',
    employeesCovered: '已建会单位职工数',
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    coverage: typeof messages;
  }
}
