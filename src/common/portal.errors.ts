import { defineErrors } from './errors.js';

/** Errors of the member portal (member sessions). */
export const portalErrors = defineErrors({
  MEMBER_UNAUTHENTICATED: {
    status: 401,
    'zh-CN': '请先用手机验证码登录会员服务',
    en: 'Sign in to the member pages with a code sent to your phone first',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    portal: typeof portalErrors;
  }
}
