import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPLOYMENT_FORM_CHOICES, ROSTER_COLUMNS } from './roster.columns.js';
import { INSTRUCTIONS_SHEET, TEMPLATE_SHEET, writeRosterTemplate } from './roster.template.js';
import { validateRosterRow } from './roster.validate.js';
import { HEADER, readAll, withTempDir } from './roster.test-support.js';

type SheetModel = { dataValidations?: { model: Record<string, ExcelJS.DataValidation> }; views: Partial<ExcelJS.WorksheetView>[] };

describe('the roster template', () => {
  it('has the fixed header, frozen, text-formatted ID and phone, drop-downs, a date rule and instructions', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'template.xlsx');
      await writeRosterTemplate(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([TEMPLATE_SHEET, INSTRUCTIONS_SHEET]);
      const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER]);
      expect((sheet as unknown as SheetModel).views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(2).numFmt).toBe('@');
      expect(sheet.getColumn(3).numFmt).toBe('@');
      const validations = (sheet as unknown as SheetModel).dataValidations?.model ?? {};
      // exceljs expands each range into its cells when it loads a workbook
      for (const cell of ['D2', 'D100001']) expect(validations[cell], cell).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
      expect(validations['E2']).toMatchObject({ type: 'list', formulae: [`"${EMPLOYMENT_FORM_CHOICES.join(',')}"`] });
      expect(validations['G2']).toMatchObject({ type: 'date', operator: 'between' });
      expect(validations['A2']).toBeUndefined();
      const instructions = workbook.getWorksheet(INSTRUCTIONS_SHEET)!;
      expect(String(instructions.getCell('A1').value)).toBe('会员名册填写说明');
      expect(instructions.getColumn(1).values.join('')).toContain('科学计数法');
    });
  });

  it('round-trips: two rows filled in the template read back and validate', async () => {
    await withTempDir(async (dir) => {
      const blank = path.join(dir, 'template.xlsx');
      await writeRosterTemplate(createWriteStream(blank));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(blank);
      const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
      sheet.getRow(2).values = [
        '张三',
        '11010519491231002X',
        '13812345678',
        '女',
        '劳务派遣',
        '北京市自来水集团',
        new Date(Date.UTC(2020, 4, 1)),
      ];
      sheet.getRow(3).values = ['李四', '110101199003074514', '13900000000', '', '外卖骑手', '', '2021-03-04'];
      sheet.getCell('G2').numFmt = 'yyyy-mm-dd';
      const filled = path.join(dir, 'filled.xlsx');
      await workbook.xlsx.writeFile(filled);

      const { header, rows } = await readAll(filled);
      expect(header).toMatchObject({ sheetName: TEMPLATE_SHEET, rowNumber: 1, headers: ROSTER_COLUMNS.map((c) => c.header) });
      expect(rows.map((r) => r.raw)).toEqual([
        ['张三', '11010519491231002X', '13812345678', '女', '劳务派遣', '北京市自来水集团', '2020-05-01'],
        ['李四', '110101199003074514', '13900000000', '', '外卖骑手', '', '2021-03-04'],
      ]);
      const today = new Date('2026-11-21T00:00:00Z');
      const values = rows.map((r) => validateRosterRow(r, { today })).map((v) => (v.ok ? v.value : v.problems));
      expect(values).toMatchObject([
        { name: '张三', employmentForm: 'standard', joinDate: '2020-05-01', gender: 'female' },
        { name: '李四', employmentForm: 'delivery_rider', employerName: null, gender: 'male' },
      ]);
    });
  });
});
