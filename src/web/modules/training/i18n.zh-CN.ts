/** Chinese (default) strings of training (送教 / 培训) and of the reach card. `i18n.en.ts` has exactly the same keys. */
export const messages = {
  training: {
    menu: '送教培训',
    title: '送教培训',
    year: '年度',
    tabs: { plans: '年度计划', sessions: '课程与场次', teachers: '师资' },
    empty: '该组织下没有培训计划',
    plan: {
      org: '单位',
      sessions: '场次（已办 / 计划）',
      people: '培训人数（去重 / 目标）',
      create: '新建计划',
      created: '已创建培训计划',
      plannedSessions: '计划场次',
      targetPeople: '目标人数',
      topics: '主题（以逗号分隔）',
    },
    course: { title: '课程', topic: '主题', audience: '对象', create: '新建课程', created: '已创建课程', plan: '所属计划' },
    signUp: {
      label: '报名',
      open: '开放报名',
      opened: '已开放报名',
      view: '查看报名与签到',
      none: '未开放',
      capacity: '名额',
      hint: '职工在手机“我的活动”中报名、领电子票；现场扫码签到即记为培训出勤。报名自现在起至开课时截止。',
    },
    session: {
      create: '新建场次',
      created: '已创建场次',
      course: '课程',
      startsAt: '开始时间',
      endsAt: '结束时间',
      place: '地点',
      capacity: '名额',
      teachers: '授课师资',
      status: '状态',
      attended: '签到人数',
      open: '考勤',
      clash: '师资时间冲突',
    },
    status: { planned: '计划中', held: '已举办', cancelled: '已取消' },
    teacher: { name: '姓名', kind: '类别', org: '所属单位', create: '新建师资', created: '已添加师资' },
    teacherKind: { model_worker: '劳模宣讲团', craftsman: '职工匠师', lecturer: '讲师' },
    attendance: {
      title: '考勤',
      memberIds: '会员编号（以逗号或换行分隔）',
      search: '按姓名、拼音或首字母查找会员',
      mark: '登记签到',
      marked: '新登记 {{added}} 人，已登记过 {{already}} 人',
      code: '签到码',
      codeHint: '会员在手机上输入此码签到，每 30 秒更新',
      showCode: '大屏显示签到码',
      rotatesAt: '更新于 {{at}}',
      list: '签到名单',
      member: '会员',
      union: '所在工会',
      how: '方式',
      ways: { cadre_list: '干部登记', self_qr: '扫码签到' },
      empty: '尚无签到',
    },
  },
  reach: {
    thisYear: '今年',
    lastYear: '去年',
    months: '按月份',
    period: '{{from}} 至 {{to}}',
    title: '活动与培训覆盖',
    people: '覆盖人数（去重）',
    signUps: '报名人次',
    attendanceRate: '到场率',
    trainingProgress: '送教场次（已办 / 计划）',
    byChild: '各下级单位覆盖人数',
    none: '—',
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    training: typeof messages;
  }
}
