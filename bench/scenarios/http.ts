/**
 * HTTP under load: public card verification and a district cadre's member list, driven by autocannon, beside a
 * bare Fastify route doing one primary-key query on the same database in the same run. The load generator runs
 * in a child process so it does not share the server's event loop; the server stays in this process because
 * an embedded PGlite database lives in it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { buildApp } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { figure, root, say, type Figure, type Section } from '../lib/context.js';
import type { Fixture } from '../lib/fixture.js';

export type HttpOptions = { durationSeconds: number; connections: number };

/**
 * The public pages are limited per IP (GONGHUI_PUBLIC_RATE_LIMIT, 30/min; card verify 4× that): every request
 * of the load comes from 127.0.0.1, so the limit is raised far above what a run can send. The limiter still runs.
 */
const BENCH_PUBLIC_RATE_LIMIT = 100_000_000;
const CADRE_USERNAME = 'bench_district_cadre';
const CADRE_PASSWORD = 'Bench-Cadre-2026';
const DRAIN_TIMEOUT_MS = 120_000;
const autocannonScript = path.join(root, 'node_modules/autocannon/autocannon.js');

/** The part of autocannon's --json result this benchmark reads. */
const AutocannonResult = z.object({
  duration: z.number(),
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
  statusCodeStats: z.record(z.string(), z.object({ count: z.number() })).default({}),
  latency: z.object({ average: z.number(), p50: z.number(), p97_5: z.number(), p99: z.number(), max: z.number() }),
  requests: z.object({ average: z.number(), total: z.number() }),
});

