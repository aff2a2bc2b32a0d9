/**
 * The server as a newcomer runs it: a real process on a real port and data directory — start, answer,
 * refuse a second owner of the directory, shut down cleanly on SIGTERM, back up and restore.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-main-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function start(port: number, env: Record<string, string> = {}) {
  // node itself gets the signal, as under `npm start` (which runs the build, dist/server; here the sources through
  // tsx's hooks, so the suite needs no build). Under the tsx CLI a relay gives the child 30 ms to acknowledge a
  // signal and then SIGKILLs it (exit 143), which a busy event loop (PGlite, demo members) misses.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GONGHUI_DATA_DIR: dataDir,
      GONGHUI_DEMO_SCALE: '0.4',
      // A few thousand demo members over the city, as the start-up and shut-down cases need (not the 84,000 of 0.02).
      GONGHUI_DEMO_MEMBERS: '3000',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitHealthy(port: number, timeoutMs = 150_000): Promise<unknown> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return response.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('server did not become healthy');
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the server process', () => {
  const port = freePort();
  let first: ReturnType<typeof start>;

  it('starts on an empty data directory with demo data and prints a generated admin password once', async () => {
    first = start(await port, { LOG_LEVEL: 'info' });
    expect(await waitHealthy(await port)).toEqual({ status: 'ok', db: 'pglite' });
    const password = /密码 password:\s+(\S+)/.exec(first.output())?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const login = await fetch(`http://127.0.0.1:${await port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    // A generated first password must be replaced before anything else.
    expect(((await login.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    const held = await fetch(`http://127.0.0.1:${await port}/api/orgs/roots`, { headers: { cookie } });
    expect(held.status).toBe(403);
    const changed = await fetch(`http://127.0.0.1:${await port}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ currentPassword: password, newPassword: 'Xq7-umbrella-kite' }),
    });
    expect(changed.status).toBe(200);
    const roots = await fetch(`http://127.0.0.1:${await port}/api/orgs/roots`, { headers: { cookie } });
    const tree = (await roots.json()) as { items: { name: string; childCount: number }[] };
    expect(tree.items).toEqual([expect.objectContaining({ name: '北京市总工会' })]);
    expect(tree.items[0]!.childCount).toBeGreaterThanOrEqual(16);
    // A search by ID number and by phone: the request log must carry neither in full.
    await fetch(`http://127.0.0.1:${await port}/api/members?orgId=1&q=11010519491231002X`, { headers: { cookie } });
    await fetch(`http://127.0.0.1:${await port}/api/members?orgId=1&q=13812345678`, { headers: { cookie } });
    await new Promise((r) => setTimeout(r, 200));
    expect(first.output()).toContain('110105********002X');
    expect(first.output()).not.toContain('11010519491231002X');
    expect(first.output()).not.toContain('13812345678');
    // A first start seeds the demo city: on a busy two-core machine that alone can take a minute (the start-up time is
    // measured by the bench, not here).
  }, 180_000);

  it('refuses a second process on the same data directory, saying which process holds it', async () => {
    const owner = fs.readFileSync(path.join(dataDir, 'gonghui.lock'), 'utf8');
    const second = start(await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`正被另一个进程（PID ${owner}）使用`);
    expect(second.output()).not.toMatch(/\n\s+at /);
  });

  it('shuts down cleanly on SIGTERM and releases the directory', async () => {
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'gonghui.lock'))).toBe(false);
  });

  it('backs up the embedded database and restores it into a new directory', () => {
    const backup = path.join(dataDir, '..', `gonghui-backup-${process.pid}.tar.gz`);
    const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-restored-'));
    try {
      const made = spawnSync(tsx, ['src/server/cli.ts', 'backup', backup], {
        cwd: root,
        env: { ...process.env, GONGHUI_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(made.status, made.stderr).toBe(0);
      expect(fs.statSync(backup).size).toBeGreaterThan(1000);
      const restored = spawnSync(tsx, ['src/server/cli.ts', 'restore', backup], {
        cwd: root,
        env: { ...process.env, GONGHUI_DATA_DIR: restoredDir },
        encoding: 'utf8',
      });
      expect(restored.status, restored.stderr).toBe(0);
      expect(JSON.parse(restored.stdout.trim().split('\n').at(-1)!).orgs).toBeGreaterThan(300);
      // The key came along, so the restored database opens with it (a fresh key would be refused).
      expect(fs.readFileSync(path.join(restoredDir, 'secret.key'), 'utf8')).toBe(fs.readFileSync(path.join(dataDir, 'secret.key'), 'utf8'));
    } finally {
      fs.rmSync(backup, { force: true });
      fs.rmSync(`${backup}.secret.key`, { force: true });
      fs.rmSync(restoredDir, { recursive: true, force: true });
    }
  });

  it('restarts on the same directory without reseeding or a new password, and stops cleanly at its first answer', async () => {
    const p = await freePort();
    const again = start(p);
    await waitHealthy(p);
    // As early as a client can: demo members and import resumption may still be starting.
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
    expect(again.output()).not.toContain('密码 password');
  });

  it('ends cleanly when signalled during start-up, before it answers, and releases the directory', async () => {
    const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-main-early-'));
    try {
      const early = start(await freePort(), { GONGHUI_DATA_DIR: freshDir });
      // The lock file appears when the database opens; migrations and the demo seed follow.
      const until = Date.now() + 60_000;
      while (!fs.existsSync(path.join(freshDir, 'gonghui.lock')) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      early.child.kill('SIGTERM');
      expect(await early.exited, early.output()).toBe(0);
      expect(fs.existsSync(path.join(freshDir, 'gonghui.lock'))).toBe(false);
    } finally {
      fs.rmSync(freshDir, { recursive: true, force: true });
    }
  });
});
