import { defineErrors } from './errors.js';

/** Errors of the photos of a ledger entry (台账照片). */
export const ledgerPhotosErrors = defineErrors({
  LEDGER_PHOTO_TYPE: {
    status: 400,
    'zh-CN': '只能上传 JPEG、PNG 或 WebP 格式的图片（按文件内容识别，与文件名无关）',
    en: 'Only JPEG, PNG or WebP images can be uploaded (recognised by the file content, not its name)',
  },
  LEDGER_PHOTO_TOO_LARGE: {
    status: 400,
    'zh-CN': '图片不能超过 {maxMb} MB',
    en: 'An image may be at most {maxMb} MB',
  },
  LEDGER_PHOTO_TOO_MANY: {
    status: 409,
    'zh-CN': '每条台账最多 {max} 张照片，请先删除不需要的照片',
    en: 'A ledger entry may have at most {max} photos; delete one you no longer need first',
  },
  LEDGER_PHOTO_NONE: { status: 404, 'zh-CN': '该台账条目没有这张照片', en: 'This ledger entry has no such photo' },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    ledgerPhotos: typeof ledgerPhotosErrors;
  }
}
