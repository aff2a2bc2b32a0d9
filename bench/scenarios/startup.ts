/**
 * Start-up of the real server process (`node dist/server/main.js`, the build `npm start` runs) to its first
 * healthy answer: cold (empty data directory or database, demo data seeded) and warm (the same store again),
 * beside a bare Node + Fastify process with one health route started the same way in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../reliability/support.js';
import { DEMO_CITY_SHARE_OF_LIFE_SIZE } from '../../src/server/config.js';
import {
  figure,
  npmScript,
  freshStore,
  processCpuMs,
  processPeakRssMb,
  processRssMb,
  root,
  say,
  type Engine,
  type Section,
} from '../lib/context.js';

export type StartupOptions = { demoScale: number };

/** Warm and bare starts are cheap and noisy: each is repeated and the median reported, every run in details. */
const REPEATS = 3;
const POLL_MS = 50;
/** A cold start at a large demo scale seeds for minutes; beyond this something is wrong. */
const START_TIMEOUT_MS = 15 * 60_000;
const STOP_TIMEOUT_MS = 30_000;

const BARE_SERVER = `
import Fastify from 'fastify';
const app = Fastify();
app.get('/api/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
`;

/** How long a started server is left alone before its resident memory is read. */
const IDLE_MS = 3000;

/** `cpuMs`: CPU time of the server process up to its first healthy answer, steadier than wall time on a shared machine. */
type Start = { healthyMs: number; cpuMs: number; peakRssMb: number; idleRssMb: number; stopMs: number; exitCode: number | null };

