/** Chinese (default) strings of member cards. `i18n.en.ts` has exactly the same keys. */
export const messages = {
  card: {
    title: '会员服务卡',
    cardNo: '卡号',
    holder: '持卡人',
    union: '所在工会',
    refreshIn: '{{time}} 后自动刷新',
    refreshing: '正在刷新…',
    show: '向工作人员出示此二维码即可核验会员身份',
    unavailable: '会员卡不可用',
    reopen: '重新打开',
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    cards: typeof messages;
  }
}
