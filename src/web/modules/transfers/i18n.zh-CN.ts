/** Chinese (default) strings of membership transfers (会籍转移). `i18n.en.ts` has exactly the same keys. */
export const messages = {
  transfer: {
    todo: '待确认转出',
    incoming: '转入',
    outgoing: '转出',
    status: { pending: '待确认', confirmed: '已确认', rejected: '已拒绝', cancelled: '已取消' },
    field: {
      member: '会员',
      from: '转出工会',
      to: '转入工会',
      requestedAt: '申请时间',
      autoConfirmAt: '自动确认日期',
      note: '备注',
      status: '状态',
    },
    request: '发起转入',
    requestTitle: '发起会籍转入',
    requestHint: '按身份证号找到会员（每次查找均记入审计，且有每小时上限）。转移须会员本人用手机验证码同意，并经其现所在工会确认。',
    toOrg: '转入工会',
    requested: '已发起转移，等待会员本人同意及 {{from}} 确认',
    confirm: '确认转出',
    reject: '拒绝',
    decideTitle: '{{action}}：{{name}}（{{from}} → {{to}}）',
    confirmed: '已确认转出',
    rejectedMsg: '已拒绝转移',
    autoHint: '会员已同意的转移，{{date}} 前原工会未处理将自动确认',
    consent: { none: '待会员同意', code: '会员已同意（验证码）', paper: '会员已同意（纸质）' },
    released: '原工会已确认',
    paperRef: '会员签署的纸质同意书编号（如有）',
    paperHint: '会员尚未在手机上同意。如已收到其签署的纸质同意书，填写编号后确认即转出；否则确认后待会员本人同意。',
    field2: { consent: '会员同意' },
    empty: '没有会籍转移',
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    transfers: typeof messages;
  }
}
