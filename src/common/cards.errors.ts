import { defineErrors } from './errors.js';

/** Errors of the cards module (membership cards). */
export const cardErrors = defineErrors({
  CARD_NOT_ACTIVE: { status: 409, 'zh-CN': '该会员卡未启用或已注销', en: 'This card is not active or was revoked' },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    cards: typeof cardErrors;
  }
}
