/** Chinese (default) strings of the member's events and training pages. `i18n.en.ts` has exactly the same keys. */
export const messages = {
  myEvents: {
    title: '我的活动',
    mine: '我的报名',
    open: '可报名的活动',
    noRegistrations: '还没有报名',
    noEvents: '暂无向您开放的活动',
    kind: {
      culture: '文化',
      sports: '体育',
      care: '关爱',
      matchmaking: '联谊',
      training: '培训',
      outing: '出行',
      other: '其他',
    },
    placesLeft: '剩余名额 {{left}} / {{capacity}}',
    waitlisted: '候补 {{count}} 人',
    window: '报名时间：{{opens}} 至 {{closes}}（北京时间）',
    windowState: { notYet: '未开始', open: '报名中', closed: '已截止' },
    selection: {
      first_come: '先到先得',
      lottery: '报名后抽签',
      points_ranking: '报名后按积分排名',
      preferences: '按志愿分配：手机端暂不能填报志愿，请联系所在工会',
    },
    signUp: '报名',
    signUpWaitlist: '报名候补',
    signedUp: '已报名',
    signedUpDone: '报名已提交',
    status: {
      confirmed: '已确认',
      waitlisted: '候补中',
      offered: '递补待确认',
      cancelled: '已取消',
      expired: '递补已过期',
      attended: '已签到',
      no_show: '缺席',
      entered: '已报名，待抽签',
    },
    waitlistPosition: '候补第 {{position}} 位',
    offerUntil: '请在 {{at}} 前确认',
    accept: '确认参加',
    accepted: '已确认参加',
    ticket: '我的电子票',
    cancel: '取消报名',
    cancelConfirm: '确定取消这次报名吗？名额将让给候补的人。',
    cancelYes: '取消报名',
    cancelNo: '再想想',
    cancelled: '已取消报名',
  },
  myTraining: {
    title: '我的培训',
    record: '培训记录',
    empty: '还没有培训记录',
    how: { cadre_list: '工会登记', self_qr: '扫码签到' },
    checkin: '签到',
    code: '签到码',
    codeHint: '输入现场屏幕上的 8 位签到码，或扫描屏幕上的二维码',
    codeInvalid: '请输入 8 位数字签到码',
    session: '场次编号',
    sessionRequired: '请输入屏幕上显示的场次编号',
    checkinButton: '签到',
    done: '签到成功：{{course}}',
    already: '您已签到过：{{course}}',
    notACheckinCode: '这不是培训签到二维码',
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    myevents: typeof messages;
  }
}
