import { format, type Locale } from '../../../common/i18n.js';
import { errorMessage, type ErrorCode } from '../../../common/errors.js';
import '../../../common/identity.errors.js';
import type { ColumnHeader } from './roster.columns.js';

/** What can be wrong with one roster row; each code has a message per language below. */
export type RowProblemCode =
  | 'NAME_MISSING'
  | 'NAME_TOO_LONG'
  | 'NAME_FORMULA'
  | 'NAME_CHARS'
  | 'ID_MISSING'
  | 'ID_SCIENTIFIC'
  | 'ID_LEGACY15'
  | 'ID_LENGTH'
  | 'ID_CHAR'
  | 'ID_REGION'
  | 'ID_BIRTHDATE'
  | 'ID_CHECK'
  | 'ID_DUPLICATE'
  | 'PHONE_MISSING'
  | 'PHONE_LENGTH'
  | 'PHONE_PREFIX'
  | 'PHONE_CHAR'
  | 'GENDER_INVALID'
  | 'GENDER_MISMATCH'
  | 'EMPLOYMENT_FORM_MISSING'
  | 'EMPLOYMENT_FORM_UNKNOWN'
  | 'EMPLOYER_MISSING'
  | 'EMPLOYER_TOO_LONG'
  | 'EMPLOYER_UNKNOWN'
  | 'EMPLOYER_FORMULA'
  | 'JOIN_DATE_MISSING'
  | 'JOIN_DATE_FORMAT'
  | 'JOIN_DATE_IMPOSSIBLE'
  | 'JOIN_DATE_FUTURE'
  | 'JOIN_DATE_TOO_EARLY';

export type RowProblem = { column: ColumnHeader; code: RowProblemCode; params: Record<string, string | number> };

/** Problems an ID number or phone can have, worded once in the API's catalogue (src/common/identity.errors.ts). */
const sharedWithApi = [
  'ID_SCIENTIFIC',
  'ID_LEGACY15',
  'ID_LENGTH',
  'ID_CHAR',
  'ID_REGION',
  'ID_BIRTHDATE',
  'ID_CHECK',
  'PHONE_LENGTH',
  'PHONE_PREFIX',
  'PHONE_CHAR',
] as const satisfies readonly (RowProblemCode & ErrorCode)[];
type SharedCode = (typeof sharedWithApi)[number];
const isShared = (code: RowProblemCode): code is SharedCode => (sharedWithApi as readonly string[]).includes(code);

const messages: Record<Exclude<RowProblemCode, SharedCode>, Record<Locale, string>> = {
  NAME_MISSING: { 'zh-CN': '姓名未填写', en: 'The name is missing' },
  NAME_TOO_LONG: { 'zh-CN': '姓名过长（{length} 个字），最多 {max} 个字', en: 'The name is too long ({length} characters, at most {max})' },
  NAME_FORMULA: {
    'zh-CN': '姓名不能以 = + - @ 开头（看起来像公式），请填写真实姓名',
    en: 'A name cannot start with = + - @ (it looks like a formula); enter the real name',
  },
  NAME_CHARS: { 'zh-CN': '姓名中含有不允许的字符“{char}”', en: 'The name contains a character that is not allowed: "{char}"' },
  ID_MISSING: { 'zh-CN': '身份证号未填写', en: 'The ID number is missing' },
  ID_DUPLICATE: { 'zh-CN': '与第 {firstRow} 行身份证号重复', en: 'Same ID number as row {firstRow}' },
  PHONE_MISSING: { 'zh-CN': '手机号未填写', en: 'The mobile number is missing' },
  GENDER_INVALID: { 'zh-CN': '性别只能填“男”或“女”，当前为“{value}”', en: 'Gender must be 男 or 女, not "{value}"' },
  GENDER_MISMATCH: {
    'zh-CN': '性别填写为“{given}”，但身份证号显示为“{fromId}”，请核对',
    en: 'Gender is given as {given}, but the ID number says {fromId}; please verify',
  },
  EMPLOYMENT_FORM_MISSING: { 'zh-CN': '用工形式未填写', en: 'The employment form is missing' },
  EMPLOYMENT_FORM_UNKNOWN: {
    'zh-CN': '用工形式“{value}”无法识别，请从下拉列表选择：{choices}',
    en: 'Unknown employment form "{value}"; choose one of: {choices}',
  },
  EMPLOYER_MISSING: { 'zh-CN': '所在单位未填写', en: 'The employer is missing' },
  EMPLOYER_TOO_LONG: { 'zh-CN': '所在单位名称过长，最多 {max} 个字', en: 'The employer name is too long (at most {max} characters)' },
  EMPLOYER_UNKNOWN: {
    'zh-CN': '所在单位“{name}”不在本工会覆盖的企业中，暂未导入：请先在“企业”中新建该企业，再重新导入本文件',
    en: 'The employer "{name}" is not among the employers this union covers; the row was held: create the employer, then import the file again',
  },
  EMPLOYER_FORMULA: {
    'zh-CN': '所在单位不能以 = + - @ 开头（看起来像公式）',
    en: 'An employer name cannot start with = + - @ (it looks like a formula)',
  },
  JOIN_DATE_MISSING: { 'zh-CN': '入会日期未填写', en: 'The joining date is missing' },
  JOIN_DATE_FORMAT: {
    'zh-CN': '入会日期“{value}”无法识别，请按 2024-05-01 的格式填写',
    en: 'The joining date "{value}" is not a date; write it as 2024-05-01',
  },
  JOIN_DATE_IMPOSSIBLE: { 'zh-CN': '入会日期“{value}”不存在', en: 'The joining date "{value}" does not exist' },
  JOIN_DATE_FUTURE: { 'zh-CN': '入会日期 {value} 晚于今天', en: 'The joining date {value} is in the future' },
  JOIN_DATE_TOO_EARLY: {
    'zh-CN': '入会日期 {value} 早于出生日期（{earliest}），请核对',
    en: 'The joining date {value} is before the birth date ({earliest}); please verify',
  },
};

const genderWords: Record<Locale, Record<string, string>> = {
  'zh-CN': { male: '男', female: '女' },
  en: { male: 'male', female: 'female' },
};

/** The message a cadre reads for one problem, e.g. “身份证号校验位错误：末位应为 X，请核对”. */
export function describeProblem(problem: RowProblem, locale: Locale): string {
  const params = { ...problem.params };
  if (problem.code === 'GENDER_MISMATCH') {
    params.given = genderWords[locale][String(params.given)] ?? String(params.given);
    params.fromId = genderWords[locale][String(params.fromId)] ?? String(params.fromId);
  }
  if (problem.code === 'EMPLOYMENT_FORM_UNKNOWN' && locale === 'zh-CN') params.choices = String(params.choices).replaceAll(',', '、');
  return isShared(problem.code) ? errorMessage(problem.code, locale, params) : format(messages[problem.code][locale], params);
}

/** All problems of a row in one cell of the error file: “姓名未填写；手机号应为 11 位数字，当前为 8 位”. */
export function describeProblems(problems: readonly RowProblem[], locale: Locale): string {
  return problems.map((p) => describeProblem(p, locale)).join(locale === 'zh-CN' ? '；' : '; ');
}
