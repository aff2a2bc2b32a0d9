import { defineErrors } from './errors.js';

/** Errors of the points ledger (积分). */
export const pointsErrors = defineErrors({
  POINTS_INSUFFICIENT: {
    status: 409,
    'zh-CN': '积分不足：可用 {available} 分，需要 {amount} 分',
    en: 'Not enough points: {available} available, {amount} needed',
  },
  POINTS_KEY_REUSED: {
    status: 409,
    'zh-CN': '该请求编号已用于另一笔不同的积分操作',
    en: 'This request id was already used for a different points operation',
  },
  POINTS_ALREADY_REVERSED: {
    status: 409,
    'zh-CN': '这笔积分记录已冲正过，不能再次冲正',
    en: 'This points transfer has already been reversed',
  },
  POINTS_ALREADY_SPENT: {
    status: 409,
    'zh-CN': '这笔奖励中已有 {spent} 分被使用或过期，不能全额撤回；可选择记入追回账户',
    en: '{spent} points of this award were already spent or expired, so it cannot be taken back in full; it can be booked to the claw-back account',
  },
  POINTS_NOT_REVERSIBLE: {
    status: 422,
    'zh-CN': '只有已入账的奖励和消费可以冲正',
    en: 'Only posted awards and spends can be reversed',
  },
  POINTS_HOLD_OPEN: {
    status: 409,
    'zh-CN': '这笔奖励的积分正被一笔未完成的消费预扣，请在预扣确认或撤销后再冲正',
    en: 'Points of this award are held by a charge not yet confirmed or cancelled; reverse it once the hold is resolved',
  },
  POINTS_HOLD_RESOLVED: {
    status: 409,
    'zh-CN': '这笔预扣已经确认或撤销',
    en: 'This hold was already posted or voided',
  },
  POINTS_HOLD_EXPIRED: {
    status: 409,
    'zh-CN': '这笔预扣已超时，积分已退回',
    en: 'This hold timed out and the points were released',
  },
  POINTS_ACCOUNT_MISMATCH: {
    status: 422,
    'zh-CN': '账户不属于该积分项目',
    en: 'The accounts do not belong to this programme',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    points: typeof pointsErrors;
  }
}
