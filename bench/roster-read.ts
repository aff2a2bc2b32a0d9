/**
 * Throughput and memory of readRoster + validateRosterRow on generated rosters (not part of `npm test`):
 *   npx tsx bench/roster-read.ts [rows=100000]
 * Each measurement runs in its own process so that its peak RSS is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RosterFileError } from '../src/server/modules/rosters/roster.file-error.js';
import { readRoster } from '../src/server/modules/rosters/roster.read.js';
import { createDuplicateTracker, validateRosterRow } from '../src/server/modules/rosters/roster.validate.js';
import { writeRosterCsv as writeCsv, writeRosterXlsx as writeXlsx } from './roster-files.js';

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
