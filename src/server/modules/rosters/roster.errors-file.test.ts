import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRosterErrorsFile, neutraliseCell, REASON_HEADER, ROW_NUMBER_HEADER } from './roster.errors-file.js';
import type { RowProblem } from './roster.problems.js';
import { createDuplicateTracker, validateRosterRow } from './roster.validate.js';
import { readRoster } from './roster.read.js';
import { FIXTURES, GOOD_ROW, HEADER, readAll, withTempDir } from './roster.test-support.js';

const today = new Date('2026-11-21T00:00:00Z');
const problem: RowProblem = { column: '姓名', code: 'NAME_FORMULA', params: {} };

/** Every cell of the first sheet of an .xlsx, as exceljs loads it (not streamed: these files are small). */
async function allCells(file: string): Promise<{ value: ExcelJS.CellValue; type: ExcelJS.ValueType; numFmt: string; formula?: string }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells: { value: ExcelJS.CellValue; type: ExcelJS.ValueType; numFmt: string }[] = [];
  workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push({ value: cell.value, type: cell.type, numFmt: cell.numFmt })));
  return cells;
}

describe('the error file', () => {
  it('writes the rejected rows of roster-messy.xlsx with their reasons, ID and phone as text, no live formula', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'errors.xlsx');
      let errors: ReturnType<typeof createRosterErrorsFile> | undefined;
      const duplicates = createDuplicateTracker();
      for await (const row of readRoster(path.join(FIXTURES, 'roster-messy.xlsx'), {
        onHeader: (h) => (errors = createRosterErrorsFile(out, { format: h.format, headers: h.headers })),
      })) {
        const result = validateRosterRow(row, { today, duplicates });
        if (!result.ok) await errors!.addRow(row, result.problems);
      }
      expect(await errors!.close()).toEqual({ rows: 7 });

      const cells = await allCells(out);
      expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
      expect(cells.every((c) => typeof c.value !== 'string' || !/^[=+\-@\t\r]/.test(c.value))).toBe(true);

      const { header, rows } = await readAll(out);
      expect(header?.headers).toEqual([...HEADER, REASON_HEADER, ROW_NUMBER_HEADER]);
      const byRow = new Map(rows.map((r) => [r.raw[8], r.raw]));
      expect(byRow.get('109')?.[0]).toBe(`'=HYPERLINK("http://x","点我")`);
      expect(byRow.get('109')?.[7]).toBe('姓名不能以 = + - @ 开头（看起来像公式），请填写真实姓名');
      expect(byRow.get('82')?.[7]).toBe('与第 62 行身份证号重复');
      expect(byRow.get('5')?.[7]).toBe('姓名未填写');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      expect(workbook.worksheets[0]!.getColumn(2).numFmt).toBe('@');
      expect(workbook.worksheets[0]!.getColumn(3).numFmt).toBe('@');
    });
  });

  it('writes CSV in UTF-8 with a byte-order mark and drops the extra columns of a re-uploaded error file', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'errors.csv');
      const errors = createRosterErrorsFile(out, { format: 'csv', headers: [...HEADER, REASON_HEADER, ROW_NUMBER_HEADER] });
      await errors.addRow({ rowNumber: 7, raw: ['=1+2', '-3', '+86 138', '@x', '\tA', '"引号",逗号', '2020-01-01', '旧原因', '3'] }, [
        problem,
      ]);
      await errors.close();
      const bytes = await readFile(out);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').slice(1)).toBe(
        `${[...HEADER, REASON_HEADER, ROW_NUMBER_HEADER].join(',')}\r\n` +
          `'=1+2,'-3,'+86 138,'@x,'\tA,"""引号"",逗号",2020-01-01,姓名不能以 = + - @ 开头（看起来像公式），请填写真实姓名,7\r\n`,
      );
    });
  });

  it('neutralises formula starts and characters XML cannot hold', () => {
    expect(neutraliseCell('=SUM(A1)')).toBe(`'=SUM(A1)`);
    expect(neutraliseCell('\r=1', 'csv')).toBe(`'\r=1`);
    expect(neutraliseCell('a\r\nb\rc')).toBe('a\nb\nc');
    expect(neutraliseCell('张三')).toBe('张三');
    expect(neutraliseCell('a\u0000b\u0007')).toBe('a\uFFFDb\uFFFD');
    expect(neutraliseCell('\uD800x')).toBe('\uFFFDx');
  });

  /** Text the error file can carry: XML-valid characters, with formula starts and Chinese over-represented. */
  const cellString = fc
    .tuple(
      fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', ' ', "'", '张'),
      fc.string({
        unit: fc.oneof(
          fc.constantFrom('=', '"', ',', '\n', '\r\n', ' ', '王', '·', '&', '<'),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        ),
        maxLength: 30,
      }),
    )
    .map(([start, rest]) => start + rest)
    // eslint-disable-next-line no-control-regex -- the characters XML cannot carry
    .filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s)); // replaced, tested above

  it.each(['xlsx', 'csv'] as const)(
    'reads back any text written to the .%s error file, apart from the neutralising apostrophe',
    async (format) => {
      // .xlsx keeps line breaks as LF (XML has no literal CR); CSV keeps every character
      const expected = (t: string) => {
        const text = format === 'xlsx' ? t.replace(/\r\n?/g, '\n') : t;
        return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      };
      await withTempDir(async (dir) => {
        let run = 0;
        await fc.assert(
          fc.asyncProperty(fc.array(cellString, { minLength: 1, maxLength: 5 }), async (texts) => {
            const out = path.join(dir, `property-${run++}.${format}`);
            const errors = createRosterErrorsFile(out, { format, headers: [...HEADER, '备注'] });
            for (const [i, text] of texts.entries()) await errors.addRow({ rowNumber: i + 2, raw: [...GOOD_ROW, text] }, [problem]);
            await errors.close();
            const { rows } = await readAll(out);
            expect(rows.map((r) => r.raw[7])).toEqual(texts.map(expected));
          }),
          { numRuns: 40 },
        );
      });
    },
  );
});
