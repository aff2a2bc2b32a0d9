import { defineErrors } from './errors.js';

/** Errors of the applications module (joining applications and their review). */
export const applicationErrors = defineErrors({
  APPLICATION_PENDING: {
    status: 409,
    'zh-CN': '该身份证号已有一份待审核的入会申请，请用查询码查看进度',
    en: 'An application with this ID number is already waiting for review; check it with its tracking code',
  },
  APPLICATION_NOT_PENDING: {
    status: 409,
    'zh-CN': '有 {count} 份申请已处理过，请刷新后重试',
    en: '{count} of these applications were already decided; reload and try again',
  },
  REJECT_REASON_REQUIRED: { status: 422, 'zh-CN': '退回申请须填写原因', en: 'A rejection needs a reason' },
  MEETING_ORG_MISMATCH: {
    status: 422,
    'zh-CN': '所选沟通会不属于该工会的上级或本级',
    en: 'That outreach meeting does not belong to this union or its parents',
  },
  TRACKING_NOT_FOUND: { status: 404, 'zh-CN': '查询码或手机号不正确', en: 'Wrong tracking code or phone number' },
  EMPLOYER_UNKNOWN: {
    status: 422,
    'zh-CN': '所填企业（编号 {id}）不存在或不在您可查看的范围内，请重新选择',
    en: 'Employer {id} does not exist or is outside what you may see; choose it again',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    applications: typeof applicationErrors;
  }
}
