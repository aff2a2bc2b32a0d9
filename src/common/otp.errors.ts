import { defineErrors } from './errors.js';

/** Errors of the one-time codes sent to a phone. */
export const otpErrors = defineErrors({
  OTP_INVALID: {
    status: 401,
    'zh-CN': '验证码错误或已失效，请重新获取',
    en: 'The code is wrong or no longer valid; ask for a new one',
  },
  OTP_TOO_MANY: {
    status: 429,
    'zh-CN': '验证码获取过于频繁，请 {minutes} 分钟后再试',
    en: 'Too many codes asked for; try again in {minutes} minutes',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    otp: typeof otpErrors;
  }
}
