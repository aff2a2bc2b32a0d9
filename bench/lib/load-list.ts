/**
 * A fixed number of requests at N connections through autocannon (the load generator of bench/scenarios/http.ts), in
 * a child process so it does not share the server's event loop, where each request may carry its own body from a list
 * (a one-use spending code each), its own `Idempotency-Key` and its own cookie (a different signed-in member each). The
 * CLI cannot do that, so the child drives autocannon's programmatic API: `setupRequest` takes the next body and cookie
 * of the lists and numbers the key.
 *
 * Run as a child: `node --import tsx bench/lib/load-list.ts <spec.json>`; prints one JSON line (ListResult).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ListSpec = z.object({
  url: z.string(),
  method: z.enum(['GET', 'POST']).default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
  /** One body per request, taken in order; without it every request is the same bodiless one. */
  bodies: z.array(z.string()).optional(),
  /** Each request sends `Idempotency-Key: <prefix><n>` (n from 0) when set. */
  keyPrefix: z.string().optional(),
  /** One `cookie` header per request, taken in order beside the bodies (a signed-in member each). */
  cookies: z.array(z.string()).optional(),
  connections: z.number().int().positive(),
  amount: z.number().int().positive(),
  timeoutSeconds: z.number().positive(),
});
export type ListSpec = z.input<typeof ListSpec>;

export type ListResult = {
  /** Requests answered per second: answered / (wall time of the run). */
  requestsPerSecond: number;
  seconds: number;
  latencyMs: { average: number; p50: number; p97_5: number; p99: number; max: number };
  /** Requests sent (each with its own body and key). */
  sent: number;
  /** 2xx answers whose JSON says `replayed: true` (the same key answered again: nothing new booked). */
  replayed: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** The first few non-2xx bodies, to say why. */
  refusals: string[];
};

const Replayed = z.object({ replayed: z.literal(true) });

async function child(specFile: string): Promise<void> {
  const spec = ListSpec.parse(JSON.parse(fs.readFileSync(specFile, 'utf8')));
  const { default: autocannon } = await import('autocannon');
  const bodies = spec.bodies;
  if (bodies && bodies.length < spec.amount) throw new Error(`load-list: ${bodies.length} bodies for ${spec.amount} requests`);
  const cookies = spec.cookies;
  if (cookies && cookies.length < spec.amount) throw new Error(`load-list: ${cookies.length} cookies for ${spec.amount} requests`);
  let sent = 0;
  let replayed = 0;
  const refusals: string[] = [];
  const started = performance.now();
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    amount: spec.amount,
    timeout: spec.timeoutSeconds,
    requests: [
      {
        method: spec.method,
        setupRequest: (request) => {
          const n = sent++;
          const cookie = cookies?.[n];
          if (cookies && cookie === undefined) throw new Error(`load-list: request ${n + 1} has no cookie left`);
          const headers = {
            ...spec.headers,
            ...(spec.keyPrefix !== undefined ? { 'idempotency-key': `${spec.keyPrefix}${n}` } : {}),
            ...(cookie !== undefined ? { cookie } : {}),
          };
          const body = bodies?.[n];
          if (bodies && body === undefined) throw new Error(`load-list: request ${n + 1} has no body left`);
          return { ...request, method: spec.method, headers, ...(body !== undefined ? { body } : {}) };
        },
        onResponse: (status, body) => {
          if (status >= 200 && status < 300) {
            if (bodies && safeJson(body, Replayed)) replayed++;
          } else if (refusals.length < 5) refusals.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  const statusCodes: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) statusCodes[status] = count;
  const answered = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const out: ListResult = {
    requestsPerSecond: answered / seconds,
    seconds,
    latencyMs: {
      average: result.latency.average,
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    sent,
    replayed,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    refusals,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function safeJson(text: string, schema: z.ZodType): boolean {
  try {
    return schema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

const self = fileURLToPath(import.meta.url);

/** Runs one list in a child process; rejects when the child fails. */
export async function runList(spec: ListSpec): Promise<ListResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-list-'));
  const specFile = path.join(dir, 'spec.json');
  fs.writeFileSync(specFile, JSON.stringify(spec));
  try {
    const node = spawn(process.execPath, ['--import', 'tsx', self, specFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    node.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    node.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => node.on('close', (exitCode) => resolve(exitCode)));
    const last = stdout.trim().split('\n').at(-1);
    if (code !== 0 || !last) throw new Error(`load-list exited ${code}: ${stderr.slice(-2000)}`);
    return JSON.parse(last) as ListResult;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const specFile = process.argv[2];
  if (!specFile) throw new Error('usage: node --import tsx bench/lib/load-list.ts <spec.json>');
  await child(specFile);
}
