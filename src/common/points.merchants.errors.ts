import { defineErrors } from './errors.js';

/** Errors of merchants, cashiers and redemptions (积分商户与核销). */
export const pointsMerchantErrors = defineErrors({
  POINTS_CODE_INVALID: {
    status: 422,
    'zh-CN': '付款码无效，请让会员刷新后重新出示',
    en: 'This payment code is not valid; ask the member to refresh and show it again',
  },
  POINTS_CODE_EXPIRED: {
    status: 409,
    'zh-CN': '付款码已过期（有效期 2 分钟），请让会员刷新后重新出示',
    en: 'This payment code has expired (valid for 2 minutes); ask the member to refresh it',
  },
  POINTS_CODE_USED: {
    status: 409,
    'zh-CN': '该付款码已用于另一笔消费，请让会员刷新付款码',
    en: 'This payment code was already used for another charge; ask the member to refresh it',
  },
  POINTS_MERCHANT_SUSPENDED: {
    status: 409,
    'zh-CN': '该商户已暂停积分消费',
    en: 'This merchant is suspended and cannot take points',
  },
  POINTS_MERCHANT_NOT_DESIGNATED: {
    status: 409,
    'zh-CN': '该商户不是此积分项目的定点商户',
    en: 'This merchant is not designated for that points programme',
  },
  POINTS_PROGRAMME_REQUIRED: {
    status: 422,
    'zh-CN': '该商户接受多个积分项目，请选择项目',
    en: 'This merchant takes several programmes: choose one',
  },
  POINTS_PROGRAMME_OUT_OF_REACH: {
    status: 422,
    'zh-CN': '只能指定本级或上级单位的积分项目',
    en: 'Only programmes of this node or of a node above it can be designated',
  },
  POINTS_ITEM_UNKNOWN: {
    status: 422,
    'zh-CN': '该商品不属于本商户或已下架',
    en: 'This item is not on this merchant’s catalogue',
  },
  POINTS_IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    'zh-CN': '缺少请求编号（Idempotency-Key 请求头），无法安全重试',
    en: 'The Idempotency-Key header is required so that a retry is safe',
  },
  POINTS_NOT_A_HOLD: {
    status: 409,
    'zh-CN': '这笔消费不是预扣，无需确认或撤销',
    en: 'This charge is not a hold: there is nothing to post or void',
  },
  POINTS_USCC_INVALID: {
    status: 422,
    'zh-CN': '统一社会信用代码无效',
    en: 'The unified social credit code is not valid',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    pointsMerchants: typeof pointsMerchantErrors;
  }
}
