/** Chinese (default) strings of the text-message outbox (短信发件箱). `i18n.en.ts` has exactly the same keys. */
export const messages = {
  outbox: {
    nav: '短信发件箱',
    title: '短信发件箱',
    intro: '平台发出的全部短信（验证码、会籍转移通知），手机号已脱敏。未接入短信网关时，短信只保存在这里。',
    at: '时间',
    phone: '手机号',
    purpose: '类型',
    purposes: {
      sign_in_code: '登录验证码',
      consent_code: '转移同意验证码',
      transfer_notice: '会籍转移通知',
      event_confirmed: '活动报名成功',
      event_offer: '活动名额通知',
      event_reminder: '活动提醒',
    },
    text: '内容',
    channel: '渠道',
    channels: { outbox: '发件箱', http: '短信网关' },
    status: '状态',
    statuses: { queued: '待发送', sent: '已发送', failed: '发送失败' },
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    messages: typeof messages;
  }
}
