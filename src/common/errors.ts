import { format, type Locale } from './i18n.js';

type ErrorSpec = { status: number; 'zh-CN': string; en: string };

/** Every error the platform can answer with: one code, one HTTP status, a message per language. */
export const errorCatalog = {
  VALIDATION: { status: 400, 'zh-CN': '输入有误：{detail}', en: 'Invalid input: {detail}' },
  INVALID_TEXT: {
    status: 400,
    'zh-CN': '输入中含有无法保存的字符（例如残缺的表情或乱码），请检查后重试',
    en: 'The input contains characters that cannot be stored (such as a broken emoji or garbled text); check it and try again',
  },
  BAD_REQUEST: { status: 400, 'zh-CN': '请求格式不正确', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  LOGIN_FAILED: {
    status: 401,
    'zh-CN': '用户名或密码错误，或尝试次数过多，请稍后再试',
    en: 'Wrong username or password, or too many attempts; try again later',
  },
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
  ORG_MOVE_INTO_ITSELF: {
    status: 422,
    'zh-CN': '不能把组织移动到它自己或它的下级之下',
    en: 'An organisation cannot move under itself or its own descendant',
  },
  ORG_ROOT_IMMUTABLE: { status: 422, 'zh-CN': '顶级组织不能移动或删除', en: 'The top organisation cannot be moved or deleted' },
  ORG_NAME_TAKEN: {
    status: 409,
    'zh-CN': '同一上级下已有名为“{name}”的组织',
    en: 'An organisation named "{name}" already exists under this parent',
  },
  ORG_HAS_CHILDREN: {
    status: 422,
    'zh-CN': '该组织还有下级组织，不能删除',
    en: 'This organisation still has children and cannot be deleted',
  },
  ORG_HAS_EMPLOYERS: {
    status: 422,
    'zh-CN': '该组织仍覆盖或管辖企业，不能删除',
    en: 'This organisation still covers employers and cannot be deleted',
  },
  ORG_HAS_USERS: {
    status: 422,
    'zh-CN': '仍有账号在该组织上授权，不能删除',
    en: 'Accounts still hold roles on this organisation; it cannot be deleted',
  },
  ZONE_NOT_CHILD: {
    status: 422,
    'zh-CN': '只能把直属下级组织划入协作区',
    en: 'Only direct children can be placed in a collaboration zone',
  },
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
    'zh-CN': '密码太容易被猜到，请使用更长、更不规则的密码（例如几个不相关的词加数字和符号）',
    en: 'The password is too easy to guess; use a longer, less regular one (for example a few unrelated words with digits and symbols)',
  },
  CANNOT_DISABLE_SELF: { status: 422, 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
  ID_EMPTY: { status: 422, 'zh-CN': '请填写身份证号', en: 'Enter the resident ID number' },
  ID_SCIENTIFIC: {
    status: 422,
    'zh-CN': '身份证号被 Excel 转成了科学计数法（{shown}），后几位已丢失，请把该列设为文本后重新填写',
    en: 'Excel turned the ID number into a number ({shown}) and its last digits are lost; format the column as text and type the number again',
  },
  ID_LEGACY15: {
    status: 422,
    'zh-CN': '15 位旧身份证号，请提供 18 位号码',
    en: 'This is an old 15-digit ID number; please give the 18-digit number',
  },
  ID_LENGTH: {
    status: 422,
    'zh-CN': '身份证号应为 18 位，当前为 {length} 位',
    en: 'An ID number has 18 characters, this one has {length}',
  },
  ID_CHAR: {
    status: 422,
    'zh-CN': '身份证号第 {position} 位“{char}”不是数字（只有末位可以是 X）',
    en: 'Character {position} of the ID number, "{char}", is not a digit (only the last may be X)',
  },
  ID_REGION: {
    status: 422,
    'zh-CN': '身份证号前两位“{prefix}”不是有效的省级行政区代码',
    en: 'The ID number starts with "{prefix}", which is no province code',
  },
  ID_BIRTHDATE: {
    status: 422,
    'zh-CN': '身份证号中的出生日期“{date}”不存在',
    en: 'The birth date in the ID number, "{date}", does not exist',
  },
  ID_CHECK: {
    status: 422,
    'zh-CN': '身份证号校验位错误：末位应为 {expected}，请核对',
    en: 'The ID number fails its check: the last character should be {expected}; please verify it',
  },
  PHONE_EMPTY: { status: 422, 'zh-CN': '请填写手机号', en: 'Enter a mobile phone number' },
  PHONE_LENGTH: {
    status: 422,
    'zh-CN': '手机号应为 11 位数字，当前为 {digits} 位',
    en: 'A mobile number has 11 digits, this one has {digits}',
  },
  PHONE_PREFIX: { status: 422, 'zh-CN': '手机号应以 13–19 开头', en: 'A mobile number starts with 13 to 19' },
  PHONE_CHAR: { status: 422, 'zh-CN': '手机号中有非数字字符“{char}”', en: 'The mobile number contains "{char}", which is not a digit' },
  NAME_FORMULA: {
    status: 422,
    'zh-CN': '姓名不能以 = + - @ 开头，请填写真实姓名',
    en: 'A name cannot start with = + - @; enter the real name',
  },
  RECEIVING_ORG_KIND: {
    status: 422,
    'zh-CN': '只能加入基层工会、联合工会或分会',
    en: 'Members join a grassroots union, a joint union or a branch',
  },
  ALREADY_MEMBER: { status: 409, 'zh-CN': '该身份证号已是本工会会员', en: 'This ID number already belongs to a member of this union' },
  APPLICATION_PENDING: {
    status: 409,
    'zh-CN': '该身份证号已有一份待审核的入会申请，请用查询码查看进度',
    en: 'An application with this ID number is already waiting for review; check it with its tracking code',
  },
  APPLICATION_NOT_PENDING: {
    status: 409,
    'zh-CN': '有 {count} 份申请已处理过，请刷新后重试',
    en: '{count} of these applications were already decided; reload and try again',
  },
  REJECT_REASON_REQUIRED: { status: 422, 'zh-CN': '退回申请须填写原因', en: 'A rejection needs a reason' },
  MEETING_ORG_MISMATCH: {
    status: 422,
    'zh-CN': '所选沟通会不属于该工会的上级或本级',
    en: 'That outreach meeting does not belong to this union or its parents',
  },
  AFFILIATION_IS_PRIMARY: { status: 422, 'zh-CN': '这是该会员的主会籍所在工会', en: 'This is the member’s primary union' },
  MEMBER_NOT_ACTIVE: { status: 409, 'zh-CN': '该会员当前不在会', en: 'This member is not active' },
  MEMBER_ALREADY_ACTIVE: { status: 409, 'zh-CN': '该会员已在会', en: 'This member is already active' },
  TRANSFER_PENDING: {
    status: 409,
    'zh-CN': '该会员已有一项待确认的会籍转移',
    en: 'This member already has a transfer waiting for confirmation',
  },
  TRANSFER_SAME_ORG: { status: 422, 'zh-CN': '会员已在该工会，无需转移', en: 'The member already belongs to that union' },
  TRANSFER_NOT_PENDING: { status: 409, 'zh-CN': '该转移已处理', en: 'This transfer was already decided' },
  NO_MEMBER_WITH_ID: { status: 404, 'zh-CN': '没有持该身份证号的会员', en: 'No member holds this ID number' },
  CARD_NOT_ACTIVE: { status: 409, 'zh-CN': '该会员卡未启用或已注销', en: 'This card is not active or was revoked' },
  TRACKING_NOT_FOUND: { status: 404, 'zh-CN': '查询码或手机号不正确', en: 'Wrong tracking code or phone number' },
  MEETING_PARENT_INVALID: {
    status: 422,
    'zh-CN': '主会场须是同类、同级或上级工会的沟通会，且本身不是分会场',
    en: 'A main venue must be a meeting of the same kind, held by this union or a parent, and not itself a sub-venue',
  },
  STAGE_NEEDS_UNION: {
    status: 422,
    'zh-CN': '“已建会”须先为该企业指定覆盖它的工会',
    en: 'Set the union that covers the employer before marking it established',
  },
  UPLOAD_MISSING: { status: 400, 'zh-CN': '请选择要上传的名册文件', en: 'Choose a roster file to upload' },
  UPLOAD_TOO_LARGE: { status: 413, 'zh-CN': '文件超过 {maxMb} MB 上限', en: 'The file exceeds the {maxMb} MB limit' },
  UPLOAD_TYPE: { status: 415, 'zh-CN': '只接受 .xlsx 或 .csv 文件', en: 'Only .xlsx or .csv files are accepted' },
  IMPORT_NO_ERRORS: { status: 404, 'zh-CN': '该导入没有错误行', en: 'This import has no rejected rows' },
  // — issue #8: one-time codes, member sessions, consent to transfer —
  OTP_INVALID: {
    status: 401,
    'zh-CN': '验证码错误或已失效，请重新获取',
    en: 'The code is wrong or no longer valid; ask for a new one',
  },
  OTP_TOO_MANY: {
    status: 429,
    'zh-CN': '验证码获取过于频繁，请 {minutes} 分钟后再试',
    en: 'Too many codes asked for; try again in {minutes} minutes',
  },
  MEMBER_UNAUTHENTICATED: {
    status: 401,
    'zh-CN': '请先用手机验证码登录会员服务',
    en: 'Sign in to the member pages with a code sent to your phone first',
  },
  TRANSFER_LOOKUPS_SPENT: {
    status: 429,
    'zh-CN': '按身份证号查找会员的次数已达每小时上限（{max} 次），请稍后再试',
    en: 'You have looked up members by ID number {max} times this hour, the limit; try again later',
  },
  IMPORT_NO_ELSEWHERE: {
    status: 404,
    'zh-CN': '该导入中没有其他工会的会员',
    en: 'This import names no member of another union',
  },
  PHONE_UNCHANGED: {
    status: 422,
    'zh-CN': '新手机号与登记的手机号相同',
    en: 'The new phone number is the one on record',
  },

  // — issue #8: personal data in files —
  IMPORT_ERRORS_EXPIRED: {
    status: 410,
    'zh-CN': '错误文件已超过保留期（{days} 天）并已删除；如需错误行，请重新导入该名册',
    en: 'The error file was deleted after its retention period ({days} days); import the roster again to get its rejected rows',
  },
  IMPORT_ERRORS_UNREADABLE: {
    status: 500,
    'zh-CN': '错误文件无法解密：密钥不符或文件已损坏',
    en: 'The error file cannot be decrypted: the key does not match or the file is damaged',
  },
  IMPORT_ERRORS_OUT_EXISTS: {
    status: 409,
    'zh-CN': '目标文件 {file} 已存在，不会覆盖',
    en: 'The target file {file} already exists and will not be overwritten',
  },

  // — issue #8: audit and limited reveal —
  REVEAL_QUOTA_SPENT: {
    status: 429,
    'zh-CN': '您本小时查看完整证件号或手机号的次数已达上限（{limit} 次），请稍后再试',
    en: 'You have reached the limit of {limit} full ID number or phone reveals this hour; try again later',
  },
  EXPORT_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '导出完整（不打码）名单须填写理由（2–200 字）',
    en: 'Exporting full (unmasked) data needs a reason (2–200 characters)',
  },
  FULL_EXPORT_QUOTA_SPENT: {
    status: 429,
    'zh-CN': '您今天导出完整名单的次数已达上限（{limit} 次），可导出打码名单，或明天再试',
    en: 'You have reached the limit of {limit} full exports today; export masked data or try again tomorrow',
  },

  // — issue #8: sign-in and password hardening —
  PASSWORD_TOO_SHORT: { status: 422, 'zh-CN': '密码至少需要 {min} 个字符', en: 'A password needs at least {min} characters' },
  PASSWORD_COMMON: {
    status: 422,
    'zh-CN': '该密码属于常见密码或由常见密码稍作变化而来，请另选一个',
    en: 'This password is a common one, or a small variation of one; choose another',
  },
  PASSWORD_LIKE_USERNAME: {
    status: 422,
    'zh-CN': '密码不能包含或近似于用户名、姓名',
    en: 'The password must not contain or resemble the username or name',
  },
  PASSWORD_CURRENT_WRONG: { status: 422, 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_UNCHANGED: { status: 422, 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '首次登录须先修改系统生成的初始密码',
    en: 'Change the generated first password before doing anything else',
  },

  // — issue #8: input hardening —
  EMPLOYER_UNKNOWN: {
    status: 422,
    'zh-CN': '所填企业（编号 {id}）不存在或不在您可查看的范围内，请重新选择',
    en: 'Employer {id} does not exist or is outside what you may see; choose it again',
  },
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
