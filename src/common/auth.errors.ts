import { defineErrors } from './errors.js';

/** Sign-in and password errors of the auth layer (the password rule itself is src/common/passwords.ts). */
export const authErrors = defineErrors({
  LOGIN_FAILED: {
    status: 401,
    'zh-CN': '用户名或密码错误，或尝试次数过多，请稍后再试',
    en: 'Wrong username or password, or too many attempts; try again later',
  },
  PASSWORD_WEAK: {
    status: 422,
    'zh-CN': '密码太容易被猜到，请使用更长、更不规则的密码（例如几个不相关的词加数字和符号）',
    en: 'The password is too easy to guess; use a longer, less regular one (for example a few unrelated words with digits and symbols)',
  },
  PASSWORD_TOO_SHORT: { status: 422, 'zh-CN': '密码至少需要 {min} 个字符', en: 'A password needs at least {min} characters' },
  PASSWORD_COMMON: {
    status: 422,
    'zh-CN': '该密码属于常见密码或由常见密码稍作变化而来，请另选一个',
    en: 'This password is a common one, or a small variation of one; choose another',
  },
  PASSWORD_LIKE_USERNAME: {
    status: 422,
    'zh-CN': '密码不能包含或近似于用户名、姓名',
    en: 'The password must not contain or resemble the username or name',
  },
  PASSWORD_CURRENT_WRONG: { status: 422, 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_UNCHANGED: { status: 422, 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '首次登录须先修改系统生成的初始密码',
    en: 'Change the generated first password before doing anything else',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    auth: typeof authErrors;
  }
}
