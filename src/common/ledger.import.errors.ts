import { defineErrors } from './errors.js';

/** Errors of the report import of the work ledger (drafts of proposed entries). */
export const ledgerImportErrors = defineErrors({
  LEDGER_IMPORT_DECIDED: {
    status: 409,
    'zh-CN': '这条拟记条目已经确认或舍弃，不能再次处理',
    en: 'This proposed entry has already been confirmed or discarded',
  },
  LEDGER_IMPORT_NO_ITEMS: {
    status: 422,
    'zh-CN': '在这段文字中没有找到新闻条目，请粘贴报纸版面的正文',
    en: 'No news item was found in this text; paste the text of a newspaper page',
  },
  LEDGER_IMPORT_UPLOAD_MISSING: {
    status: 400,
    'zh-CN': '请粘贴版面文字（text/plain）或上传一个 .txt 文件',
    en: 'Paste the text of the page (text/plain) or upload one .txt file',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    ledgerImport: typeof ledgerImportErrors;
  }
}
