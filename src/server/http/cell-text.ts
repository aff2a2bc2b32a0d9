import type { CellValue } from 'exceljs';

/*
 * What a spreadsheet cell shows, as text: shared by every module that reads an uploaded .xlsx (rosters through
 * their streaming reader, points' bulk award files through exceljs's workbook), so that an ID number stored as a
 * number, a computed figure or a date reads the same in all of them.
 */

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
/** 9999-12-31, the last day of Excel's calendar. */
const LAST_EXCEL_DAY = 2_958_465;

/**
 * A date serial as YYYY-MM-DD; '' for a serial outside Excel's calendar (Excel shows it as ####), such as an ID
 * number typed into a date column — which would otherwise make no date at all and throw.
 */
export function excelSerialToDate(serial: number, isDate1904 = false): string {
  const days = Math.floor(serial + 1e-9) + (isDate1904 ? 1462 : 0);
  if (!(days >= 0 && days <= LAST_EXCEL_DAY)) return '';
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
