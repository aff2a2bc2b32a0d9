/**
 * What every benchmark scenario shares: a fresh store on either engine, timing with percentiles, the figure
 * type each scenario reports (always beside a baseline measured in the same run), and the machine's facts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/server/config.js';
import { openDatabase, type Database, type Engine } from '../../src/server/db/client.js';
import { buildServerIfStale, npmScriptNodeArgs } from '../../scripts/npm-script.js';

export type { Engine };

export const root = path.resolve(import.meta.dirname, '../..');
/** The PostgreSQL server fresh benchmark databases are made on. */
/**
 * The node arguments of `npm start` or `npm run cli` (package.json), the server build brought up to date first as
 * their pre-scripts do (untimed): a bench times what they run, with their node options.
 */
export function npmScript(script: 'start' | 'cli'): string[] {
  buildServerIfStale();
  return npmScriptNodeArgs(script);
}

export const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** A fixed master secret: benchmark stores are thrown away, and runs must be reproducible. */
const BENCH_SECRET = 'b'.repeat(64);

/**
 * One figure and its baseline from the same run. `ratio` is value / baseline; `better` says which way is good,
 * so a reader knows whether 3.2× is a win (throughput) or a cost (latency).
 */
export type Figure = {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
  better?: 'higher' | 'lower';
  note?: string;
};

export type Section = { id: string; title: string; figures: Figure[]; details?: Record<string, unknown> };

export function figure(
  name: string,
  value: number,
  unit: string,
  baseline?: { name: string; value: number },
  better: 'higher' | 'lower' = 'lower',
  note?: string,
): Figure {
  const f: Figure = { name, value: round(value), unit, better };
  if (baseline) {
    f.baseline = { name: baseline.name, value: round(baseline.value) };
    const ratio = baseline.value > 0 ? value / baseline.value : 0;
    f.ratio = +(ratio >= 1 ? ratio.toFixed(2) : ratio.toPrecision(2));
  }
  if (note) f.note = note;
  return f;
}

export function round(value: number): number {
  if (Math.abs(value) >= 100) return Math.round(value);
  if (Math.abs(value) >= 1) return +value.toFixed(2);
  return +value.toFixed(3);
}

/** An empty place to put a platform: a temporary data directory, and on PostgreSQL a new database. */
export type Store = {
  engine: Engine;
  dataDir: string;
  /** Environment for a server or CLI process on this store. */
  env: Record<string, string>;
  config: Config;
  open(): Promise<Database>;
  drop(): Promise<void>;
};

let storeCounter = 0;

export async function freshStore(engine: Engine, label: string): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `gonghui-bench-${label}-`));
  const env: Record<string, string> = {
    GONGHUI_DATA_DIR: dataDir,
    GONGHUI_SECRET: BENCH_SECRET,
    GONGHUI_SEED_DEMO: '0',
    GONGHUI_ADMIN_PASSWORD: 'Bench-Admin-2026',
    LOG_LEVEL: 'warn',
  };
  let dropDatabase = async (): Promise<void> => {};
  if (engine === 'postgres') {
    const name = `gonghui_bench_${label.replace(/\W/g, '_')}_${process.pid}_${storeCounter++}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      // pg's pool.end() resolves before its connections have closed; a forced drop under them would terminate
      // clients still holding their pool's handlers. Wait for the sessions to go first.
      await waitForNoSessions(name);
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
  }
  const config = { ...loadConfig({ ...process.env, ...env }), databaseUrl: env.DATABASE_URL };
  return {
    engine,
    dataDir,
    env,
    config,
    open: () => openDatabase(config),
    drop: async () => {
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(text: string, values: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

async function waitForNoSessions(database: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await adminQuery('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [database])) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export type Timing = { p50: number; p95: number; p99: number; runs: number };

/** Runs `work` `warmup` times unmeasured, then `runs` times; milliseconds per run. */
export async function timeRuns(work: (i: number) => Promise<unknown>, runs: number, warmup = Math.min(20, runs)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), p99: round(percentile(samples, 99)), runs };
}

/** Samples this process's resident set every 50 ms; `stop` gives the peak seen, in MiB. */
export function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20);
    },
  };
}

/** Peak resident set (VmHWM) of another process, in MiB; 0 when it cannot be read. */
export function processPeakRssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/**
 * CPU time another process has used so far (user + system, `/proc/<pid>/stat`), in milliseconds; 0 when it cannot be
 * read. On a shared machine it is steadier than wall time: waiting for a core does not count.
 */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime and stime, fields 14 and 15 of the line
    return Math.round((ticks * 1000) / CLOCK_TICKS_PER_SECOND);
  } catch {
    return 0;
  }
}

/** USER_HZ: Linux reports times in /proc in hundredths of a second on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Resident memory of a process now (VmRSS), in MiB; 0 when it is gone. */
export function processRssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

export type Machine = { cores: number; cpu: string; memoryGiB: number; node: string; platform: string };

export function machine(): Machine {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** Progress on stderr, so stdout stays the table. */
export function say(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
