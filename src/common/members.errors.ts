import { defineErrors } from './errors.js';

/** Errors of the members module. */
export const memberErrors = defineErrors({
  RECEIVING_ORG_KIND: {
    status: 422,
    'zh-CN': '只能加入基层工会、联合工会或分会',
    en: 'Members join a grassroots union, a joint union or a branch',
  },
  ALREADY_MEMBER: { status: 409, 'zh-CN': '该身份证号已是本工会会员', en: 'This ID number already belongs to a member of this union' },
  AFFILIATION_IS_PRIMARY: { status: 422, 'zh-CN': '这是该会员的主会籍所在工会', en: 'This is the member’s primary union' },
  MEMBER_NOT_ACTIVE: { status: 409, 'zh-CN': '该会员当前不在会', en: 'This member is not active' },
  MEMBER_ALREADY_ACTIVE: { status: 409, 'zh-CN': '该会员已在会', en: 'This member is already active' },
  PHONE_UNCHANGED: {
    status: 422,
    'zh-CN': '新手机号与登记的手机号相同',
    en: 'The new phone number is the one on record',
  },
  REVEAL_QUOTA_SPENT: {
    status: 429,
    'zh-CN': '您本小时查看完整证件号或手机号的次数已达上限（{limit} 次），请稍后再试',
    en: 'You have reached the limit of {limit} full ID number or phone reveals this hour; try again later',
  },
  EXPORT_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '导出完整（不打码）名单须填写理由（2–200 字）',
    en: 'Exporting full (unmasked) data needs a reason (2–200 characters)',
  },
  FULL_EXPORT_QUOTA_SPENT: {
    status: 429,
    'zh-CN': '您今天导出完整名单的次数已达上限（{limit} 次），可导出打码名单，或明天再试',
    en: 'You have reached the limit of {limit} full exports today; export masked data or try again tomorrow',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    members: typeof memberErrors;
  }
}
