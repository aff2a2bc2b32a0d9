import type { CellValue } from 'exceljs';

/** One row of a sheet as the user sees it: each cell's displayed text, by column (0-based). */
export type SheetRow = { rowNumber: number; values: string[] };

/**
 * One sheet of a file; `rows()` streams it from the start each time it is called. `countRecords` (CSV) counts
 * the non-blank rows quickly without parsing them, stopping past `max`. `verify` (.xlsx) reads the sheet's
 * data to the end without parsing it and throws if the file is damaged or lies about itself.
 */
export type SheetSource = {
  name: string;
  rows: () => AsyncGenerator<SheetRow>;
  countRecords?: (max: number) => Promise<number | undefined>;
  verify?: () => Promise<void>;
};

/** Excel's date formats contain y, m, d, h, s (outside quotes and [..] sections); `General` and `@` do not. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhsb]/i.test(
    numFmt
      .replace(/\[[^\]]*\]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/General/gi, ''),
  );
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function excelSerialToDate(serial: number, isDate1904 = false): string {
  const days = Math.floor(serial + 1e-9) + (isDate1904 ? 1462 : 0);
  return new Date(EXCEL_EPOCH_MS + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A number as Excel's General format shows it in a wide cell: up to 15 significant digits, and scientific
 * notation from 10^15 on — so an ID number that Excel stored as a number comes out as `1.10112199904264E+17`,
 * its lost digits visibly lost.
 */
export function formatGeneralNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const rounded = Number(value.toPrecision(15));
  if (rounded !== 0 && (Math.abs(rounded) >= 1e15 || Math.abs(rounded) < 1e-9)) {
    const [mantissa = '', exponent = '0'] = rounded.toExponential(14).split('e');
    const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${trimmed}E${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return String(rounded);
}

type RichRun = { text?: string | null };

function richToText(runs: readonly RichRun[]): string {
  return runs.map((run) => run.text ?? '').join('');
}

export type CellTextContext = { isDate1904?: boolean; sharedString?: (index: number) => string };

/** The text a cell shows: dates as YYYY-MM-DD, formulas as their cached result, rich text as plain text. */
export function cellText(value: CellValue, numFmt: string | undefined, context: CellTextContext = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return isDateFormat(numFmt) ? excelSerialToDate(value, context.isDate1904) : formatGeneralNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('sharedString' in value && typeof value.sharedString === 'number') return context.sharedString?.(value.sharedString) ?? '';
  if ('richText' in value) return richToText(value.richText);
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? '' : cellText(value.result as CellValue, numFmt, context);
  }
  if ('hyperlink' in value) return String(value.text);
  return '';
}
