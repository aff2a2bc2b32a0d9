import { format, type Locale } from '../../../common/i18n.js';

/**
 * Why a roster file as a whole cannot be read. The import job turns it into an answer for the cadre with
 * `describeFileError`; nobody branches on the message.
 */
export type RosterFileErrorCode =
  'FILE_TOO_LARGE' | 'TOO_MANY_ROWS' | 'ZIP_BOMB' | 'CORRUPT_FILE' | 'UNKNOWN_FORMAT' | 'MISSING_COLUMNS' | 'EMPTY_FILE';

export type RosterFileErrorParams = Record<string, string | number>;

const messages: Record<RosterFileErrorCode, Record<Locale, string>> = {
  FILE_TOO_LARGE: {
    'zh-CN': '文件过大（{sizeMiB} MB），名册文件不能超过 {maxMiB} MB，请拆分后分批上传',
    en: 'The file is too large ({sizeMiB} MB); a roster may be at most {maxMiB} MB. Split it and upload the parts',
  },
  TOO_MANY_ROWS: {
    'zh-CN': '名册超过 {max} 行，请拆分后分批上传',
    en: 'The roster has more than {max} rows; split it and upload the parts',
  },
  ZIP_BOMB: {
    'zh-CN': '文件内容异常（解压后过大或压缩比异常），已拒绝。请用 Excel 或 WPS 重新保存后上传',
    en: 'The file looks hostile (it expands to too much data); it was refused. Save it again from Excel or WPS and upload that',
  },
  CORRUPT_FILE: {
    'zh-CN': '文件已损坏或不完整，无法读取（{detail}）。请用 Excel 或 WPS 重新保存后上传',
    en: 'The file is damaged or incomplete and cannot be read ({detail}). Save it again from Excel or WPS and upload that',
  },
  UNKNOWN_FORMAT: {
    'zh-CN': '无法识别的文件格式（{detected}）。请上传 .xlsx 或 .csv 文件；旧版 .xls 请另存为 .xlsx',
    en: 'Unrecognised file format ({detected}). Upload an .xlsx or .csv file; save an old .xls as .xlsx first',
  },
  MISSING_COLUMNS: {
    'zh-CN': '名册缺少必填列：{columns}。请使用系统提供的名册模板',
    en: 'The roster lacks required columns: {columns}. Please use the roster template',
  },
  EMPTY_FILE: {
    'zh-CN': '文件中没有会员数据',
    en: 'The file holds no member rows',
  },
};

export class RosterFileError extends Error {
  readonly code: RosterFileErrorCode;
  readonly params: RosterFileErrorParams;

  constructor(code: RosterFileErrorCode, params: RosterFileErrorParams = {}, options?: { cause?: unknown }) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = 'RosterFileError';
    this.code = code;
    this.params = params;
  }
}

export function describeFileError(error: RosterFileError, locale: Locale): string {
  return format(messages[error.code][locale], error.params);
}

/** Anything thrown while parsing a file that is not already ours means the file is broken. */
export function asRosterFileError(error: unknown): RosterFileError {
  if (error instanceof RosterFileError) return error;
  const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error).slice(0, 200);
  return new RosterFileError('CORRUPT_FILE', { detail }, { cause: error });
}
