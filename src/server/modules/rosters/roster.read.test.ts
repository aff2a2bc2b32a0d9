import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RosterFileError, describeFileError } from './roster.file-error.js';
import { readRoster } from './roster.read.js';
import { SharedStrings } from './roster.shared-strings.js';
import { FIXTURES, GOOD_ROW, HEADER, readAll, readError, withTempDir, writeBytes } from './roster.test-support.js';

const csvOf = (lines: readonly (readonly string[])[]) => lines.map((l) => l.join(',')).join('\r\n') + '\r\n';

describe('reading the fixture rosters', () => {
  it('reads the 200 rows of roster-clean.xlsx with the header on row 1', async () => {
    const { header, rows } = await readAll(path.join(FIXTURES, 'roster-clean.xlsx'));
    expect(header).toMatchObject({ format: 'xlsx', rowNumber: 1, headers: [...HEADER] });
    expect(rows).toHaveLength(200);
    expect(rows[0]).toEqual({
      rowNumber: 2,
      cells: {
        name: '石梅',
        idNumber: '110112199904263696',
        phone: '14068803280',
        gender: '男',
        employmentForm: '全日制',
        employerName: '顺丰速运北京分公司',
        joinDate: '2024-10-01',
        employerUscc: '',
      },
      raw: ['石梅', '110112199904263696', '14068803280', '男', '全日制', '顺丰速运北京分公司', '2024-10-01'],
    });
    expect(rows.at(-1)?.rowNumber).toBe(201);
  });

  it('shows ID numbers that Excel turned into numbers the way Excel shows them', async () => {
    const { rows } = await readAll(path.join(FIXTURES, 'roster-id-as-number.xlsx'));
    expect(rows).toHaveLength(200);
    expect(rows[0]?.cells.idNumber).toBe('1.10112199904264E+17'); // stored as the number 1.10112199904264E+017
    // numbers ending in X cannot become numbers: those 16 stay text
    expect(rows.filter((r) => !/^\d\.\d+E\+17$/.test(r.cells.idNumber)).every((r) => /^\d{17}X$/.test(r.cells.idNumber))).toBe(true);
  });

  it.each([
    ['roster-gbk.csv', 'gb18030'],
    ['roster-utf8.csv', 'utf-8'],
  ])('reads %s as %s with the Chinese intact', async (file, encoding) => {
    const { header, rows } = await readAll(path.join(FIXTURES, file));
    expect(header).toMatchObject({ format: 'csv', encoding, delimiter: ',', rowNumber: 1, headers: [...HEADER] });
    expect(rows).toHaveLength(100);
    expect(rows[0]?.cells).toMatchObject({ name: '石梅', employerName: '顺丰速运北京分公司', employmentForm: '全日制' });
    expect(rows.every((r) => /^\p{Script=Han}{2,4}$/u.test(r.cells.name))).toBe(true);
  });

  it('gives the same rows from the GBK and the UTF-8 CSV', async () => {
    const gbk = await readAll(path.join(FIXTURES, 'roster-gbk.csv'));
    const utf8 = await readAll(path.join(FIXTURES, 'roster-utf8.csv'));
    expect(gbk.rows).toEqual(utf8.rows);
  });
});

