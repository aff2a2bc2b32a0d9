import { defineErrors } from './errors.js';

/** What can be wrong with a unified social credit code (统一社会信用代码); the console words them the same way. */
export const usccErrors = defineErrors({
  USCC_INVALID_LENGTH: {
    status: 422,
    'zh-CN': '统一社会信用代码应为 18 位，当前为 {length} 位',
    en: 'A unified social credit code has 18 characters, this one has {length}',
  },
  USCC_INVALID_CHAR: {
    status: 422,
    'zh-CN': '统一社会信用代码第 {position} 位“{char}”不是合法字符（不含 I、O、S、V、Z）',
    en: 'Character {position} of the unified social credit code, "{char}", is not allowed (I, O, S, V and Z never occur)',
  },
  USCC_INVALID_CHECK: {
    status: 422,
    'zh-CN': '统一社会信用代码校验位错误：末位应为“{expected}”，请核对',
    en: 'The unified social credit code fails its check: the last character should be "{expected}"; please verify it',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    uscc: typeof usccErrors;
  }
}
