import { defineErrors } from './errors.js';

/** What can be wrong with an ID number, phone or name (src/common/identity.ts); the console and the roster error file use the same words. */
export const identityErrors = defineErrors({
  ID_EMPTY: { status: 422, 'zh-CN': '请填写身份证号', en: 'Enter the resident ID number' },
  ID_SCIENTIFIC: {
    status: 422,
    'zh-CN': '身份证号被 Excel 转成了科学计数法（{shown}），后几位已丢失，请把该列设为文本后重新填写',
    en: 'Excel turned the ID number into a number ({shown}) and its last digits are lost; format the column as text and type the number again',
  },
  ID_LEGACY15: {
    status: 422,
    'zh-CN': '15 位旧身份证号，请提供 18 位号码',
    en: 'This is an old 15-digit ID number; please give the 18-digit number',
  },
  ID_LENGTH: {
    status: 422,
    'zh-CN': '身份证号应为 18 位，当前为 {length} 位',
    en: 'An ID number has 18 characters, this one has {length}',
  },
  ID_CHAR: {
    status: 422,
    'zh-CN': '身份证号第 {position} 位“{char}”不是数字（只有末位可以是 X）',
    en: 'Character {position} of the ID number, "{char}", is not a digit (only the last may be X)',
  },
  ID_REGION: {
    status: 422,
    'zh-CN': '身份证号前两位“{prefix}”不是有效的省级行政区代码',
    en: 'The ID number starts with "{prefix}", which is no province code',
  },
  ID_BIRTHDATE: {
    status: 422,
    'zh-CN': '身份证号中的出生日期“{date}”不存在',
    en: 'The birth date in the ID number, "{date}", does not exist',
  },
  ID_CHECK: {
    status: 422,
    'zh-CN': '身份证号校验位错误：末位应为 {expected}，请核对',
    en: 'The ID number fails its check: the last character should be {expected}; please verify it',
  },
  PHONE_EMPTY: { status: 422, 'zh-CN': '请填写手机号', en: 'Enter a mobile phone number' },
  PHONE_LENGTH: {
    status: 422,
    'zh-CN': '手机号应为 11 位数字，当前为 {digits} 位',
    en: 'A mobile number has 11 digits, this one has {digits}',
  },
  PHONE_PREFIX: { status: 422, 'zh-CN': '手机号应以 13–19 开头', en: 'A mobile number starts with 13 to 19' },
  PHONE_CHAR: { status: 422, 'zh-CN': '手机号中有非数字字符“{char}”', en: 'The mobile number contains "{char}", which is not a digit' },
  NAME_FORMULA: {
    status: 422,
    'zh-CN': '姓名不能以 = + - @ 开头，请填写真实姓名',
    en: 'A name cannot start with = + - @; enter the real name',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    identity: typeof identityErrors;
  }
}