describe('finding the header', () => {
  it('skips a title row, accepts aliases and ignores unknown columns', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(
        dir,
        'titled.csv',
        csvOf([
          ['东城区某公司工会会员名册', '', ''],
          [],
          ['序号', '姓名', '身份证号码', '联系电话', '用工形式', '工作单位', '入会时间', '备注'],
          ['1', ...GOOD_ROW.filter((_, i) => i !== 3), '老会员'],
          ['', '', '', '', '', '', '', ''],
          ['2', '李四', '110101199003074514', '13900000000', '快递员', '', '2021-01-01', ''],
        ]),
      );
      const { header, rows } = await readAll(file);
      expect(header).toMatchObject({
        rowNumber: 3,
        columns: { name: 1, idNumber: 2, phone: 3, employmentForm: 4, employerName: 5, joinDate: 6 },
      });
      expect(header?.columns.gender).toBeUndefined();
      expect(rows.map((r) => r.rowNumber)).toEqual([4, 6]);
      expect(rows[0]?.cells).toMatchObject({ name: '张三', gender: '', joinDate: '2020-05-01' });
      expect(rows[0]?.raw).toHaveLength(8);
    });
  });

  it('lists the required columns a roster lacks', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(
        dir,
        'partial.csv',
        csvOf([
          ['姓名', '身份证号', '性别'],
          ['张三', '11010519491231002X', '女'],
        ]),
      );
      const error = await readError(file);
      expect(error).toBeInstanceOf(RosterFileError);
      expect(error).toMatchObject({ code: 'MISSING_COLUMNS', params: { columns: '手机号、用工形式、所在单位、入会日期' } });
      expect(describeFileError(error as RosterFileError, 'zh-CN')).toBe(
        '名册缺少必填列：手机号、用工形式、所在单位、入会日期。请使用系统提供的名册模板',
      );
    });
  });

  it('reports a file without any header as missing every required column', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(
        dir,
        'noheader.csv',
        csvOf([
          ['a', 'b'],
          ['c', 'd'],
        ]),
      );
      expect(await readError(file)).toMatchObject({
        code: 'MISSING_COLUMNS',
        params: { columns: '姓名、身份证号、手机号、用工形式、所在单位、入会日期' },
      });
    });
  });

  it('refuses an empty file and a header without rows', async () => {
    await withTempDir(async (dir) => {
      expect(await readError(await writeBytes(dir, 'empty.csv', ''))).toMatchObject({ code: 'EMPTY_FILE' });
      expect(await readError(await writeBytes(dir, 'blank.csv', '\r\n,,\r\n'))).toMatchObject({ code: 'EMPTY_FILE' });
      expect(await readError(await writeBytes(dir, 'header.csv', csvOf([HEADER])))).toMatchObject({ code: 'EMPTY_FILE' });
    });
  });
});

describe('encodings and formats', () => {
  it.each([
    ['utf-16le', Buffer.from([0xff, 0xfe])],
    ['utf-16be', Buffer.from([0xfe, 0xff])],
  ] as const)('reads a %s CSV with a byte-order mark, tab-separated as Excel saves "Unicode text"', async (encoding, bom) => {
    await withTempDir(async (dir) => {
      const text = [HEADER, GOOD_ROW].map((l) => l.join('\t')).join('\r\n');
      const file = await writeBytes(dir, 'unicode.txt', Buffer.concat([bom, iconv.encode(text, encoding)]));
      const { header, rows } = await readAll(file);
      expect(header).toMatchObject({ encoding, delimiter: '\t' });
      expect(rows[0]?.raw).toEqual([...GOOD_ROW]);
    });
  });

  it('reads UTF-8 without a byte-order mark, quoted fields with commas and line breaks', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(
        dir,
        'plain.csv',
        `${HEADER.join(',')}\n张三,11010519491231002X,13812345678,女,全日制,"北京市""自来水"",集团\n二分公司",2020-05-01\n`,
      );
      const { header, rows } = await readAll(file);
      expect(header?.encoding).toBe('utf-8');
      expect(rows[0]?.cells.employerName).toBe('北京市"自来水",集团\n二分公司');
    });
  });

  it('tells an old .xls and binary junk from a roster', async () => {
    await withTempDir(async (dir) => {
      const xls = await writeBytes(
        dir,
        'old.xls',
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      );
      expect(await readError(xls)).toMatchObject({ code: 'UNKNOWN_FORMAT', params: { detected: 'xls' } });
      const png = await writeBytes(dir, 'photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
      expect(await readError(png)).toMatchObject({ code: 'UNKNOWN_FORMAT', params: { detected: 'binary' } });
    });
  });

  it('shows dates, formulas, rich text, numbers and booleans of an .xlsx as the user sees them', async () => {
    await withTempDir(async (dir) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('名册');
      sheet.addRow([...HEADER, '备注']);
      sheet.addRow([
        { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] },
        1.10101199003075e17, // an ID number typed into a General cell: Excel keeps 15 digits
        13812345678,
        { formula: 'IF(1,"女","男")', result: '女' },
        '全日制',
        '单位',
        new Date(Date.UTC(2020, 4, 1)),
        true,
      ]);
      sheet.addRow([
        '李四',
        '11010519491231002X',
        13812345678,
        '女',
        '全日制',
        '单位',
        { formula: 'DATE(2021,2,3)', result: 44230 },
        0.1 + 0.2,
      ]);
      sheet.getCell('G2').numFmt = 'yyyy-mm-dd';
      sheet.getCell('G3').numFmt = 'yyyy"年"m"月"d"日"';
      const file = path.join(dir, 'types.xlsx');
      await workbook.xlsx.writeFile(file);
      const { rows } = await readAll(file);
      expect(rows[0]?.raw).toEqual(['张三', '1.10101199003075E+17', '13812345678', '女', '全日制', '单位', '2020-05-01', 'TRUE']);
      expect(rows[1]?.raw).toEqual(['李四', '11010519491231002X', '13812345678', '女', '全日制', '单位', '2021-02-03', '0.3']);
    });
  });
});

