import { format, type Locale } from './i18n.js';

export type ErrorSpec = { status: number; 'zh-CN': string; en: string };

/**
 * The catalogue of every code, filled as each `src/common/<module>.errors.ts` is loaded. A module's catalogue adds
 * itself to `ErrorCatalogs` by declaration merging — the reason this is an interface, not a type — so `ErrorCode`
 * knows every code without this file naming the modules.
 */
export interface ErrorCatalogs {
  platform: typeof platformErrors;
}

export type ErrorCode = { [M in keyof ErrorCatalogs]: keyof ErrorCatalogs[M] & string }[keyof ErrorCatalogs];

const registered = new Map<string, ErrorSpec>();

/** Registers a module's codes (each code once across all modules) and returns the catalogue, typed. */
export function defineErrors<const C extends Record<string, ErrorSpec>>(catalog: C): C {
  for (const [code, spec] of Object.entries(catalog)) {
    if (registered.has(code)) throw new Error(`Error code ${code} is defined twice`);
    registered.set(code, spec);
  }
  return catalog;
}

/** Whether a stored code is one of the catalogue's (the file that defines it must have been loaded). */
export function isErrorCode(code: string): code is ErrorCode {
  return registered.has(code);
}

/** Every code registered so far. */
export function registeredErrorCodes(): string[] {
  return [...registered.keys()];
}

function specOf(code: ErrorCode): ErrorSpec {
  const spec = registered.get(code);
  // Only a module that throws a code without importing its `<module>.errors.ts` gets here (a test guards it).
  if (!spec) throw new Error(`Error code ${code} is not registered: import the catalogue that defines it`);
  return spec;
}

/** The errors of the platform itself: input, sign-in, access, limits, failures. Modules keep theirs beside them. */
export const platformErrors = defineErrors({
  VALIDATION: { status: 400, 'zh-CN': '输入有误：{detail}', en: 'Invalid input: {detail}' },
  INVALID_TEXT: {
    status: 400,
    'zh-CN': '输入中含有无法保存的字符（例如残缺的表情或乱码），请检查后重试',
    en: 'The input contains characters that cannot be stored (such as a broken emoji or garbled text); check it and try again',
  },
  BAD_REQUEST: { status: 400, 'zh-CN': '请求格式不正确', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, 'zh-CN': '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  FORBIDDEN: { status: 403, 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, 'zh-CN': '未找到该记录，或您无权查看', en: 'Not found, or outside what you may see' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, 'zh-CN': '数据已被修改，请刷新后重试', en: 'The data changed meanwhile; reload and try again' },
  RATE_LIMITED: { status: 429, 'zh-CN': '操作过于频繁，请稍后再试', en: 'Too many attempts; try again later' },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '提交的内容过大', en: 'The request is too large' },
  INTERNAL: { status: 500, 'zh-CN': '服务器内部错误，请稍后再试（编号 {ref}）', en: 'Internal error; please try again later (ref {ref})' },
  REFERENCE_MISSING: {
    status: 422,
    'zh-CN': '所引用的记录不存在（可能已被删除），请刷新后重试',
    en: 'A record this refers to does not exist (it may have been deleted); reload and try again',
  },
  SECRET_MISMATCH: {
    status: 500,
    'zh-CN': '个人信息密钥与数据库不符：请使用原来的 GONGHUI_SECRET 或原来数据目录中的 secret.key，否则已存的身份证号和手机号将无法读取',
    en: 'The personal-data key does not match this database: use the original GONGHUI_SECRET or the secret.key of the original data directory, or stored ID numbers and phones cannot be read',
  },
  DATA_DIR_LOCKED: {
    status: 500,
    'zh-CN': '数据目录 {dir} 正被另一个进程（PID {pid}）使用；请先停止它',
    en: 'The data directory {dir} is in use by another process (PID {pid}); stop it first',
  },
});

export type ErrorParams = Record<string, string | number>;

/** The wire shape of every error answer. */
export type ErrorBody = { code: ErrorCode; message: string; details?: { path: string; message: string }[] };

export function errorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  return format(specOf(code)[locale], params);
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
    this.status = specOf(code).status;
  }
  toBody(locale: Locale): ErrorBody {
    const body: ErrorBody = { code: this.code, message: errorMessage(this.code, locale, this.params) };
    if (this.details) body.details = this.details;
    return body;
  }
}
