import { format, type Locale } from './i18n.js';
import type { AuditRecord } from './audit.js';

/**
 * The audit log in words (issue #11): each action's short label (filters, the export's column) and its sentence with
 * the target's name. One catalogue for the console and the auditors' Excel export; a module adds its actions from its
 * own file with `defineAuditActions` (an action defined twice fails at load). Placeholders: `{target}` (the target's
 * name, resolved when the log is read, else its number), and fields of the entry's detail named in `params`.
 */
export type AuditActionSpec = {
  label: Record<Locale, string>;
  sentence: Record<Locale, string>;
  /** Detail fields the sentence names, each turned into words for the language. */
  params?: Record<string, (value: unknown, locale: Locale) => string>;
};

const catalogue = new Map<string, AuditActionSpec>();

export function defineAuditActions(actions: Record<string, AuditActionSpec>): void {
  for (const [action, spec] of Object.entries(actions)) {
    if (catalogue.has(action)) throw new Error(`Audit action ${action} is defined twice`);
    catalogue.set(action, spec);
  }
}

/** Every catalogued action, in order of definition (the console's action filter). */
export function auditActions(): string[] {
  return [...catalogue.keys()];
}

const say = (zh: string, en: string, zhSentence: string, enSentence: string, params?: AuditActionSpec['params']): AuditActionSpec => ({
  label: { 'zh-CN': zh, en },
  sentence: { 'zh-CN': zhSentence, en: enSentence },
  ...(params ? { params } : {}),
});

const words =
  (table: Record<string, Record<Locale, string>>) =>
  (value: unknown, locale: Locale): string =>
    (typeof value === 'string' && table[value]?.[locale]) || (value === null || value === undefined ? '' : String(value));

// 建会进度 (as the outreach pages name the stages)
const stage = words({
  none: { 'zh-CN': '未接触', en: 'Not contacted' },
  contacted: { 'zh-CN': '已接触', en: 'Contacted' },
  persuaded: { 'zh-CN': '已同意建会', en: 'Agreed to unionise' },
  preparing: { 'zh-CN': '筹备中', en: 'Preparing' },
  established: { 'zh-CN': '已建会', en: 'Unionised' },
});
const role = words({
  federation_admin: { 'zh-CN': '总工会管理员', en: 'Federation administrator' },
  union_cadre: { 'zh-CN': '工会干部', en: 'Union cadre' },
  finance_officer: { 'zh-CN': '财务人员', en: 'Finance officer' },
  auditor: { 'zh-CN': '审计人员', en: 'Auditor' },
  read_only: { 'zh-CN': '只读', en: 'Read only' },
  cashier: { 'zh-CN': '收银员', en: 'Cashier' },
  judge: { 'zh-CN': '评委', en: 'Judge' },
  referee: { 'zh-CN': '裁判员', en: 'Referee' },
});
const field = words({ idNumber: { 'zh-CN': '身份证号', en: 'ID number' }, phone: { 'zh-CN': '手机号', en: 'mobile number' } });
const plain = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

