import { format, type Locale } from './i18n.js';

type ErrorSpec = { status: number; 'zh-CN': string; en: string };

/** Every error the platform can answer with: one code, one HTTP status, a message per language. */
export const errorCatalog = {
  VALIDATION: { status: 400, 'zh-CN': '输入有误：{detail}', en: 'Invalid input: {detail}' },
  BAD_REQUEST: { status: 400, 'zh-CN': '请求格式不正确', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  LOGIN_FAILED: { status: 401, 'zh-CN': '用户名或密码错误，或账号已被锁定', en: 'Wrong username or password, or the account is locked' },
  SESSION_EXPIRED: { status: 401, 'zh-CN': '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  FORBIDDEN: { status: 403, 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, 'zh-CN': '未找到该记录，或您无权查看', en: 'Not found, or outside what you may see' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, 'zh-CN': '数据已被修改，请刷新后重试', en: 'The data changed meanwhile; reload and try again' },
  RATE_LIMITED: { status: 429, 'zh-CN': '操作过于频繁，请稍后再试', en: 'Too many attempts; try again later' },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '提交的内容过大', en: 'The request is too large' },
  INTERNAL: { status: 500, 'zh-CN': '服务器内部错误，请稍后再试（编号 {ref}）', en: 'Internal error; please try again later (ref {ref})' },

  ORG_KIND_NOT_ALLOWED: {
    status: 422,
    'zh-CN': '“{parentKind}”下不能设立“{kind}”',
    en: 'A {kind} cannot sit under a {parentKind}',
  },
  ORG_MOVE_INTO_ITSELF: { status: 422, 'zh-CN': '不能把组织移动到它自己或它的下级之下', en: 'An organisation cannot move under itself or its own descendant' },
  ORG_ROOT_IMMUTABLE: { status: 422, 'zh-CN': '顶级组织不能移动或删除', en: 'The top organisation cannot be moved or deleted' },
  ORG_NAME_TAKEN: { status: 409, 'zh-CN': '同一上级下已有名为“{name}”的组织', en: 'An organisation named "{name}" already exists under this parent' },
  ORG_HAS_CHILDREN: { status: 422, 'zh-CN': '该组织还有下级组织，不能删除', en: 'This organisation still has children and cannot be deleted' },
  ORG_HAS_EMPLOYERS: { status: 422, 'zh-CN': '该组织仍覆盖或管辖企业，不能删除', en: 'This organisation still covers employers and cannot be deleted' },
  ORG_HAS_USERS: { status: 422, 'zh-CN': '仍有账号在该组织上授权，不能删除', en: 'Accounts still hold roles on this organisation; it cannot be deleted' },
  ZONE_NOT_CHILD: { status: 422, 'zh-CN': '只能把直属下级组织划入协作区', en: 'Only direct children can be placed in a collaboration zone' },
  ZONE_NAME_TAKEN: { status: 409, 'zh-CN': '已有名为“{name}”的协作区', en: 'A collaboration zone named "{name}" already exists' },
  USCC_INVALID_LENGTH: {
    status: 422,
    'zh-CN': '统一社会信用代码应为 18 位，当前为 {length} 位',
    en: 'A unified social credit code has 18 characters, this one has {length}',
  },
  USCC_INVALID_CHAR: {
    status: 422,
    'zh-CN': '统一社会信用代码第 {position} 位“{char}”不是合法字符（不含 I、O、S、V、Z）',
    en: 'Character {position} of the unified social credit code, "{char}", is not allowed (I, O, S, V and Z never occur)',
  },
  USCC_INVALID_CHECK: {
    status: 422,
    'zh-CN': '统一社会信用代码校验位错误：末位应为“{expected}”，请核对',
    en: 'The unified social credit code fails its check: the last character should be "{expected}"; please verify it',
  },
  USCC_TAKEN: { status: 409, 'zh-CN': '统一社会信用代码“{code}”已登记', en: 'Unified social credit code "{code}" is already registered' },
  EMPLOYER_UNION_KIND: {
    status: 422,
    'zh-CN': '企业只能由基层工会、联合工会或分会覆盖',
    en: 'Only a grassroots union, joint union or branch can cover an employer',
  },
  EMPLOYER_STREET_KIND: {
    status: 422,
    'zh-CN': '企业所在地必须是街道、乡镇或园区工会',
    en: 'An employer must be located in a street, township or park federation',
  },
  USERNAME_TAKEN: { status: 409, 'zh-CN': '用户名“{username}”已存在', en: 'Username "{username}" is taken' },
  PASSWORD_WEAK: {
    status: 422,
    'zh-CN': '密码至少 {min} 位，且须包含字母和数字',
    en: 'A password needs at least {min} characters, with letters and digits',
  },
  CANNOT_DISABLE_SELF: { status: 422, 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
  DATA_DIR_LOCKED: {
    status: 500,
    'zh-CN': '数据目录 {dir} 正被另一个进程（PID {pid}）使用；请先停止它',
    en: 'The data directory {dir} is in use by another process (PID {pid}); stop it first',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalog;
export type ErrorParams = Record<string, string | number>;

/** The wire shape of every error answer. */
export type ErrorBody = { code: ErrorCode; message: string; details?: { path: string; message: string }[] };

export function errorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  return format(errorCatalog[code][locale], params);
}

/** The one error type: a code from the catalogue (which fixes the HTTP status) and its message parameters. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly details?: { path: string; message: string }[],
  ) {
    super(errorMessage(code, 'en', params));
    this.name = 'AppError';
    this.status = errorCatalog[code].status;
  }
  toBody(locale: Locale): ErrorBody {
    const body: ErrorBody = { code: this.code, message: errorMessage(this.code, locale, this.params) };
    if (this.details) body.details = this.details;
    return body;
  }
}