type LoadResult = {
  requestsPerSecond: number;
  latencyMs: { average: number; p50: number; p97_5: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

type Target = { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string };

export async function benchHttp(fixture: Fixture, options: HttpOptions): Promise<Section> {
  const base = fixture.deps.config;
  const config: Config = {
    ...base,
    publicRateLimitPerMinute: BENCH_PUBLIC_RATE_LIMIT,
    // A verification token must outlive the warm-up and the run (the default is 5 minutes).
    cardTokenSeconds: Math.max(base.cardTokenSeconds, options.durationSeconds * 2 + 120),
  };
  const adminPassword = base.adminPassword;
  if (!adminPassword) throw new Error('benchHttp: the fixture store has no admin password (GONGHUI_ADMIN_PASSWORD)');
  const sample = fixture.samples[0];
  if (!sample) throw new Error('benchHttp: the fixture has no sample member');

  const app = await buildApp(fixture.database, config, { logger: false });
  const bare = bareApp(fixture.database);
  const drained = [inFlight(app), inFlight(bare)];
  /**
   * autocannon closes its sockets at the end of a run while requests queued in the server still run their queries:
   * the next run (and closing the database) waits for them.
   */
  const load = async (target: Target): Promise<LoadResult> => {
    const result = await runAutocannon(target, options);
    for (const drain of drained) await drain();
    return result;
  };
  try {
    const appBase = await app.listen({ port: 0, host: '127.0.0.1' });
    const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });

    // As a district cadre would: the admin creates the account, the cadre signs in and opens a member's card.
    const adminCookie = await signIn(appBase, 'admin', adminPassword);
    await createDistrictCadre(appBase, adminCookie, fixture.district.id);
    const cadreCookie = await signIn(appBase, CADRE_USERNAME, CADRE_PASSWORD);
    const token = await cardTokenOf(appBase, cadreCookie, sample.memberId);

    const bareUrl = `${bareBase}/org/${fixture.district.id}`;
    const verify: Target = {
      url: `${appBase}/api/public/cards/verify`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    };
    const list: Target = { url: `${appBase}/api/members?orgId=${fixture.district.id}`, headers: { cookie: cadreCookie } };
    // Each target answers as intended once before it is loaded: a fast error page would be a meaningless figure.
    await expectJson(bareUrl, {}, (body) => z.object({ id: z.number() }).safeParse(body).success);
    await expectJson(verify.url, verify, (body) => CardVerifyBodyValid.safeParse(body).success);
    const firstPage = z.object({ items: z.array(z.unknown()) }).parse(await expectJson(list.url, list, () => true));

    say(`http: bare primary-key route, ${options.connections} connections, ${options.durationSeconds} s`);
    const bareFirst = await load({ url: bareUrl });
    say(`http: card verification`);
    const verifyRun = await load(verify);
    say(`http: member list of 东城 as its district cadre`);
    const listRun = await load(list);
    // The baseline runs again last, so drift during the run (a warming process, neighbours on the machine) shows;
    // each baseline figure is the better of its two runs, which never flatters the application's ratios.
    say(`http: bare primary-key route again`);
    const bareLast = await load({ url: bareUrl });

    const bareRps = { name: 'bare Fastify PK route req/s', value: Math.max(bareFirst.requestsPerSecond, bareLast.requestsPerSecond) };
    const bareP99 = { name: 'bare Fastify PK route p99', value: Math.min(bareFirst.latencyMs.p99, bareLast.latencyMs.p99) };
    const figures: Figure[] = [
      figure('card verify req/s', verifyRun.requestsPerSecond, 'req/s', bareRps, 'higher', failureNote(verifyRun)),
      figure('card verify p99', verifyRun.latencyMs.p99, 'ms', bareP99, 'lower', failureNote(verifyRun)),
      figure('member list (东城, district cadre) req/s', listRun.requestsPerSecond, 'req/s', bareRps, 'higher', failureNote(listRun)),
      figure('member list (东城, district cadre) p99', listRun.latencyMs.p99, 'ms', bareP99, 'lower', failureNote(listRun)),
    ];
    return {
      id: 'http',
      title: `HTTP under load at ${fixture.members.toLocaleString('en')} members (autocannon, ${options.connections} connections, ${options.durationSeconds} s)`,
      figures,
      details: {
        engine: fixture.database.engine,
        members: fixture.members,
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        warmupSeconds: warmupSeconds(options),
        loadGenerator: 'autocannon CLI in a child process on the same machine (it shares the cores with the server)',
        rateLimit: `public rate limit raised to ${BENCH_PUBLIC_RATE_LIMIT}/min so card verification from one IP is not refused; the limiter itself still runs on every public request`,
        bare: {
          route: 'GET /org/:id on a Fastify instance without plugins: SELECT * FROM org_unit WHERE id = $1',
          baseline: 'run first and again last; the figures use the higher req/s and the lower p99 of the two runs',
          first: bareFirst,
          last: bareLast,
        },
        cardVerify: { route: 'POST /api/public/cards/verify with a valid token of a 东城 member', ...verifyRun },
        memberList: {
          route: `GET /api/members?orgId=${fixture.district.id} (first page, default limit) as union_cadre of 东城`,
          itemsPerPage: firstPage.items.length,
          ...listRun,
        },
      },
    };
  } finally {
    // After a failed run too: the caller closes the database next.
    for (const drain of drained) await drain().catch(() => undefined);
    await app.close();
    await bare.close();
  }
}

const CardVerifyBodyValid = z.object({ valid: z.literal(true) });

/** A Fastify instance with no plugins and one route: a primary-key look-up of an organisation, answered as JSON. */
/** The baseline of every HTTP ratio: a bare Fastify route reading one org_unit row by its primary key. */
export function bareApp(database: Database): FastifyInstance {
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { id: string } }>('/org/:id', async (req) =>
    database.db.selectFrom('org_unit').selectAll().where('id', '=', Number(req.params.id)).executeTakeFirstOrThrow(),
  );
  return bare;
}

