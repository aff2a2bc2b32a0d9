import { ROSTER_UPLOAD_MAX_MB } from '../../../common/imports.js';
/**
 * The member roster (会员名册) as unions exchange it: fixed columns, the employment-form codes behind the
 * 用工形式 drop-down, and the limits every uploaded roster file is held to.
 */

export type ColumnKey = 'name' | 'idNumber' | 'phone' | 'gender' | 'employmentForm' | 'employerName' | 'joinDate' | 'employerUscc';

export type RosterColumn = {
  key: ColumnKey;
  /** The header cell as the template writes it. */
  header: string;
  /** Other headers cadres use for the same column. */
  aliases: readonly string[];
  /** The file is refused without this column (性别 is optional: the ID number already says it). */
  isRequired: boolean;
  /** Kept as text in the template and the error file so Excel never turns it into a number. */
  isText: boolean;
  width: number;
};

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'name', header: '姓名', aliases: ['会员姓名', '职工姓名', '名字'], isRequired: true, isText: false, width: 12 },
  {
    key: 'idNumber',
    header: '身份证号',
    aliases: ['身份证号码', '证件号码', '证件号', '公民身份号码', '居民身份证号码', '身份证'],
    isRequired: true,
    isText: true,
    width: 22,
  },
  {
    key: 'phone',
    header: '手机号',
    aliases: ['手机号码', '手机', '联系电话', '电话', '联系方式', '移动电话'],
    isRequired: true,
    isText: true,
    width: 16,
  },
  { key: 'gender', header: '性别', aliases: [], isRequired: false, isText: false, width: 6 },
  { key: 'employmentForm', header: '用工形式', aliases: ['用工方式', '就业形态', '职工类型'], isRequired: true, isText: false, width: 16 },
  {
    key: 'employerName',
    header: '所在单位',
    aliases: ['工作单位', '单位名称', '所属单位', '单位', '所在企业', '服务站点'],
    isRequired: true,
    isText: false,
    width: 28,
  },
  { key: 'joinDate', header: '入会日期', aliases: ['入会时间', '加入工会日期', '入会年月日'], isRequired: true, isText: false, width: 14 },
];

/**
 * Columns read when a roster has them but not in the template: the employer's 统一社会信用代码, which matches a row to a
 * covered employer however its name is spelled.
 */
export const OPTIONAL_ROSTER_COLUMNS: readonly RosterColumn[] = [
  {
    key: 'employerUscc',
    header: '统一社会信用代码',
    aliases: ['单位统一社会信用代码', '社会信用代码', '信用代码', '所在单位统一社会信用代码'],
    isRequired: false,
    isText: true,
    width: 22,
  },
];

/** Every column a roster may have: the template's and the optional ones. */
export const ALL_ROSTER_COLUMNS: readonly RosterColumn[] = [...ROSTER_COLUMNS, ...OPTIONAL_ROSTER_COLUMNS];

export type ColumnHeader = (typeof ROSTER_COLUMNS)[number]['header'];

export function columnOf(key: ColumnKey): RosterColumn {
  const column = ALL_ROSTER_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`unknown roster column ${key}`);
  return column;
}

/** Folds what people do to header cells: spaces, full-width letters, a '*' or （必填） marking required, a trailing colon. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\uFEFF]/g, '')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/^[*＊]+|[*＊:：]+$/g, '');
}

const headerIndex = new Map<string, ColumnKey>(
  ALL_ROSTER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normaliseHeader(h), c.key] as const)),
);

/** The column a header cell names, if any. */
export function columnForHeader(text: string): ColumnKey | undefined {
  return headerIndex.get(normaliseHeader(text));
}

export type EmploymentFormCode = 'standard' | 'courier' | 'delivery_rider' | 'ride_hailing' | 'truck_driver' | 'other_gig';

/**
 * 用工形式: the first label of each entry is what the template's drop-down offers; the others are accepted
 * because cadres write them (外卖送餐员 is in the real rosters).
 */
export const EMPLOYMENT_FORMS: readonly { code: EmploymentFormCode; labels: readonly string[]; isGig: boolean }[] = [
  { code: 'standard', labels: ['全日制', '劳动合同', '劳务派遣', '非全日制'], isGig: false },
  { code: 'courier', labels: ['快递员', '快递小哥'], isGig: true },
  { code: 'delivery_rider', labels: ['外卖骑手', '外卖员', '外卖送餐员'], isGig: true },
  { code: 'ride_hailing', labels: ['网约车司机'], isGig: true },
  { code: 'truck_driver', labels: ['货车司机'], isGig: true },
  { code: 'other_gig', labels: ['其他新就业形态'], isGig: true },
];

/** The labels the template's 用工形式 drop-down offers, in order. */
export const EMPLOYMENT_FORM_CHOICES: readonly string[] = [
  ...EMPLOYMENT_FORMS[0]!.labels,
  ...EMPLOYMENT_FORMS.slice(1).map((f) => f.labels[0]!),
];

const employmentFormIndex = new Map<string, EmploymentFormCode>(
  EMPLOYMENT_FORMS.flatMap((f) => f.labels.map((label) => [label, f.code] as const)),
);

export function employmentFormFromLabel(label: string): EmploymentFormCode | undefined {
  return employmentFormIndex.get(label.normalize('NFKC').replace(/\s/g, ''));
}

export function isGigForm(code: EmploymentFormCode): boolean {
  return EMPLOYMENT_FORMS.some((f) => f.code === code && f.isGig);
}

export const GENDER_CHOICES = ['男', '女'] as const;

/** Limits every uploaded roster is held to; a file beyond one is refused as a whole. */
export const ROSTER_LIMITS = {
  /** Size of the uploaded file. */
  maxFileBytes: ROSTER_UPLOAD_MAX_MB * 1024 * 1024,
  /** Data rows below the header. */
  maxRows: 1_000_000,
  /** Rows searched for the header (a title row or two often sits above it). */
  maxHeaderSearchRows: 20,
  /** Characters of one CSV record; a longer one is a broken or hostile file. */
  maxCsvRecordChars: 64 * 1024,
  /** Sum of the declared uncompressed sizes of all entries of an .xlsx. */
  maxXlsxUncompressedBytes: 1024 * 1024 * 1024,
  /**
   * Uncompressed size of the shared-string table, which stays in memory while the sheet streams; a real
   * million-row roster needs about a tenth of it.
   */
  maxSharedStringsBytes: 256 * 1024 * 1024,
  /** Entries in an .xlsx (a roster has about ten). */
  maxXlsxEntries: 1000,
  /**
   * Uncompressed ÷ compressed size of one entry above which it is a zip bomb. Real sheets compress 5–40×;
   * only entries larger than `zipRatioFloorBytes` are judged, small ones compress arbitrarily well.
   */
  maxZipRatio: 200,
  zipRatioFloorBytes: 1024 * 1024,
} as const;

export type RosterLimits = { [K in keyof typeof ROSTER_LIMITS]: number };

/** 姓名 longer than this is refused. */
export const MAX_NAME_CHARS = 50;
/** 所在单位 longer than this is refused. */
export const MAX_EMPLOYER_CHARS = 100;
/** A member joins at 16 at the earliest (the legal working age). */
export const MIN_JOIN_AGE = 16;
