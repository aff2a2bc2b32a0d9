import { defineErrors } from './errors.js';

/** Errors of the imports module (roster uploads and their error files). */
export const importErrors = defineErrors({
  UPLOAD_MISSING: { status: 400, 'zh-CN': '请选择要上传的名册文件', en: 'Choose a roster file to upload' },
  UPLOAD_TOO_LARGE: { status: 413, 'zh-CN': '文件超过 {maxMb} MB 上限', en: 'The file exceeds the {maxMb} MB limit' },
  UPLOAD_TYPE: { status: 415, 'zh-CN': '只接受 .xlsx 或 .csv 文件', en: 'Only .xlsx or .csv files are accepted' },
  IMPORT_NO_ERRORS: { status: 404, 'zh-CN': '该导入没有错误行', en: 'This import has no rejected rows' },
  IMPORT_NO_ELSEWHERE: {
    status: 404,
    'zh-CN': '该导入中没有其他工会的会员',
    en: 'This import names no member of another union',
  },
  IMPORT_ERRORS_EXPIRED: {
    status: 410,
    'zh-CN': '错误文件已超过保留期（{days} 天）并已删除；如需错误行，请重新导入该名册',
    en: 'The error file was deleted after its retention period ({days} days); import the roster again to get its rejected rows',
  },
  IMPORT_ERRORS_UNREADABLE: {
    status: 500,
    'zh-CN': '错误文件无法解密：密钥不符或文件已损坏',
    en: 'The error file cannot be decrypted: the key does not match or the file is damaged',
  },
  IMPORT_ERRORS_OUT_EXISTS: {
    status: 409,
    'zh-CN': '目标文件 {file} 已存在，不会覆盖',
    en: 'The target file {file} already exists and will not be overwritten',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    imports: typeof importErrors;
  }
}