defineAuditActions({
  'org.create': say('新建组织', 'Create organisation', '新建组织 {target}', 'Created organisation {target}'),
  'org.update': say('修改组织', 'Edit organisation', '修改组织 {target}', 'Edited organisation {target}'),
  'org.move': say('调整组织隶属', 'Move organisation', '调整组织 {target} 的上级', 'Moved organisation {target}'),
  'org.delete': say('删除组织', 'Delete organisation', '删除组织 {target}', 'Deleted organisation {target}'),
  'zone.create': say('新建协作区', 'Create collaboration zone', '新建协作区 {target}', 'Created collaboration zone {target}'),
  'employer.create': say('新建企业', 'Create employer', '新建企业 {target}', 'Created employer {target}'),
  'employer.update': say('修改企业', 'Edit employer', '修改企业 {target}', 'Edited employer {target}'),
  'employer.unionisation': say(
    '更新建会进度',
    'Change unionisation stage',
    '企业 {target} 建会进度 → {stage}',
    'Employer {target}: unionisation stage → {stage}',
    { stage },
  ),
  'meeting.create': say('新建沟通会', 'Create outreach meeting', '新建沟通会 {target}', 'Created outreach meeting {target}'),
  'user.create': say('新建用户', 'Create user', '新建用户 {target}（{role}）', 'Created user {target} ({role})', { role }),
  'user.update': say('修改用户', 'Edit user', '修改用户 {target}', 'Edited user {target}'),
  'user.grant': say('授予角色', 'Grant role', '授予用户 {target} 角色：{role}', 'Granted {target} the role {role}', { role }),
  'user.revoke': say('撤销角色', 'Revoke role', '撤销用户 {target} 的角色：{role}', 'Revoked the role {role} of {target}', { role }),
  'member.reveal': say(
    '查看完整信息',
    'Reveal personal data',
    '查看会员 {target} 的完整{field}',
    'Revealed the full {field} of member {target}',
    {
      field,
    },
  ),
  'member.export': say('开始导出会员', 'Start member export', '开始导出 {target} 的会员名单', 'Started exporting the members of {target}'),
  'member.export.done': say(
    '导出会员完成',
    'Member export finished',
    '导出 {target} 的会员名单 {rows} 行',
    'Exported {rows} members of {target}',
    {
      rows: plain,
    },
  ),
  'member.lapse': say('办理离会', 'Lapse membership', '会员 {target} 离会', 'Member {target} lapsed'),
  'member.rejoin': say('恢复会籍', 'Rejoin', '会员 {target} 恢复会籍', 'Member {target} rejoined'),
  'member.phone_change': say(
    '变更手机号',
    'Change mobile number',
    '变更会员 {target} 的手机号',
    'Changed the mobile number of member {target}',
  ),
  'member.affiliate': say(
    '增加兼属工会',
    'Add secondary union',
    '会员 {target} 增加兼属工会',
    'Added a secondary union to member {target}',
  ),
  'member.unaffiliate': say(
    '移除兼属工会',
    'Remove secondary union',
    '会员 {target} 移除兼属工会',
    'Removed a secondary union of member {target}',
  ),
  'member.sign_in': say('会员登录', 'Member sign-in', '会员 {target} 登录', 'Member {target} signed in'),
  'application.submit': say('提交入会申请', 'Submit application', '收到入会申请 {target}', 'Received the application of {target}'),
  'application.intake': say('录入入会申请', 'Enter application', '录入入会申请 {target}', 'Entered the application of {target}'),
  'application.approve': say('批准入会', 'Approve application', '批准入会申请 {target}', 'Approved the application of {target}'),
  'application.reject': say('驳回入会', 'Reject application', '驳回入会申请 {target}', 'Rejected the application of {target}'),
  'transfer.request': say('申请会籍转移', 'Request transfer', '申请转入会员 {target}', 'Requested the transfer of member {target}'),
  'transfer.confirm': say('确认转出', 'Confirm transfer', '确认转出会员 {target}', 'Confirmed the transfer of member {target}'),
  'transfer.reject': say('拒绝转出', 'Reject transfer', '拒绝转出会员 {target}', 'Rejected the transfer of member {target}'),
  'transfer.consent': say('会员同意转移', 'Member consents', '会员 {target} 同意转移', 'Member {target} consented to the transfer'),
  'transfer.decline': say('会员拒绝转移', 'Member declines', '会员 {target} 拒绝转移', 'Member {target} declined the transfer'),
  'transfer.auto_confirm': say(
    '自动确认转移',
    'Transfer auto-confirmed',
    '会员 {target} 的转移自动确认',
    'The transfer of member {target} was confirmed automatically',
  ),
  'transfer.lookup': say('按身份证号查找会员', 'Look up by ID number', '按身份证号查找会员', 'Looked up a member by ID number'),
  'card.mint': say('生成会员卡', 'Show member card', '生成会员 {target} 的会员卡二维码', 'Showed the card QR code of member {target}'),
  'card.revoke': say('注销会员卡', 'Revoke card', '注销会员 {target} 的会员卡', 'Revoked the card of member {target}'),
  'card.reissue': say('补发会员卡', 'Re-issue card', '补发会员 {target} 的会员卡', 'Re-issued the card of member {target}'),
  'import.start': say('导入名册', 'Import roster', '导入名册 {target}', 'Imported roster {target}'),
  'import.errors.download': say(
    '下载导入错误文件',
    'Download import errors',
    '下载名册 {target} 的错误文件',
    'Downloaded the error file of roster {target}',
  ),
  'import.request_transfers': say(
    '名册转移申请',
    'Roster transfers',
    '为名册 {target} 中他会会员申请转移',
    'Requested transfers for roster {target}',
  ),
  'coverage.rebuild': say('重算覆盖统计', 'Rebuild coverage', '重算全部覆盖统计', 'Rebuilt all coverage figures'),
  'audit.export': say(
    '导出操作日志',
    'Export audit log',
    '导出 {target} 的操作日志 {rows} 条',
    'Exported {rows} audit entries of {target}',
    {
      rows: plain,
    },
  ),
  'otp.send': say('发送验证码', 'Send code', '发送验证码', 'Sent a one-time code'),
  'otp.verify': say('核验验证码', 'Check code', '核验验证码', 'Checked a one-time code'),
  'auth.login': say('登录', 'Sign in', '登录', 'Signed in'),
  'auth.logout': say('退出登录', 'Sign out', '退出登录', 'Signed out'),
  'auth.password': say('修改密码', 'Change password', '修改密码', 'Changed password'),
  'request.refused': say('请求过多', 'Too many requests', '匿名请求过多，已限流', 'Too many anonymous requests; rate limited'),
});

/** The action's short label, or the action itself when nobody catalogued it (a refused request names its route). */
export function auditActionLabel(action: string, locale: Locale): string {
  return catalogue.get(action)?.label[locale] ?? action;
}

/** An entry as a sentence: "新建用户 张三", "企业 北京某公司 建会进度 → 已建会"; a refused request says which route it tried. */
export function describeAuditAction(entry: Pick<AuditRecord, 'action' | 'targetId' | 'targetName' | 'detail'>, locale: Locale): string {
  const spec = catalogue.get(entry.action);
  if (!spec) return locale === 'zh-CN' ? `请求 ${entry.action}` : `Request ${entry.action}`;
  const target = entry.targetName ?? (entry.targetId ? `#${entry.targetId}` : '');
  const params: Record<string, string> = { target };
  for (const [name, toWords] of Object.entries(spec.params ?? {})) params[name] = toWords(entry.detail?.[name], locale);
  // A detail the entry lacks (an account made at first start has no role) leaves no empty brackets behind.
  return format(spec.sentence[locale], params)
    .replace(/（）|\(\)|：$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
