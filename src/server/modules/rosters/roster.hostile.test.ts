import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RosterFileError, describeFileError } from './roster.file-error.js';
import {
  buildZip,
  deflatedEntry,
  FIXTURES,
  GOOD_ROW,
  HEADER,
  inlineRow,
  readAll,
  readError,
  sheetXml,
  withTempDir,
  workbookAround,
  writeBytes,
  bombSheet,
  type RawZipEntry,
} from './roster.test-support.js';
import { readRoster } from './roster.read.js';

/** A sheet of `bytes` of repeated rows, deflated as it is generated (it never exists uncompressed). */

describe('hostile and broken files', () => {
  it('checks that the test archives are themselves readable', async () => {
    await withTempDir(async (dir) => {
      const sheet = deflatedEntry('xl/worksheets/sheet1.xml', sheetXml(inlineRow(1, HEADER) + inlineRow(2, GOOD_ROW)));
      const { rows } = await readAll(await writeBytes(dir, 'small.xlsx', buildZip(workbookAround(sheet))));
      expect(rows.map((r) => r.raw)).toEqual([[...GOOD_ROW]]);
    });
  });

  it('refuses a zip bomb on its declared size before inflating it: 200 MB of rows in under 1 MB', async () => {
    await withTempDir(async (dir) => {
      const sheet = await bombSheet(200 * 1024 * 1024);
      const file = await writeBytes(dir, 'bomb.xlsx', buildZip(workbookAround(sheet)));
      const size = (await readFile(file)).length;
      expect(size).toBeLessThan(1024 * 1024);
      const rssBefore = process.memoryUsage().rss;
      const error = await readError(file);
      expect(error).toMatchObject({ code: 'ZIP_BOMB', params: { entry: 'xl/worksheets/sheet1.xml' } });
      console.info(
        `zip bomb: ${size} bytes declaring ${sheet.uncompressedSize} refused; rss +${((process.memoryUsage().rss - rssBefore) / 1048576).toFixed(1)} MiB`,
      );
      expect(describeFileError(error as RosterFileError, 'zh-CN')).toContain('解压后过大');
    });
  });

  it('stops a zip bomb that lies about its size the moment it inflates past the lie', async () => {
    await withTempDir(async (dir) => {
      const sheet = await bombSheet(50 * 1024 * 1024);
      const liar = { ...sheet, uncompressedSize: sheet.data.length * 10 };
      const error = await readError(await writeBytes(dir, 'liar.xlsx', buildZip(workbookAround(liar))));
      expect(error).toMatchObject({ code: 'ZIP_BOMB', params: { declared: liar.uncompressedSize } });
    });
  });

  it('refuses a sheet that lies about its size, fails its checksum or stops mid-way before its first data row', async () => {
    await withTempDir(async (dir) => {
      const rowsBeforeError = async (name: string, sheet: RawZipEntry) => {
        let rows = 0;
        try {
          for await (const _row of readRoster(await writeBytes(dir, name, buildZip(workbookAround(sheet))))) rows++;
        } catch (error) {
          return { rows, error };
        }
        return { rows, error: undefined };
      };
      // An import commits rows in batches as they come: a file refused after its first rows would be half imported.
      const bomb = await bombSheet(20 * 1024 * 1024);
      expect(await rowsBeforeError('liar.xlsx', { ...bomb, uncompressedSize: bomb.data.length * 10 })).toMatchObject({
        rows: 0,
        error: { code: 'ZIP_BOMB' },
      });
      const sheet = deflatedEntry('xl/worksheets/sheet1.xml', sheetXml(inlineRow(1, HEADER) + inlineRow(2, GOOD_ROW).repeat(3)));
      expect(await rowsBeforeError('crc.xlsx', { ...sheet, crc: sheet.crc ^ 1 })).toMatchObject({
        rows: 0,
        error: { code: 'CORRUPT_FILE', params: { detail: 'entry xl/worksheets/sheet1.xml fails its checksum' } },
      });
      const cut = deflatedEntry(
        'xl/worksheets/sheet1.xml',
        sheetXml(inlineRow(1, HEADER) + inlineRow(2, GOOD_ROW).repeat(3)).slice(0, -30),
      );
      expect(await rowsBeforeError('cut.xlsx', cut)).toMatchObject({
        rows: 0,
        error: { code: 'CORRUPT_FILE', params: { detail: 'worksheet XML ends early' } },
      });
    });
  });

  it('refuses an archive with more declared content than the limit, however well it compresses', async () => {
    await withTempDir(async (dir) => {
      const sheet = deflatedEntry('xl/worksheets/sheet1.xml', sheetXml(inlineRow(1, HEADER) + inlineRow(2, GOOD_ROW)));
      const file = await writeBytes(dir, 'big.xlsx', buildZip(workbookAround(sheet)));
      expect(await readError(file, { limits: { maxXlsxUncompressedBytes: 500 } })).toMatchObject({ code: 'ZIP_BOMB' });
    });
  });

  it('refuses truncated and damaged .xlsx files as corrupt', async () => {
    await withTempDir(async (dir) => {
      const clean = await readFile(path.join(FIXTURES, 'roster-clean.xlsx'));
      const truncated = await writeBytes(dir, 'truncated.xlsx', clean.subarray(0, Math.floor(clean.length * 0.6)));
      expect(await readError(truncated)).toMatchObject({ code: 'CORRUPT_FILE' });

      const sheet = deflatedEntry('xl/worksheets/sheet1.xml', sheetXml((inlineRow(1, HEADER) + inlineRow(2, GOOD_ROW)).repeat(50)));
      const zip = buildZip(workbookAround(sheet));
      const at = zip.indexOf(sheet.data) + Math.floor(sheet.data.length / 2);
      zip.fill(0xff, at, at + 16);
      const damaged = await writeBytes(dir, 'damaged.xlsx', zip);
      const error = await readError(damaged);
      expect(error).toBeInstanceOf(RosterFileError);
      // damaged deflate data either fails to inflate or inflates into more than the entry declared
      expect(['CORRUPT_FILE', 'ZIP_BOMB']).toContain((error as RosterFileError).code);

      const notSheet = await writeBytes(dir, 'notsheet.xlsx', buildZip([deflatedEntry('hello.txt', 'hi')]));
      expect(await readError(notSheet)).toMatchObject({ code: 'CORRUPT_FILE' });
      const malformed = deflatedEntry('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名');
      expect(await readError(await writeBytes(dir, 'malformed.xlsx', buildZip(workbookAround(malformed))))).toMatchObject({
        code: 'CORRUPT_FILE',
      });
    });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const error = await readError(path.join(FIXTURES, 'roster-clean.xlsx'), { limits: { maxFileBytes: 10_000 } });
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE', params: { maxMiB: 0 } });
  });

  it('refuses an .xlsx with more rows than the limit', async () => {
    const error = await readError(path.join(FIXTURES, 'roster-clean.xlsx'), { limits: { maxRows: 150 } });
    expect(error).toMatchObject({ code: 'TOO_MANY_ROWS', params: { max: 150 } });
  });

  it('refuses a CSV with an unclosed quote or an endless record', async () => {
    await withTempDir(async (dir) => {
      const unclosed = await writeBytes(dir, 'unclosed.csv', `${HEADER.join(',')}\n${GOOD_ROW.join(',')}\n"张三,1`);
      expect(await readError(unclosed)).toMatchObject({ code: 'CORRUPT_FILE', params: { detail: 'line 3: quote not closed' } });
      const endless = await writeBytes(dir, 'endless.csv', `${HEADER.join(',')}\n${'x'.repeat(100_000)}\n`);
      expect(await readError(endless)).toMatchObject({ code: 'CORRUPT_FILE' });
    });
  });

  it('refuses a CSV of 1,000,001 rows before its first row, in bounded memory', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'million.csv');
      const out = createWriteStream(file);
      out.write(`${HEADER.join(',')}\n`);
      const block = 'a,1,1,,,,\n'.repeat(10_000);
      for (let i = 0; i < 100; i++) if (!out.write(block)) await once(out, 'drain');
      out.end('a,1,1,,,,\n');
      await once(out, 'finish');
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const error = await readError(file);
      const ms = performance.now() - started;
      const rssAfter = process.memoryUsage().rss;
      expect(error).toMatchObject({ code: 'TOO_MANY_ROWS', params: { max: 1_000_000 } });
      console.info(
        `1,000,001-row CSV refused in ${ms.toFixed(0)} ms; rss ${(rssBefore / 1048576).toFixed(0)} → ${(rssAfter / 1048576).toFixed(0)} MiB`,
      );
      expect(rssAfter - rssBefore).toBeLessThan(200 * 1048576);

      // exactly the limit is fine (the streaming count agrees with the quick one); blank rows do not count
      const limit = `标题\n\n${HEADER.join(',')}\n${GOOD_ROW.join(',')}\n,, ,"",\n${'a,1,1,,,,\n'.repeat(9)}\n\n`;
      await writeFile(path.join(dir, 'limit.csv'), limit);
      expect((await readAll(path.join(dir, 'limit.csv'), { limits: { maxRows: 10 } })).rows).toHaveLength(10);
      expect(await readError(path.join(dir, 'limit.csv'), { limits: { maxRows: 9 } })).toMatchObject({ code: 'TOO_MANY_ROWS' });
    });
  });

  it.each(['utf-16le', 'utf-16be'] as const)(
    'refuses a %s CSV over the row limit before its first row, as a UTF-8 one',
    async (encoding) => {
      await withTempDir(async (dir) => {
        const row = `${GOOD_ROW.join('\t')}\r\n"有\n换行的""单位"""\t1\r\n`;
        const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
        // Over 256 KiB: the count goes on across the reader's chunks.
        const text = `${HEADER.join('\t')}\r\n${`${'x'.repeat(5000)}\t1\r\n`.repeat(30)}${row.repeat(6)}\r\n`;
        const file = await writeBytes(dir, 'unicode.csv', Buffer.concat([Buffer.from(bom), iconv.encode(text, encoding)]));
        expect((await readAll(file, { limits: { maxRows: 42 } })).rows).toHaveLength(42);
        let yielded = 0;
        const error = await (async () => {
          try {
            for await (const _row of readRoster(file, { limits: { maxRows: 41 } })) yielded++;
          } catch (caught) {
            return caught;
          }
        })();
        expect(error).toMatchObject({ code: 'TOO_MANY_ROWS', params: { max: 41 } });
        expect(yielded).toBe(0);
      });
    },
  );

  it('counts quoted line breaks as one row when judging the row limit', async () => {
    await withTempDir(async (dir) => {
      const row = '张三,"11010519491231002X",1,女,全日制,"有\n换行\r\n的""单位""",2020-05-01\n';
      const file = await writeBytes(dir, 'quoted.csv', `${HEADER.join(',')}\n${row.repeat(5)}`);
      expect((await readAll(file, { limits: { maxRows: 5 } })).rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6]);
      expect(await readError(file, { limits: { maxRows: 4 } })).toMatchObject({ code: 'TOO_MANY_ROWS' });
    });
  });

  it('does not count a sheet’s empty rows against the row limit', async () => {
    await withTempDir(async (dir) => {
      const empty = Array.from({ length: 50 }, (_, i) => `<row r="${i + 3}"/>`).join('');
      const sheet = deflatedEntry('xl/worksheets/sheet1.xml', sheetXml(inlineRow(1, HEADER) + inlineRow(2, GOOD_ROW) + empty));
      const file = await writeBytes(dir, 'styled.xlsx', buildZip(workbookAround(sheet)));
      expect((await readAll(file, { limits: { maxRows: 1 } })).rows).toHaveLength(1);
    });
  });
});
