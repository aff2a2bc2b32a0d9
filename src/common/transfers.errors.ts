import { defineErrors } from './errors.js';

/** Errors of the transfers module (membership transfers between unions). */
export const transferErrors = defineErrors({
  TRANSFER_PENDING: {
    status: 409,
    'zh-CN': '该会员已有一项待确认的会籍转移',
    en: 'This member already has a transfer waiting for confirmation',
  },
  TRANSFER_SAME_ORG: { status: 422, 'zh-CN': '会员已在该工会，无需转移', en: 'The member already belongs to that union' },
  TRANSFER_NOT_PENDING: { status: 409, 'zh-CN': '该转移已处理', en: 'This transfer was already decided' },
  NO_MEMBER_WITH_ID: { status: 404, 'zh-CN': '没有持该身份证号的会员', en: 'No member holds this ID number' },
  TRANSFER_LOOKUPS_SPENT: {
    status: 429,
    'zh-CN': '按身份证号查找会员的次数已达每小时上限（{max} 次），请稍后再试',
    en: 'You have looked up members by ID number {max} times this hour, the limit; try again later',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    transfers: typeof transferErrors;
  }
}