export async function benchStartup(engine: Engine, options: StartupOptions): Promise<Section> {
  const store = await freshStore(engine, 'startup');
  try {
    // Demo members (东城's 17.9万) are filled in the background from 5 s after the first answer: not part of
    // start-up, so they are turned off here and the stop that follows the first answer is not waiting on a batch.
    const env = {
      ...store.env,
      GONGHUI_SEED_DEMO: '1',
      GONGHUI_DEMO_SCALE: String(options.demoScale / DEMO_CITY_SHARE_OF_LIFE_SIZE),
      GONGHUI_DEMO_MEMBERS: '0',
    };
    // As `npm start`: its prestart builds the server when the sources are newer, then plain node runs the build with
    // the start script's node options.
    const server = npmScript('start');
    // An installation's first embedded store also runs initdb (later ones copy the empty cluster it leaves, see
    // db/pglite-template.ts): measured apart, on a store of its own, with the template turned off.
    let firstStore: Start | undefined;
    if (engine === 'pglite') {
      const other = await freshStore(engine, 'startup-initdb');
      try {
        say(`startup (${engine}): cold start running initdb, demo scale ${options.demoScale}`);
        firstStore = await timeStart(server, { ...other.env, ...env, GONGHUI_DATA_DIR: other.dataDir, GONGHUI_PGLITE_TEMPLATE: '0' });
      } finally {
        await other.drop();
      }
    }
    say(`startup (${engine}): cold start, demo scale ${options.demoScale}`);
    const cold = await timeStart(server, env);
    // What a newcomer's first `npm start` seeds: GONGHUI_DEMO_SCALE left at its default (issue #11's demo city,
    // DEMO_CITY_SHARE_OF_LIFE_SIZE of life size), on an empty store of its own.
    const shippedStore = await freshStore(engine, 'startup-shipped');
    let shipped: Start;
    try {
      say(`startup (${engine}): cold start with the demo npm start seeds (GONGHUI_DEMO_SCALE unset)`);
      const { GONGHUI_DEMO_SCALE: _scale, ...shippedEnv } = { ...env, ...shippedStore.env, GONGHUI_SEED_DEMO: '1' };
      shipped = await timeStart(server, shippedEnv);
    } finally {
      await shippedStore.drop();
    }
    say(`startup (${engine}): warm starts`);
    const warm = await repeat(() => timeStart(server, env));
    say(`startup (${engine}): bare Node + Fastify`);
    const bare = await repeat(() => timeStart(['--input-type=module', '-e', BARE_SERVER], {}));
    const bareTsx = await repeat(() => timeStart(['--import', 'tsx', '--input-type=module', '-e', BARE_SERVER], {}));

    const baseline = { name: 'bare node -e Fastify, one health route', value: median(bare.map((s) => s.healthyMs)) };
    const bareCpu = { name: 'CPU time of the bare Fastify process to its first answer', value: median(bare.map((s) => s.cpuMs)) };
    const warmMs = median(warm.map((s) => s.healthyMs));
    const idleRssMb = Math.max(...warm.map((s) => s.idleRssMb));
    const bareIdle = { name: 'the bare Fastify process, idle', value: Math.max(...bare.map((s) => s.idleRssMb)) };
    return {
      id: 'startup',
      title: `Start-up to the first healthy answer — ${engine}`,
      figures: [
        figure(`cold start (empty store, demo seeded at scale ${options.demoScale})`, cold.healthyMs, 'ms', baseline, 'lower'),
        figure(
          `cold start with npm start's demo (empty store, demo seeded at scale ${DEMO_CITY_SHARE_OF_LIFE_SIZE}, GONGHUI_DEMO_SCALE unset)`,
          shipped.healthyMs,
          'ms',
          baseline,
          'lower',
        ),
        figure(
          `CPU time of the cold start (scale ${options.demoScale}) to its first answer`,
          cold.cpuMs,
          'ms',
          bareCpu,
          'lower',
          'user + system time of the server process (/proc/<pid>/stat): steadier than wall time on a busy machine',
        ),
        figure(`CPU time of the cold start with npm start's demo to its first answer`, shipped.cpuMs, 'ms', bareCpu, 'lower'),
        ...(firstStore
          ? [figure(`cold start running initdb (an installation's first store)`, firstStore.healthyMs, 'ms', baseline, 'lower')]
          : []),
        figure(`warm start (median of ${REPEATS})`, warmMs, 'ms', baseline, 'lower'),
        figure(
          `idle RSS, ${IDLE_MS / 1000} s after a warm start's first answer (largest of ${REPEATS})`,
          idleRssMb,
          'MB',
          bareIdle,
          'lower',
        ),
      ],
      details: {
        engine,
        command: `node ${server.join(' ')} (what npm start runs; the build is brought up to date first, untimed)`,
        measured: `spawn → first 200 from GET /api/health, polled every ${POLL_MS} ms; then SIGTERM and wait for exit`,
        seeded: `cold start: migrations, the Beijing demo organisations and employers at ${options.demoScale} of life size (GONGHUI_DEMO_SCALE=${options.demoScale / DEMO_CITY_SHARE_OF_LIFE_SIZE}), the admin account; GONGHUI_DEMO_MEMBERS=0 (npm start adds 东城's demo members in the background 5 s after its first answer)`,
        cold,
        shipped,
        ...(firstStore ? { firstStore } : {}),
        warm,
        bare: { command: 'node --input-type=module -e <Fastify with one route>', runs: bare },
        bareUnderTsx: {
          command: 'node --import tsx --input-type=module -e <the same>: the launcher npm start used before it ran the build (#16)',
          medianMs: median(bareTsx.map((s) => s.healthyMs)),
          runs: bareTsx,
        },
        peakRssMb: {
          cold: cold.peakRssMb,
          warm: Math.max(...warm.map((s) => s.peakRssMb)),
          bare: Math.max(...bare.map((s) => s.peakRssMb)),
        },
      },
    };
  } finally {
    await store.drop();
  }
}

async function repeat(start: () => Promise<Start>): Promise<Start[]> {
  const runs: Start[] = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await start());
  return runs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Spawns `node <args>` on a free port, times it to its first healthy answer, then stops it with SIGTERM. */
async function timeStart(args: string[], env: Record<string, string>): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...inheritedEnv(), ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await untilHealthy(child, `http://127.0.0.1:${port}/api/health`, () => output);
    const healthyMs = Math.round(performance.now() - started);
    const cpuMs = processCpuMs(child.pid ?? 0);
    const peakRssMb = processPeakRssMb(child.pid ?? 0);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleRssMb = processRssMb(child.pid ?? 0);
    const stopping = performance.now();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const exitCode = await exited;
    clearTimeout(timer);
    return { healthyMs, cpuMs, peakRssMb, idleRssMb, stopMs: Math.round(performance.now() - stopping), exitCode };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}

async function untilHealthy(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`benchStartup: the process exited ${child.exitCode}: ${output().slice(-2000)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`benchStartup: no healthy answer in ${START_TIMEOUT_MS} ms: ${output().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** This process's environment without the platform's own settings, so only the store's reach the server. */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || name.startsWith('GONGHUI_') || ['DATABASE_URL', 'PORT', 'HOST', 'LOG_LEVEL'].includes(name)) continue;
    env[name] = value;
  }
  return env;
}
