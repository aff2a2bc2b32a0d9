/** Generated roster files for benchmarks (not tests: those use the real fixtures in ../shared/fixtures). */
import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { idCheckChar } from '../src/common/identity.js';
import { EMPLOYMENT_FORM_CHOICES, ROSTER_COLUMNS } from '../src/server/modules/rosters/roster.columns.js';

/** Deterministic roster rows with valid ID numbers (a few repeat by chance, as in real rosters). */
export function* generateRosterRows(count: number): Generator<string[]> {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国';
  for (let i = 0; i < count; i++) {
    const birth = `${1960 + next(45)}${String(1 + next(12)).padStart(2, '0')}${String(1 + next(28)).padStart(2, '0')}`;
    const body = `1101${String(1 + next(17)).padStart(2, '0')}${birth}${String(i % 1000).padStart(3, '0')}`;
    const year = Math.max(Number(birth.slice(0, 4)) + 18, 1990) + next(10);
    yield [
      surnames.charAt(next(surnames.length)) + given.charAt(next(given.length)) + (next(2) ? given.charAt(next(given.length)) : ''),
      body + idCheckChar(body),
      `1${3 + next(7)}${String(next(1e9)).padStart(9, '0')}`,
      Number(body.charAt(16)) % 2 ? '男' : '女',
      EMPLOYMENT_FORM_CHOICES[next(EMPLOYMENT_FORM_CHOICES.length)]!,
      `北京市第${1 + next(500)}建筑工程有限公司`,
      `${Math.min(year, 2025)}-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`,
    ];
  }
}

/** A roster .xlsx written by exceljs's streaming writer, as a spreadsheet program would store it. */
export async function writeRosterXlsx(file: string, count: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('会员名册');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header)).commit();
  for (const row of generateRosterRows(count)) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

/** A roster CSV in UTF-8 with a byte-order mark, as Excel saves it. */
export async function writeRosterCsv(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`\uFEFF${ROSTER_COLUMNS.map((c) => c.header).join(',')}\r\n`);
  for (const row of generateRosterRows(count)) if (!out.write(`${row.join(',')}\r\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}
