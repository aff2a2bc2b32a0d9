import { defineErrors } from './errors.js';

/** Errors of the users module (cadre accounts). */
export const userErrors = defineErrors({
  USERNAME_TAKEN: { status: 409, 'zh-CN': '用户名“{username}”已存在', en: 'Username "{username}" is taken' },
  CANNOT_DISABLE_SELF: { status: 422, 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    users: typeof userErrors;
  }
}
