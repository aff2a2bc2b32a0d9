/**
 * Helpers of the crash-during-import test: a roster of unique valid rows, the server as a real process (node
 * itself, so SIGKILL reaches the process that holds the database), and a fresh PostgreSQL database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { idCheckChar } from '../src/common/identity.js';
import { ROSTER_COLUMNS } from '../src/server/modules/rosters/roster.columns.js';

export const root = path.resolve(import.meta.dirname, '..');

/** A seeded generator (mulberry32): the same seed gives the same kill points. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BIRTH_BASE = Date.UTC(1980, 0, 1);
const DAY_MS = 86_400_000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国';

/**
 * Row `i` of a roster where every row is valid and every ID number and phone is unique: the ID is 东城 (110101),
 * a birth date of 1980-01-01 + ⌊i / 1000⌋ days and the sequence i mod 1000; the phone is 139 + i.
 */
export function uniqueRosterRow(i: number): string[] {
  const birth = new Date(BIRTH_BASE + Math.floor(i / 1000) * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `110101${birth}${String(i % 1000).padStart(3, '0')}`;
  return [
    SURNAMES.charAt(i % SURNAMES.length) + GIVEN.charAt(Math.floor(i / SURNAMES.length) % GIVEN.length),
    body + idCheckChar(body),
    `139${String(i).padStart(8, '0')}`,
    Number(body.charAt(16)) % 2 ? '男' : '女',
    '全日制',
    `北京市第${1 + (i % 500)}建筑工程有限公司`,
    '2015-06-01',
  ];
}

/** The roster as a spreadsheet program stores it (.xlsx, shared strings), `count` unique valid rows. */
export async function writeUniqueRosterXlsx(file: string, count: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('会员名册');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header)).commit();
  for (let i = 0; i < count; i++) sheet.addRow(uniqueRosterRow(i)).commit();
  sheet.commit();
  await workbook.commit();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections at host:port within `timeoutMs`. */
export async function isReachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export type ServerProcess = {
  child: ChildProcess;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
};

/** `node --import tsx src/server/main.ts` spawned directly: the pid is the server itself, not a wrapper. */
export function startServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('the server process did not start');
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return { child, pid: child.pid, exited, output: () => output };
}

/** Waits until /api/health answers 200; false when the process exits first or time runs out. */
export async function waitHealthy(port: number, server: ServerProcess, timeoutMs: number): Promise<boolean> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !gone) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

export async function killHard(server: ServerProcess): Promise<void> {
  process.kill(server.pid, 'SIGKILL');
  await server.exited;
}

/** SIGTERM and wait: the server checkpoints and closes the database; its exit code is returned. */
export async function stopCleanly(server: ServerProcess, timeoutMs = 60_000): Promise<number | null> {
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
  const { code } = await server.exited;
  clearTimeout(timer);
  return code;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A multipart/form-data body with one file field, as a browser sends an upload. */
export function multipartFile(fileName: string, content: Buffer): { body: Uint8Array<ArrayBuffer>; contentType: string } {
  const boundary = `----gonghui-crash-${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    body: new Uint8Array(Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)])),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A fresh database on the PostgreSQL server of `serverUrl`; `drop()` removes it even with connections left. */
export async function createPostgresDatabase(serverUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
