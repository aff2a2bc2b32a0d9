import { defineErrors } from './errors.js';

/** Errors of matchmaking (联谊). */
export const matchmakingErrors = defineErrors({
  MATCHMAKING_DISABLED: { status: 409, 'zh-CN': '该活动未开启联谊', en: 'Matchmaking is not open for this event' },
  MATCHMAKING_NO_PROFILE: {
    status: 409,
    'zh-CN': '请先填写本活动的联谊资料',
    en: 'Fill in your matchmaking profile for this event first',
  },
  MATCHMAKING_CONSENT_REQUIRED: {
    status: 400,
    'zh-CN': '填写“{field}”需要您单独同意（敏感个人信息）',
    en: '“{field}” is sensitive personal data: it needs your separate consent',
  },
  MATCHMAKING_RATE_LIMITED: {
    status: 429,
    'zh-CN': '今天的心动次数（{limit} 次）已用完，明天再来',
    en: 'You have used today’s {limit} interests; come back tomorrow',
  },
  MATCHMAKING_SELF: { status: 400, 'zh-CN': '不能对自己的资料操作', en: 'That is your own profile' },
  MATCHMAKING_NO_POINTS: {
    status: 409,
    'zh-CN': '该活动没有积分项目，互动任务暂不计分',
    en: 'This event has no points programme, so tasks earn nothing yet',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    matchmaking: typeof matchmakingErrors;
  }
}
