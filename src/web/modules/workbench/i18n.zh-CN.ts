/** Chinese (default) strings of the 工作台 (the console's home). `i18n.en.ts` has exactly the same keys. */
export const messages = {
  workbench: {
    menu: '工作台',
    title: '工作台',
    greeting: '{{name}}，您好',
    todos: '待办事项',
    nothingWaits: '暂无待办',
    open: '去处理',
    figures: '关键指标',
    members: '会员数',
    membershipRate: '入会率',
    unionisationRate: '建会率',
    grassrootsUnions: '基层工会',
    activity: '最近动态',
    ownActivity: '我的最近操作',
    noActivity: '暂无动态',
    allAudit: '查看操作日志',
    dashboard: '查看统计',
    moreNodes: '仅显示前 {{count}} 个组织',
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    workbench: typeof messages;
  }
}
