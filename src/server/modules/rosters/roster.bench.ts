/**
 * Throughput and memory of readRoster + validateRosterRow on generated rosters (not part of `npm test`):
 *   npx tsx src/server/modules/rosters/roster.bench.ts [rows=100000]
 * Each measurement runs in its own process so that its peak RSS is its own.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { idCheckChar } from '../../../common/identity.js';
import { EMPLOYMENT_FORM_CHOICES, ROSTER_COLUMNS } from './roster.columns.js';
import { RosterFileError } from './roster.file-error.js';
import { readRoster } from './roster.read.js';
import { createDuplicateTracker, validateRosterRow } from './roster.validate.js';

function* generateRows(count: number): Generator<string[]> {
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

async function writeXlsx(file: string, count: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('会员名册');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header)).commit();
  for (const row of generateRows(count)) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

async function writeCsv(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`\uFEFF${ROSTER_COLUMNS.map((c) => c.header).join(',')}\r\n`);
  for (const row of generateRows(count)) if (!out.write(`${row.join(',')}\r\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function measure(file: string): Promise<void> {
  const baselineMiB = process.memoryUsage().rss / 1048576;
  const started = performance.now();
  const duplicates = createDuplicateTracker();
  let rows = 0;
  let valid = 0;
  try {
    for await (const row of readRoster(file)) {
      rows++;
      if (validateRosterRow(row, { duplicates }).ok) valid++;
    }
  } catch (error) {
    if (!(error instanceof RosterFileError)) throw error;
    console.log(JSON.stringify({ file: path.basename(file), refused: error.code, params: error.params }));
    return;
  }
  const seconds = (performance.now() - started) / 1000;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      file: path.basename(file),
      rows,
      valid,
      seconds: +seconds.toFixed(2),
      rowsPerSecond: Math.round(rows / seconds),
      baselineRssMiB: Math.round(baselineMiB),
      peakRssMiB: Math.round(peakMiB),
    }),
  );
}

async function main(): Promise<void> {
  const [mode, arg] = process.argv.slice(2);
  if (mode === 'measure' && arg) return measure(arg);
  const count = Number(mode ?? 100_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'gonghui-roster-bench-'));
  try {
    for (const [name, write] of [
      [`roster-${count}.xlsx`, writeXlsx],
      [`roster-${count}.csv`, writeCsv],
    ] as const) {
      const file = path.join(dir, name);
      const t = performance.now();
      await write(file, count);
      console.log(
        `wrote ${name}: ${((await stat(file)).size / 1048576).toFixed(1)} MiB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'measure', file], { stdio: 'inherit' });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