describe('workbooks as Excel and WPS write them', () => {
  it('finds the roster on a later sheet when the first holds instructions', async () => {
    await withTempDir(async (dir) => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('说明').addRows([['请按下表填写'], ['第二行说明']]);
      const hidden = workbook.addWorksheet('代码表', { state: 'hidden' });
      hidden.addRow([...HEADER]);
      const roster = workbook.addWorksheet('名册');
      roster.addRow(['某某公司工会会员名册']);
      roster.addRow([...HEADER]);
      roster.addRow([...GOOD_ROW]);
      const file = path.join(dir, 'sheets.xlsx');
      await workbook.xlsx.writeFile(file);
      const { header, rows } = await readAll(file);
      expect(header).toMatchObject({ sheetName: '名册', rowNumber: 2 });
      expect(rows.map((r) => [r.rowNumber, r.raw])).toEqual([[3, [...GOOD_ROW]]]);
    });
  });

  it('keeps Chinese intact across chunk boundaries of a large shared-strings sheet', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'shared.xlsx');
      // shared strings written after the sheet, as Excel orders them
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
      const sheet = workbook.addWorksheet('名册');
      sheet.addRow([...HEADER]).commit();
      for (let i = 0; i < 5000; i++)
        sheet.addRow([`欧阳${i}`, GOOD_ROW[1], GOOD_ROW[2], '女', '其他新就业形态', `北京市第${i}号工会服务站驿站`, GOOD_ROW[6]]).commit();
      sheet.commit();
      await workbook.commit();
      const { rows } = await readAll(file);
      expect(rows).toHaveLength(5000);
      expect(rows.filter((r) => r.raw.join('').includes('\uFFFD'))).toEqual([]);
      expect(rows[4999]?.cells).toMatchObject({
        name: '欧阳4999',
        employerName: '北京市第4999号工会服务站驿站',
        employmentForm: '其他新就业形态',
      });
    });
  });
});

describe('the shared-string table', () => {
  it('keeps any number of strings of any length, and answers an unknown index with an empty string', () => {
    const table = new SharedStrings();
    const texts = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? '' : `${'字'.repeat(i % 50)}${i}😀`));
    texts.push('长'.repeat(100_000));
    for (const text of texts) table.push(text);
    expect(table.size).toBe(texts.length);
    expect(texts.every((text, i) => table.get(i) === text)).toBe(true);
    expect([table.get(-1), table.get(texts.length), table.get(1.5)]).toEqual(['', '', '']);
  });
});

describe('stopping early', () => {
  it('stops at the signal with its reason, on a break, and passes on what onHeader throws', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const reading = (async () => {
      for await (const row of readRoster(path.join(FIXTURES, 'roster-clean.xlsx'), { signal: controller.signal })) {
        seen.push(row.rowNumber);
        if (seen.length === 3) controller.abort(new Error('cancelled by the cadre'));
      }
    })();
    await expect(reading).rejects.toThrow('cancelled by the cadre');
    expect(seen).toEqual([2, 3, 4]);

    let count = 0;
    for await (const _row of readRoster(path.join(FIXTURES, 'roster-gbk.csv'))) if (++count === 5) break;
    expect(count).toBe(5);

    const broken = readAll(path.join(FIXTURES, 'roster-gbk.csv'), {
      onHeader: () => {
        throw new TypeError('a bug in the caller');
      },
    });
    await expect(broken).rejects.toThrow(TypeError);
  });
});
