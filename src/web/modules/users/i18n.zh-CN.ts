/** Chinese (default) strings of user accounts and the audit log. `i18n.en.ts` has exactly the same keys. */
export const messages = {
  users: {
    menu: '用户管理',
    title: '用户管理',
    org: '所属组织',
    pickOrg: '选择组织以查看其用户',
    username: '用户名',
    displayName: '姓名',
    password: '初始密码',
    newPassword: '新密码（不修改请留空）',
    role: '角色',
    status: '状态',
    disabled: '已停用',
    active: '正常',
    grants: '授权',
    create: '新建用户',
    createTitle: '新建用户',
    editTitle: '编辑用户“{{username}}”',
    isDisabled: '停用账号',
    addGrant: '添加授权',
    grantTitle: '为“{{username}}”添加授权',
    removeGrant: '确定撤销该授权吗？',
    lastLoginAt: '最近登录',
    usernameRule: '用户名为 3–40 位小写字母、数字或 _ . -',
    passwordRule: '密码至少 {{min}} 位，且须包含字母和数字',
  },
  audit: {
    menu: '操作日志',
    title: '操作日志',
    at: '时间',
    username: '用户',
    action: '操作',
    target: '对象',
    result: '结果',
    ip: 'IP 地址',
    results: { ok: '成功', denied: '被拒绝', failed: '失败' },
    allOrgs: '全部（按组织筛选）',
    detail: '详情',
    filterAction: '操作',
    filterUsername: '用户名或姓名',
    filterResult: '结果',
    filterFrom: '起始日期',
    filterTo: '截止日期（含）',
    what: '内容',
    export: '导出 Excel',
    actions: {
      reveals: '查看与导出个人信息',
    },
    describe: {
      reason: '理由：{{reason}}',
      masked: '打码导出',
      full: '完整（不打码）导出',
      incomplete: '中途中断',
      code: '被拒原因：{{code}}',
      count: '另重复 {{count}} 次（{{firstAt}} – {{lastAt}}）',
      rateLimited: '匿名请求过多，已限流',
      loginReason: '登录被拒：{{reason}}',
    },
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    users: typeof messages;
  }
}
