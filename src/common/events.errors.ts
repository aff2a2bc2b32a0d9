import { defineErrors } from './errors.js';

/** Errors of events (活动): sign-ups, waitlists, capacity. */
export const eventsErrors = defineErrors({
  EVENT_WINDOW_CLOSED: {
    status: 409,
    'zh-CN': '该班次不在报名时间内（报名时间：{opens} 至 {closes}，北京时间）',
    en: 'Sign-up for this session is not open (open {opens} to {closes}, Beijing time)',
  },
  EVENT_ALREADY_REGISTERED: {
    status: 409,
    'zh-CN': '您已报名该班次（或在候补名单中），不能重复报名',
    en: 'You already hold a registration (or a waitlist place) for this session',
  },
  EVENT_NOT_IN_AUDIENCE: {
    status: 403,
    'zh-CN': '该活动仅面向指定单位的会员，您所在工会不在范围内',
    en: 'This event is open to members of named unions only, and yours is not among them',
  },
  EVENT_NOT_OPEN: { status: 409, 'zh-CN': '该活动未开放报名', en: 'This event is not open for sign-up' },
  EVENT_SELECTION_UNSUPPORTED: {
    status: 409,
    'zh-CN': '该活动按抽签、积分排名或志愿分配选人，请在报名截止后由组织方确定名单',
    en: 'This event selects by lottery, points ranking or preferences; the organiser decides after the window closes',
  },
  EVENT_CAPACITY_BELOW_CONFIRMED: {
    status: 409,
    'zh-CN': '名额不能少于已确认的 {confirmed} 人',
    en: 'The capacity cannot go below the {confirmed} people already confirmed',
  },
  EVENT_REGISTRATION_FINAL: {
    status: 409,
    'zh-CN': '该报名已取消、过期或已结束，不能再更改',
    en: 'This registration is cancelled, expired or finished and cannot change',
  },
  EVENT_NO_OFFER: { status: 409, 'zh-CN': '该报名没有待确认的递补名额', en: 'This registration holds no offered place to accept' },
  EVENT_KEY_REUSED: {
    status: 409,
    'zh-CN': '该操作编号已用于另一次报名，请换一个编号',
    en: 'This operation id was already used for a different sign-up; use a new id',
  },
  EVENT_AUDIENCE_UNKNOWN: {
    status: 422,
    'zh-CN': '活动面向的单位须在您的管理范围内',
    en: 'The audience of an event must lie within your own subtree',
  },
  EVENT_TICKET_UNAVAILABLE: {
    status: 409,
    'zh-CN': '只有已确认的报名才有入场凭证',
    en: 'Only a confirmed registration has a ticket',
  },
  EVENT_ALREADY_CHECKED_IN: { status: 409, 'zh-CN': '此人已签到，不重复计数', en: 'This person is already checked in; not counted twice' },
  EVENT_DRAW_NO_PLAN: {
    status: 409,
    'zh-CN': '请先公布抽签种子来源（及名额分配），再冻结报名名单',
    en: 'Declare the public seed source (and any quotas) before freezing the entries',
  },
  EVENT_DRAW_WINDOW_OPEN: {
    status: 409,
    'zh-CN': '报名尚未截止，名单不能冻结',
    en: 'The sign-up window has not closed yet; the entries cannot be frozen',
  },
  EVENT_DRAW_FROZEN: {
    status: 409,
    'zh-CN': '报名名单已冻结，不能再报名或更改',
    en: 'The entries are frozen; nothing can be added or changed',
  },
  EVENT_DRAW_NOT_FROZEN: {
    status: 409,
    'zh-CN': '报名名单尚未冻结，不能录入种子',
    en: 'The entries are not frozen yet; no seed can be entered',
  },
  EVENT_DRAW_DONE: { status: 409, 'zh-CN': '种子已录入，抽签已完成', en: 'The seed was entered and the draw has run already' },
  EVENT_DRAW_INVALID: { status: 422, 'zh-CN': '抽签数据无效：{detail}', en: 'The draw cannot run on this data: {detail}' },
  EVENT_PREFERENCES_INVALID: {
    status: 422,
    'zh-CN': '志愿须是本活动的不同班次',
    en: 'Preferences must name distinct sessions of this event',
  },
  EVENT_STATUS_FINAL: {
    status: 409,
    'zh-CN': '该活动已结束或已取消，不能再更改',
    en: 'This event is closed or cancelled and cannot change',
  },
  EVENT_NOT_DRAFT: { status: 409, 'zh-CN': '只有草稿状态的活动可以发布', en: 'Only a draft event can be published' },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    events: typeof eventsErrors;
  }
}