/** Counts requests whose handler has not answered yet; the returned function waits until there are none. */
function inFlight(app: FastifyInstance): () => Promise<void> {
  const pending = new Set<object>();
  app.addHook('preHandler', async (req) => void pending.add(req));
  app.addHook('onSend', async (req) => void pending.delete(req));
  return async () => {
    const until = Date.now() + DRAIN_TIMEOUT_MS;
    while (pending.size > 0) {
      if (Date.now() > until) throw new Error(`benchHttp: ${pending.size} requests still running ${DRAIN_TIMEOUT_MS} ms after the load`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
}

function failureNote(run: LoadResult): string | undefined {
  if (run.non2xx === 0 && run.errors === 0 && run.timeouts === 0) return undefined;
  const codes = Object.entries(run.statusCodes)
    .map(([code, n]) => `${code}×${n}`)
    .join(', ');
  return `NOT CLEAN: ${run.non2xx} non-2xx (${codes}), ${run.errors} errors, ${run.timeouts} timeouts of ${run.requests} requests`;
}

function warmupSeconds(options: HttpOptions): number {
  return Math.max(1, Math.round(options.durationSeconds / 5));
}

/** Runs autocannon in a child process against one target; its --json result's last line is the measured run. */
async function runAutocannon(target: Target, options: HttpOptions): Promise<LoadResult> {
  const c = String(options.connections);
  const args = [autocannonScript, '--json', '-c', c, '-d', String(options.durationSeconds)];
  args.push('-W', '[', '-c', c, '-d', String(warmupSeconds(options)), ']');
  if (target.method) args.push('-m', target.method);
  for (const [name, value] of Object.entries(target.headers ?? {})) args.push('-H', `${name}=${value}`);
  if (target.body !== undefined) args.push('-b', target.body);
  args.push(target.url);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const limit = (options.durationSeconds + warmupSeconds(options)) * 3000 + 30_000;
  const timer = setTimeout(() => child.kill('SIGKILL'), limit);
  const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  const last = stdout.trim().split('\n').at(-1);
  if (code !== 0 || !last) throw new Error(`autocannon exited ${code}: ${stderr.slice(-2000)}`);
  const r = AutocannonResult.parse(JSON.parse(last));
  const statusCodes: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(r.statusCodeStats)) statusCodes[status] = count;
  return {
    requestsPerSecond: r.requests.average,
    latencyMs: r.latency,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
}

async function expectJson(url: string, init: Omit<Target, 'url'>, isExpected: (body: unknown) => boolean): Promise<unknown> {
  const response = await fetch(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body });
  const body: unknown = await response.json();
  if (response.status !== 200 || !isExpected(body)) {
    throw new Error(`benchHttp: ${init.method ?? 'GET'} ${url} answered ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body;
}

/** Signs in through the real route and answers the session cookie. */
export async function signIn(appBase: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${appBase}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('gh_sid='));
  if (response.status !== 200 || !cookie)
    throw new Error(`bench: login of ${username} answered ${response.status}: ${await response.text()}`);
  return cookie;
}

async function createDistrictCadre(appBase: string, adminCookie: string, districtId: number): Promise<void> {
  const response = await fetch(`${appBase}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: adminCookie },
    body: JSON.stringify({
      username: CADRE_USERNAME,
      displayName: '东城区总工会干部（基准测试）',
      password: CADRE_PASSWORD,
      orgId: districtId,
      role: 'union_cadre',
    }),
  });
  // A fixture reused for a second HTTP run already has the account.
  if (response.status === 201) return;
  const body: unknown = await response.json();
  if (z.object({ code: z.literal('USERNAME_TAKEN') }).safeParse(body).success) return;
  throw new Error(`benchHttp: creating the district cadre answered ${response.status}: ${JSON.stringify(body)}`);
}

async function cardTokenOf(appBase: string, cookie: string, memberId: number): Promise<string> {
  const response = await fetch(`${appBase}/api/members/${memberId}/card`, { headers: { cookie } });
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`benchHttp: card of member ${memberId} answered ${response.status} ${JSON.stringify(body)}`);
  return z.object({ token: z.string() }).parse(body).token;
}
