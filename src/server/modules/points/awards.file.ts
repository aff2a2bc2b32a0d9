import { cellText } from '../../http/cell-text.js';
import { loadExcelJS } from '../../http/file-libraries.js';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../../common/errors.js';
import '../../../common/points.programmes.errors.js';
import { PROGRAMME_LIMITS } from '../../../common/points.programmes.js';

/** One data row of a bulk award file: 姓名, 证件号码 or 手机号, 积分, 事由 (texts as typed). */
export type AwardFileRow = { row: number; name: string; idNumber: string; phone: string; points: string; reason: string };

const HEADERS = {
  name: ['姓名', 'name'],
  idNumber: ['证件号码', '身份证号', '身份证号码', 'id number'],
  phone: ['手机号', '手机号码', 'phone'],
  points: ['积分', 'points'],
  reason: ['事由', 'reason'],
} as const;
type Column = keyof typeof HEADERS;

function toRows(table: string[][]): AwardFileRow[] {
  const [header, ...data] = table;
  if (!header) throw new AppError('PROGRAMME_FILE_INVALID', { detail: '没有表头 / no header row' });
  const at = {} as Record<Column, number>;
  for (const column of Object.keys(HEADERS) as Column[]) {
    at[column] = header.findIndex((h) => (HEADERS[column] as readonly string[]).includes(h.trim().toLowerCase()));
  }
  if (at.name < 0 || at.points < 0 || at.reason < 0 || (at.idNumber < 0 && at.phone < 0))
    throw new AppError('PROGRAMME_FILE_INVALID', {
      detail: '需要列：姓名、证件号码或手机号、积分、事由 / columns needed: 姓名, 证件号码 or 手机号, 积分, 事由',
    });
  const rows = data
    .map((cells, i) => ({ cells, row: i + 1 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
    .map(({ cells, row }) => {
      const get = (c: Column) => (at[c] >= 0 ? (cells[at[c]] ?? '').trim() : '');
      return { row, name: get('name'), idNumber: get('idNumber'), phone: get('phone'), points: get('points'), reason: get('reason') };
    });
  if (rows.length > PROGRAMME_LIMITS.bulkRows) throw new AppError('PROGRAMME_FILE_TOO_MANY_ROWS', { max: PROGRAMME_LIMITS.bulkRows });
  return rows;
}

/** Reads an uploaded .xlsx (first sheet) or .csv (UTF-8) of awards. */
export async function readAwardFile(fileName: string, content: Buffer): Promise<AwardFileRow[]> {
  if (/\.csv$/i.test(fileName)) {
    try {
      const text = content.toString('utf8').replace(/^\uFEFF/, '');
      return toRows(parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('PROGRAMME_FILE_INVALID', { detail: 'CSV' });
    }
  }
  if (!/\.xlsx$/i.test(fileName)) throw new AppError('PROGRAMME_FILE_INVALID', { detail: '只接受 .xlsx 或 .csv / .xlsx or .csv only' });
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('PROGRAMME_FILE_INVALID', { detail: 'xlsx' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('PROGRAMME_FILE_INVALID', { detail: '没有工作表 / no sheet' });
  // exceljs has already made dates of the numbers its own test takes for date formats; cellText does the rest.
  const isDate1904 = workbook.properties.date1904 === true;
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellText(cell.value, cell.numFmt, { isDate1904 });
    });
    table[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return toRows(Array.from(table, (r) => r ?? []));
}
