import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readAwardFile } from './awards.file.js';

async function xlsxOf(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('积分');
  sheet.addRow(['姓名', '证件号码', '手机号', '积分', '事由']);
  build(sheet, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading a bulk award file', () => {
  it('reads number and date cells as Excel shows them, as the roster reader does', async () => {
    const content = await xlsxOf((sheet) => {
      sheet.addRow(['张三', 1.10101199003075e17, 13812345678, { formula: 'A1*0', result: 0.1 + 0.2 }, '植树']);
      sheet.addRow(['李四', '11010519491231002X', '', 5, { formula: 'DATE(2024,5,1)', result: 45413 }]);
      sheet.addRow(['王五', '110101199003071234', '', 2, 45414]);
      sheet.addRow(['赵六', 1.10101199003075e17, '', 1, '献血']);
      sheet.getCell('E3').numFmt = 'yyyy"年"m"月"d"日"';
      sheet.getCell('E4').numFmt = 'DD.MM.YYYY';
      sheet.getCell('B5').numFmt = 'yyyy-mm-dd';
    });
    const rows = await readAwardFile('积分.xlsx', content);
    expect(rows.map((r) => [r.idNumber, r.phone, r.points, r.reason])).toEqual([
      ['1.10101199003075E+17', '13812345678', '0.3', '植树'], // an ID number stored as a number shows its lost digits
      ['11010519491231002X', '', '5', '2024-05-01'],
      ['110101199003071234', '', '2', '2024-05-02'],
      ['', '', '1', '献血'], // an ID number in a date column is past Excel's calendar (####): blank, not a crash
    ]);
  });

  it('counts dates from 1904 in a workbook that says so', async () => {
    const content = await xlsxOf((sheet, workbook) => {
      workbook.properties.date1904 = true;
      sheet.addRow(['张三', '11010519491231002X', '', 1, 43951]);
      sheet.getCell('E2').numFmt = 'yyyy-mm-dd';
    });
    const [row] = await readAwardFile('积分.xlsx', content);
    expect(row?.reason).toBe('2024-05-01');
  });
});
