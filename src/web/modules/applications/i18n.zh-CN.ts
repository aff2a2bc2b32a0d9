/** Chinese (default) strings of applications to join: review (入会审核) and cadre intake (快速录入). `i18n.en.ts` has exactly the same keys. */
export const messages = {
  application: {
    menu: '入会审核',
    todo: '待审核入会申请',
    source: { self: '自助申请', meeting: '沟通会', roster: '名册导入', cadre: '干部录入' },
    fromMeeting: '沟通会：{{title}}',
    status: {
      pending: '待审核',
      approved: '已通过',
      rejected: '已退回',
      transfer_requested: '转会确认中',
      withdrawn: '已撤回',
    },
    field: {
      union: '申请加入',
      source: '来源',
      createdAt: '申请时间',
      rejectReason: '退回原因',
    },
    meetingFilter: '按职工沟通会筛选',
    selected: '已选 {{count}} 份',
    selectAll: '全选当前筛选结果',
    selectedAll: '已选中当前筛选结果共 {{count}} 份',
    selectCapped: '一次最多处理 {{max}} 份，已选前 {{max}} 份；处理后可再次全选',
    clearSelection: '清除选择',
    approve: '批准',
    reject: '退回',
    approveConfirm: '批准所选 {{count}} 份入会申请？',
    approveHint:
      '申请人已是其他工会会员的，将转为会籍转移：须会员本人（手机验证码）同意并经原工会确认；已是本会会员或重复的申请将关闭，不会重复入会。',
    rejectTitle: '退回所选 {{count}} 份申请',
    rejectReason: '退回原因（申请人可见）',
    resultApproved: '已批准 {{approved}} 人入会',
    resultTransfers: '，{{count}} 人转为会籍转移（待会员本人同意）',
    resultDuplicates: '，{{count}} 份重复申请已关闭',
    resultRejected: '已退回 {{rejected}} 份申请',
    empty: '没有符合条件的申请',
    flag: {
      new: '新申请',
      member_here: '已是本会会员',
      member_elsewhere: '其他工会会员',
      lapsed: '曾为会员',
      duplicate: '重复申请',
    },
    flagHint: {
      member_here: '批准将关闭此申请，不会重复入会',
      member_elsewhere: '批准将发起会籍转移，须会员本人同意并经原工会确认',
      lapsed: '批准将恢复会籍',
      duplicate: '此人还有更早的待审申请',
    },
    intake: '快速录入',
  },
  intake: {
    menu: '快速录入',
    title: '快速录入',
    subtitle: '沟通会现场或纸质申请表录入：回车跳到下一项，最后一项回车即提交，无需鼠标。',
    union: '接收工会',
    pickUnion: '搜索基层工会或联合工会',
    meeting: '职工沟通会（选填）',
    pickMeeting: '不属于沟通会可不选',
    noMeetings: '暂无职工沟通会',
    keep: '会场设置（录入下一人时保留）',
    employmentHotkey: 'Alt+1…6 切换用工形式',
    submit: '提交（回车）',
    pending: '提交中…',
    recent: '本次录入',
    count: '已录入 {{ok}} 人，失败 {{failed}} 人',
    retry: '改正',
    needUnion: '请先选择接收工会',
    empty: '录入的申请会出现在这里',
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    applications: typeof messages;
  }
}
