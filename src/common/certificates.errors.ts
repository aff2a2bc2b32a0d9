import { defineErrors } from './errors.js';

/** Errors of printing certificates (荣誉证书). */
export const certificateErrors = defineErrors({
  CERTIFICATE_FONT_MISSING: {
    status: 503,
    'zh-CN': '服务器上没有可用的中文字体，暂时无法生成证书（请安装 fonts-noto-cjk，或设置 GONGHUI_CERTIFICATE_FONT）；已查找：{path}',
    en: 'No Chinese font is installed on the server, so certificates cannot be made yet (install fonts-noto-cjk or set GONGHUI_CERTIFICATE_FONT); looked in: {path}',
  },
  CERTIFICATE_NONE: { status: 409, 'zh-CN': '没有可以打印证书的奖项', en: 'There is no award to print a certificate for' },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    certificates: typeof certificateErrors;
  }
}
