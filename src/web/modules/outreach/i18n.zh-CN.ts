/** Chinese (default) strings of outreach meetings (双沟通) and the employers' unionisation pipeline. `i18n.en.ts` has exactly the same keys. */
export const messages = {
  outreach: {
    menu: '双沟通',
    title: '双沟通',
    create: '新建沟通会',
    createTitle: '新建沟通会',
    kind: '类型',
    meetingKind: { worker: '职工沟通会', enterprise: '企业沟通会' },
    field: {
      title: '会议名称',
      heldOn: '召开日期',
      venue: '地点',
      isOnline: '线上召开',
      org: '主办工会',
      parent: '主会场',
      applications: '入会申请',
      approved: '已批准',
      employersEngaged: '接触企业',
    },
    period: '统计期间',
    thisYear: '今年',
    subVenue: '分会场',
    mainVenue: '主会场',
    parentHint: '分会场请选择主会场：同类、由本工会或上级工会召开、且本身不是分会场',
    noParent: '不是分会场',
    online: '线上',
    empty: '该期间没有沟通会',
    stats: {
      workerMeetings: '职工沟通会',
      enterpriseMeetings: '企业沟通会',
      applications: '入会申请',
      approved: '已批准入会',
      pipeline: '企业建会进度',
    },
    created: '已创建沟通会',
  },
  meeting: {
    facts: '会议信息',
    notFound: '找不到该沟通会，或您无权查看',
    sheet: '打印签到表',
    sheetTitle: '签到表',
    sheetQr: '扫码报名入会',
    print: '打印',
    back: '返回沟通会',
    qr: '现场报名二维码',
    qrHint: '职工用手机扫码，打开入会申请页，会议已自动填好。',
    signups: '报名（{{count}}）',
    noSignups: '该状态下没有报名',
    employers: '接触企业（{{count}}）',
    noEmployers: '还没有企业记在该沟通会名下',
    moreEmployers: '只列出前 {{count}} 家企业',
    employer: { name: '企业名称', headcount: '职工人数', street: '所在街道', union: '覆盖工会' },
    column: { no: '序号', name: '姓名', employer: '单位', phone: '手机号', signature: '签名' },
  },
  stage: {
    label: '建会进度',
    none: '未接触',
    contacted: '已接触',
    persuaded: '已同意建会',
    preparing: '筹备中',
    established: '已建会',
    change: '更新建会进度',
    changeTitle: '更新“{{name}}”的建会进度',
    meeting: '相关企业沟通会（可不填）',
    noMeetings: '没有可选的企业沟通会',
    changed: '建会进度已更新',
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    outreach: typeof messages;
  }
}
