import { defineErrors } from './errors.js';

/** Errors of named non-members of events (非会员, events.guests.ts). */
export const eventGuestErrors = defineErrors({
  EVENT_GUEST_DUPLICATE: {
    status: 409,
    'zh-CN': '该手机号已登记为本活动的非会员',
    en: 'A guest with this mobile number is already on this event',
  },
  EVENT_GUEST_FIRST_COME_ONLY: {
    status: 409,
    'zh-CN': '非会员只能报名先到先得的班次（抽签、积分排名和志愿分配只面向会员）',
    en: 'Guests can sign up for first-come sessions only (a lottery, points ranking or preferences is for members)',
  },
  EVENT_GUEST_ORG_NOT_ORGANISER: {
    status: 422,
    'zh-CN': '邀请单位须是本活动的主办或协办单位，且在您的管理范围内',
    en: 'The inviting unit must be the owner or a co-organiser of this event, within your reach',
  },
  EVENT_GUEST_TOO_MANY: {
    status: 409,
    'zh-CN': '每个活动最多登记 {max} 名非会员',
    en: 'An event can hold at most {max} guests',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    eventGuests: typeof eventGuestErrors;
  }
}
