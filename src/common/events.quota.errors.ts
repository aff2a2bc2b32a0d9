import { defineErrors } from './errors.js';

/** Errors of quotas per unit of first-come sessions (events.quota.ts). */
export const eventQuotaErrors = defineErrors({
  EVENT_QUOTAS_EXCEED_CAPACITY: {
    status: 409,
    'zh-CN': '各单位名额之和（{reserved}）不能超过班次名额（{capacity}）',
    en: 'The quotas add up to {reserved}, more than the session capacity of {capacity}',
  },
  EVENT_QUOTAS_EXCEED_FREE: {
    status: 409,
    'zh-CN': '各单位名额之和不能超过 {free}：其余名额已被非配额报名占用',
    en: 'The quotas cannot add up to more than {free}: the other places are already held through open sign-ups',
  },
  EVENT_QUOTA_BELOW_TAKEN: {
    status: 409,
    'zh-CN': '{orgName} 的名额不能少于已占用的 {taken} 个',
    en: 'The quota of {orgName} cannot go below the {taken} places already taken',
  },
  EVENT_QUOTA_FIRST_COME_ONLY: {
    status: 409,
    'zh-CN': '单位名额只适用于先到先得的活动（抽签、积分排名请在抽签方案中设名额）',
    en: 'Unit quotas apply to first-come events only (a lottery or ranking sets its quotas in the draw plan)',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    eventQuotas: typeof eventQuotaErrors;
  }
}
