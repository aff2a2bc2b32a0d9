import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Locale } from '../../../common/i18n.js';
import { loadExcelJS } from '../../http/file-libraries.js';
import { ALL_ROSTER_COLUMNS, columnForHeader } from './roster.columns.js';
import { describeProblems, type RowProblem } from './roster.problems.js';

/**
 * The file a cadre gets back: each rejected row with its original columns, then 错误原因 (every problem of
 * the row) and 原行号. Fixed and uploaded again it reads as a roster (the two extra columns are ignored).
 */

export const REASON_HEADER = '错误原因';
export const ROW_NUMBER_HEADER = '原行号';

/** Characters XML 1.0 cannot carry; an .xlsx with them does not open. */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * A spreadsheet program may run a cell starting with one of these as a formula: = + - @ tab CR, and their
 * full-width forms ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20), which spreadsheets and Chinese input methods
 * turn into the ASCII ones.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * Text that needs nothing done: no formula trigger first, no control character, DEL, surrogate or non-character —
 * almost every cell, checked in one pass (an export of a million members calls this eleven million times).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PLAIN = /^(?![=+\-@\uFF1D\uFF0B\uFF0D\uFF20])[^\u0000-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]*$/;

/**
 * Makes text safe for a spreadsheet cell: characters XML cannot hold become U+FFFD, and text that could start
 * a formula gets a leading apostrophe — so the error file can never carry a live formula (CSV injection).
 * In .xlsx a line break is LF: XML parsers turn a literal CR into LF anyway, so it is done here, visibly; and
 * DEL (U+007F), which exceljs's writer silently drops, becomes U+FFFD like the characters XML cannot hold.
 */
export function neutraliseCell(text: string, format: 'xlsx' | 'csv' = 'xlsx'): string {
  if (PLAIN.test(text)) return text;
  const valid = text.replace(XML_INVALID, '\uFFFD');
  const clean = format === 'xlsx' ? valid.replace(/\r\n?/g, '\n').replaceAll('\u007F', '\uFFFD') : valid;
  return FORMULA_TRIGGER.test(clean) ? `'${clean}` : clean;
}

/** One CSV field, quoted when it holds a quote, comma or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type ErrorsFileOptions = {
  format: 'xlsx' | 'csv';
  /** The header row of the uploaded roster (`RosterHeader.headers`). */
  headers: readonly string[];
  locale?: Locale;
};

export type RosterErrorsFile = {
  addRow: (row: { rowNumber: number; raw: readonly string[] }, problems: readonly RowProblem[]) => Promise<void>;
  /** Finishes the file; resolves once it is completely written. */
  close: () => Promise<{ rows: number }>;
};

/** Streams the error file (.xlsx, or .csv in UTF-8 with a byte-order mark) to a path or a writable stream. */
export function createRosterErrorsFile(target: string | Writable, options: ErrorsFileOptions): RosterErrorsFile {
  const locale = options.locale ?? 'zh-CN';
  // A re-uploaded error file already has the two extra columns: keep only the roster's own.
  const kept = options.headers.map((h, i) => ({ h, i })).filter(({ h }) => h !== REASON_HEADER && h !== ROW_NUMBER_HEADER);
  const headers = [...kept.map(({ h }) => h), REASON_HEADER, ROW_NUMBER_HEADER];
  const lineOf = (row: { rowNumber: number; raw: readonly string[] }, problems: readonly RowProblem[]) => [
    ...kept.map(({ i }) => neutraliseCell(row.raw[i] ?? '', options.format)),
    neutraliseCell(describeProblems(problems, locale), options.format),
  ];
  let rows = 0;

  if (options.format === 'csv') {
    const stream = typeof target === 'string' ? createWriteStream(target) : target;
    const write = async (line: string) => {
      if (!stream.write(line)) await once(stream, 'drain');
    };
    let started = false;
    const start = async () => {
      if (started) return;
      started = true;
      await write(`\uFEFF${headers.map((h) => csvField(neutraliseCell(h, 'csv'))).join(',')}\r\n`);
    };
    return {
      async addRow(row, problems) {
        await start();
        await write(`${[...lineOf(row, problems), String(row.rowNumber)].map(csvField).join(',')}\r\n`);
        rows++;
      },
      async close() {
        await start();
        const finished = once(stream, 'finish');
        stream.end();
        await finished;
        return { rows };
      },
    };
  }

  // exceljs loads on first use (http/file-libraries.ts): the writer is made at the first row or the close, so that
  // making an error file stays synchronous for its callers.
  const open = async () => {
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      ...(typeof target === 'string' ? { filename: target } : { stream: target }),
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('错误数据', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = headers.map((header) => {
      const key = columnForHeader(header);
      const column = ALL_ROSTER_COLUMNS.find((c) => c.key === key);
      return {
        header: neutraliseCell(header),
        width: header === REASON_HEADER ? 60 : (column?.width ?? 14),
        ...(column?.isText ? { style: { numFmt: '@' } } : {}),
      };
    });
    sheet.getRow(1).font = { bold: true };
    return { workbook, sheet };
  };
  let opened: ReturnType<typeof open> | undefined;
  return {
    async addRow(row, problems) {
      const { sheet } = await (opened ??= open());
      sheet.addRow([...lineOf(row, problems), row.rowNumber]).commit();
      rows++;
    },
    async close() {
      const { workbook, sheet } = await (opened ??= open());
      sheet.commit();
      await workbook.commit();
      return { rows };
    },
  };
}
