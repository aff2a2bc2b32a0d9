import { defineErrors } from './errors.js';

/** Errors of event photos (活动图片). */
export const eventPhotosErrors = defineErrors({
  EVENT_PHOTO_TYPE: {
    status: 400,
    'zh-CN': '只能上传 JPEG、PNG 或 WebP 格式的图片（按文件内容识别，与文件名无关）',
    en: 'Only JPEG, PNG or WebP images can be uploaded (recognised by the file content, not its name)',
  },
  EVENT_PHOTO_TOO_LARGE: {
    status: 400,
    'zh-CN': '图片不能超过 {maxMb} MB',
    en: 'An image may be at most {maxMb} MB',
  },
  EVENT_PHOTO_TOO_MANY: {
    status: 409,
    'zh-CN': '每个活动最多 {max} 张图片，请先删除不需要的图片',
    en: 'An event may have at most {max} photos; delete one you no longer need first',
  },
  EVENT_PHOTO_NONE: { status: 404, 'zh-CN': '该活动没有这张图片', en: 'This event has no such photo' },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    eventPhotos: typeof eventPhotosErrors;
  }
}
