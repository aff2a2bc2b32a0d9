import { defineErrors } from './errors.js';

/** Errors of training (送教 / 培训). */
export const trainingErrors = defineErrors({
  TRAINING_TEACHER_CLASH: {
    status: 409,
    'zh-CN': '师资“{teacher}”在该时段已安排在场次“{course}”（{startsAt} 至 {endsAt}），同一师资不能同时出现在两个场次',
    en: 'The teacher "{teacher}" is already booked for "{course}" ({startsAt} to {endsAt}); a teacher cannot teach two sessions at once',
  },
  TRAINING_PLAN_EXISTS: {
    status: 409,
    'zh-CN': '该单位 {year} 年的培训计划已存在',
    en: 'This node already has a training plan for {year}',
  },
  TRAINING_PLAN_UNKNOWN: {
    status: 422,
    'zh-CN': '所选培训计划不存在或不属于该单位及其上级',
    en: 'The chosen plan does not exist or belongs neither to this node nor above it',
  },
  TRAINING_TEACHER_UNKNOWN: {
    status: 422,
    'zh-CN': '所选师资不存在或不在您可管理的范围内',
    en: 'A chosen teacher does not exist or is outside what you manage',
  },
  TRAINING_MEMBER_UNKNOWN: {
    status: 422,
    'zh-CN': '名单中有 {count} 人不是您所辖范围内的会员',
    en: '{count} people on the list are not members within your reach',
  },
  TRAINING_SESSION_CANCELLED: {
    status: 409,
    'zh-CN': '该场次已取消，不能签到或更改',
    en: 'This session was cancelled; no check-in or change is possible',
  },
  TRAINING_STATUS_FINAL: {
    status: 409,
    'zh-CN': '该场次已是“{status}”状态，不能再改为“{wanted}”',
    en: 'This session is already {status}; it cannot become {wanted}',
  },
  TRAINING_SIGNUP_OPEN: {
    status: 409,
    'zh-CN': '该场次已开放报名（活动班次 #{eventSessionId}），不能重复开放',
    en: 'Sign-up for this session is already open (event session #{eventSessionId})',
  },
  TRAINING_SIGNUP_WINDOW: {
    status: 422,
    'zh-CN': '报名截止须晚于报名开始',
    en: 'Sign-up must close after it opens',
  },
  TRAINING_CODE_INVALID: {
    status: 422,
    'zh-CN': '签到码无效或已过期，请扫描现场屏幕上的最新二维码',
    en: 'The check-in code is wrong or has expired; scan the newest code on the screen in the room',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    training: typeof trainingErrors;
  }
}
