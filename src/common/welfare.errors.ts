import { defineErrors } from './errors.js';

/** Errors of welfare campaigns (慰问 / 夏送清凉 / 送温暖). */
export const welfareErrors = defineErrors({
  WELFARE_KEY_REUSED: {
    status: 409,
    'zh-CN': '该操作编号已用于另一笔不同的操作，请换一个编号',
    en: 'This operation id was already used for a different operation; use a new id',
  },
  WELFARE_STOCK_SHORT: {
    status: 409,
    'zh-CN': '库存不足：{item} 在该处仅剩 {left}{unit}',
    en: 'Not enough stock: only {left} {unit} of {item} left here',
  },
  WELFARE_CAMPAIGN_CLOSED: {
    status: 409,
    'zh-CN': '该活动已结束，不再发放慰问品',
    en: 'This campaign is closed; no more hand-outs are accepted',
  },
  WELFARE_ALREADY_HANDED_OUT: {
    status: 409,
    'zh-CN': '此人已在本活动中领取过（{at} 于 {place}），每人限领一次',
    en: 'This person already received goods in this campaign ({at} at {place}); one hand-out per person',
  },
  WELFARE_PHOTO_TYPE: {
    status: 422,
    'zh-CN': '照片须为 JPG、PNG 或 WebP 图片',
    en: 'The photo must be a JPG, PNG or WebP image',
  },
  WELFARE_PHOTO_TOO_LARGE: {
    status: 413,
    'zh-CN': '照片不能超过 {maxMb} MB，请压缩后再上传',
    en: 'The photo may be at most {maxMb} MB; shrink it and upload again',
  },
  WELFARE_PHOTO_EXISTS: {
    status: 409,
    'zh-CN': '该次发放已上传过照片，照片作为凭证不可更换',
    en: 'This hand-out already has its photo; as evidence it cannot be replaced',
  },
  WELFARE_PHOTO_BATCH_ONLY: {
    status: 422,
    'zh-CN': '只有现场成批发放才需上传现场照片',
    en: 'Only a counted batch hand-out at a site takes a photo',
  },
  WELFARE_PHOTO_NONE: { status: 404, 'zh-CN': '该次发放没有照片', en: 'This hand-out has no photo' },
  WELFARE_ITEM_UNKNOWN: { status: 422, 'zh-CN': '该物资不属于本活动', en: 'The item is not part of this campaign' },
  WELFARE_NOT_BELOW: {
    status: 422,
    'zh-CN': '只能向本单位的下级单位分配物资',
    en: 'Stock can only be allocated to a node below the sending one',
  },
  WELFARE_NOT_IN_CAMPAIGN: {
    status: 422,
    'zh-CN': '该单位在本活动中没有物资（须先由上级分配并确认收货）',
    en: 'That node holds no stock in this campaign (an allocation must be received first)',
  },
  WELFARE_NOT_A_RECEIPT: {
    status: 422,
    'zh-CN': '该记录不是待确认收货的分配',
    en: 'That record is not an allocation awaiting receipt',
  },
  WELFARE_CARD_INVALID: {
    status: 422,
    'zh-CN': '会员卡二维码无效或已过期，请让会员刷新后重扫',
    en: 'The member card code is invalid or expired; ask the member to refresh it and scan again',
  },
  WELFARE_VOUCHER_ITEM: {
    status: 422,
    'zh-CN': '兑换券每人一张，数量须为 1；成批发放不能发兑换券',
    en: 'A voucher is one per person (quantity 1) and cannot be handed out in a batch',
  },
  WELFARE_BATCH_AT_SITE: {
    status: 422,
    'zh-CN': '成批发放须在发放点进行（请选择发放点）',
    en: 'A counted batch is handed out at a site (choose the site)',
  },
  WELFARE_MERCHANT_UNKNOWN: {
    status: 422,
    'zh-CN': '指定商户不存在，或不在本单位范围内',
    en: 'A designated merchant does not exist or lies outside this node',
  },
  WELFARE_NOT_CASHIER: {
    status: 403,
    'zh-CN': '您的账号不是该商户的收银员',
    en: 'Your account is not a cashier of that merchant',
  },
  WELFARE_VOUCHER_INVALID: {
    status: 422,
    'zh-CN': '兑换券二维码无效（签名不符）',
    en: 'The voucher code is invalid (its signature does not match)',
  },
  WELFARE_VOUCHER_EXPIRED: {
    status: 422,
    'zh-CN': '兑换券不在有效期内',
    en: 'The voucher is outside its period of validity',
  },
  WELFARE_VOUCHER_WRONG_MERCHANT: {
    status: 422,
    'zh-CN': '该兑换券不能在本商户使用',
    en: 'This voucher is not taken at this merchant',
  },
  WELFARE_VOUCHER_REDEEMED: {
    status: 409,
    'zh-CN': '该兑换券已于 {at} 在 {merchant} 核销，不能重复使用',
    en: 'This voucher was already redeemed at {merchant} on {at}; it cannot be used again',
  },
  WELFARE_SCAN_IN_FUTURE: {
    status: 422,
    'zh-CN': '离线扫码时间晚于当前时间，请检查手机时钟',
    en: 'An offline scan time lies in the future; check the phone clock',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    welfare: typeof welfareErrors;
  }
}
