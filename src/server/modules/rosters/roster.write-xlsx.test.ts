import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRoster } from './roster.read.js';
import { withTempDir } from './roster.test-support.js';
import { columnName, writeTextSheet } from './roster.write-xlsx.js';

/** The member export's columns: the roster reader finds its header by them. */
const header = ['姓名', '身份证号', '手机号', '性别', '出生日期', '用工形式', '所在单位', '所属工会', '入会日期', '会籍状态', '会员卡号'];
const rows = [
  [
    '赵敏',
    '110105********5079',
    '153****9712',
    '女',
    '1990-03-21',
    '快递员',
    '北京启方超市有限公司 & <分公司>',
    '东华门街道工会',
    '2022-03-05',
    '在会',
    'GH110000000001',
  ],
  ['钱多多', '110105********1249', '', '男', '1974-06-10', '标准用工', ' 前后有空格 ', '东华门街道工会', '2013-07-28', '已离会', ''],
];

async function* pages(): AsyncGenerator<string[][]> {
  yield rows.slice(0, 1);
  yield [];
  yield rows.slice(1);
}

describe('the streamed text sheet', () => {
  it('reads back in exceljs and in the roster reader cell for cell, Chinese text and XML specials intact', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'sheet.xlsx');
      await writeTextSheet(createWriteStream(file), { sheetName: '会员名单', header }, pages());

      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.name).toBe('会员名单');
      const loaded: string[][] = [];
      sheet.eachRow((row) => loaded.push(header.map((_, i) => String(row.getCell(i + 1).value ?? ''))));
      expect(loaded).toEqual([header, ...rows]);

      const read: string[][] = [];
      for await (const row of readRoster(file)) read.push(header.map((_, i) => row.raw[i] ?? ''));
      expect(read).toEqual(rows);
    });
  });

  it('stops with the error of an output that fails, and leaves the rest of the rows unread', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<string[][]> {
      for (;;) {
        pulled++;
        yield Array.from({ length: 1000 }, (_, i) => [`会员${i}`, 'x'.repeat(200)]);
      }
    }
    const out = new PassThrough();
    let received = 0;
    out.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > 64 * 1024) out.destroy(new Error('client went away'));
    });
    await expect(writeTextSheet(out, { sheetName: 'x', header: ['a', 'b'] }, endless())).rejects.toThrow('client went away');
    expect(pulled).toBeLessThan(100);
  });

  it('names columns past Z as a spreadsheet does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
