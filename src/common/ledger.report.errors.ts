import { defineErrors } from './errors.js';

/** Errors of reading a news report into proposed ledger entries. */
export const ledgerReportErrors = defineErrors({
  LEDGER_REPORT_EMPTY: {
    status: 422,
    'zh-CN': '报道内容为空，请粘贴或上传报纸版面的文字',
    en: 'The report is empty; paste or upload the text of a newspaper page',
  },
  LEDGER_REPORT_BINARY: {
    status: 415,
    'zh-CN': '这不是文本文件（看起来是图片、PDF 或其他二进制文件），请上传纯文本（.txt）',
    en: 'This is not a text file (it looks like an image, a PDF or another binary file); upload plain text (.txt)',
  },
  LEDGER_REPORT_PAGE_TOO_LARGE: {
    status: 413,
    'zh-CN': '文本过大：一个版面最多 {maxMb} MB（收到 {gotMb} MB），请分版面粘贴或改用文件上传',
    en: 'The text is too large: one page may be at most {maxMb} MB (got {gotMb} MB); paste page by page or upload a file',
  },
  LEDGER_REPORT_UPLOAD_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件过大：一次上传最多 {maxMb} MB，请分成较小的文件上传',
    en: 'The file is too large: one upload may be at most {maxMb} MB; split it into smaller files',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    ledgerReport: typeof ledgerReportErrors;
  }
}
