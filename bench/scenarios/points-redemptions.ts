/**
 * Redemptions/s through HTTP at 50 connections beside the bare primary-key route of the same run (issue #12); called
 * by bench/scenarios/points.ts on its store once the bulk award has given 10,000 members their balances. See the
 * header of points.ts for what is measured and why a fixed number of requests.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { buildApp } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { mintSpendCode } from '../../src/server/modules/points/redemptions.codes.js';
import { checkBooks } from '../../src/server/modules/points/points.invariants.js';
import { SPEND_CODE_SECONDS } from '../../src/common/points.merchants.js';
import { figure, say, type Figure } from '../lib/context.js';
import { runList, type ListResult } from '../lib/load-list.js';
import { bareApp, signIn } from './http.js';
import { apiCall } from '../lib/call.js';

export type RedemptionOptions = {
  /** Charges measured (a fixed number of requests, not a duration: each needs a code that lives 120 s). */
  requests: number;
  /** Charges sent first, unmeasured, with codes of their own (JIT, pools, caches). */
  warmup: number;
  connections: number;
  programmeId: number;
  /** The node the merchant is registered at (inside the programme's subtree). */
  merchantOrgId: number;
  /** Members with their balances in the programme: `points` awarded to each. */
  members: { id: number; regionId: number; points: number }[];
};

const ITEM = { name: '午餐套餐', points: 15 };
const CASHIER = { username: 'bench_cashier', displayName: '收银员（基准测试）', password: 'Kassa-Bench-2026!' };
/** autocannon gives up on a request after this long (the server may still book it: counted apart below). */
const TIMEOUT_SECONDS = 120;

const MerchantCreated = z.object({ id: z.number(), items: z.array(z.object({ id: z.number(), name: z.string() })) });

export async function benchRedemptions(
  database: Database,
  config: Config,
  options: RedemptionOptions,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const { db } = database;
  const eligible = options.members.filter((m) => m.points >= ITEM.points);
  const needed = options.warmup + options.requests;
  if (eligible.length < needed)
    throw new Error(`redemptions: ${needed} codes wanted, only ${eligible.length} members hold ${ITEM.points} points`);
  const adminPassword = config.adminPassword;
  if (!adminPassword) throw new Error('redemptions: the store has no admin password (GONGHUI_ADMIN_PASSWORD)');

  const app = await buildApp(database, config, { logger: false });
  const bare = bareApp(database);
  try {
    const appBase = await app.listen({ port: 0, host: '127.0.0.1' });
    const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
    const admin = await signIn(appBase, 'admin', adminPassword);
    const merchant = MerchantCreated.parse(
      await apiCall('redemptions', appBase, 'POST', '/api/points/merchants', admin, {
        orgId: options.merchantOrgId,
        name: '新世界美食广场',
        contactName: '李经理',
        shops: [{ name: '二期美食广场', address: '崇文门外大街3号', lat: 39.897, lng: 116.417 }],
        items: [ITEM],
        programmeIds: [options.programmeId],
      }),
    );
    const item = merchant.items.find((i) => i.name === ITEM.name);
    if (!item) throw new Error('redemptions: the merchant has no 午餐套餐');
    const created = z.object({ firstPassword: z.string() }).parse(
      await apiCall('redemptions', appBase, 'POST', `/api/points/merchants/${merchant.id}/cashiers`, admin, {
        username: CASHIER.username,
        displayName: CASHIER.displayName,
      }),
    );
    const first = await signIn(appBase, CASHIER.username, created.firstPassword);
    await apiCall('redemptions', appBase, 'POST', '/api/auth/password', first, {
      currentPassword: created.firstPassword,
      newPassword: CASHIER.password,
    });
    const cashier = await signIn(appBase, CASHIER.username, CASHIER.password);

    const queue = eligible.slice(0, needed);
    /** Mints `n` codes for the next `n` members of the queue, as their phones would, 50 at a time. */
    const mint = async (n: number): Promise<string[]> => {
      const members = queue.splice(0, n);
      const bodies: string[] = [];
      for (let i = 0; i < members.length; i += 50) {
        const codes = await Promise.all(
          members.slice(i, i + 50).map((m) => mintSpendCode(app.deps, { memberId: m.id, regionId: m.regionId })),
        );
        for (const c of codes) bodies.push(JSON.stringify({ code: c.token, itemId: item.id }));
      }
      return bodies;
    };
    const redeemUrl = `${appBase}/api/points/redemptions`;
    const headers = { 'content-type': 'application/json', cookie: cashier };
    const charge = async (phase: string, n: number): Promise<ListResult & { mintSeconds: number }> => {
      const started = performance.now();
      const bodies = await mint(n);
      const mintSeconds = (performance.now() - started) / 1000;
      say(`points: ${n.toLocaleString('en')} codes minted in ${mintSeconds.toFixed(1)} s; ${phase}`);
      const run = await runList({
        url: redeemUrl,
        method: 'POST',
        headers,
        bodies,
        keyPrefix: `bench-${phase}-`,
        connections: options.connections,
        amount: n,
        timeoutSeconds: TIMEOUT_SECONDS,
      });
      return { ...run, mintSeconds };
    };
    const bareUrl = `${bareBase}/org/${options.merchantOrgId}`;
    const baseline = (amount: number) =>
      runList({ url: bareUrl, connections: options.connections, amount, timeoutSeconds: TIMEOUT_SECONDS });

    // Each target answers as intended once before it is loaded: a fast error page would be a meaningless figure.
    const probe = await fetch(bareUrl);
    if (probe.status !== 200) throw new Error(`redemptions: the bare route answered ${probe.status}`);

    say(`points: warm-up, ${options.warmup} charges and ${options.warmup} bare requests`);
    const warm = await charge('warmup', options.warmup);
    await baseline(options.warmup);
    // Every code is minted before the run: charges queued behind more than a code's life would be refused as expired
    // (PGlite answered 5,000 at ≈ 40/s, and its last 776 came back 409). The run is cut to what the warm-up's pace
    // answers in three quarters of a code's life, and says so in its figures' names.
    const fits = Math.floor(warm.requestsPerSecond * SPEND_CODE_SECONDS * 0.75);
    const requests = Math.min(options.requests, Math.max(options.connections, fits));
    say(`points: bare primary-key route, ${requests.toLocaleString('en')} requests at ${options.connections} connections`);
    const bareFirst = await baseline(requests);
    say(`points: POST /api/points/redemptions, ${requests.toLocaleString('en')} charges at ${options.connections} connections`);
    const run = await charge('run', requests);
    say('points: bare primary-key route again');
    const bareLast = await baseline(requests);

    // The books hold, and what was booked is what was answered: one spend per 201 that was not a replay, one per code.
    const findings = await checkBooks(db);
    if (findings.length > 0) throw new Error(`books broken after the redemptions: ${JSON.stringify(findings.slice(0, 3))}`);
    const booked = async (phase: string) => {
      const { rows } = await sql<{ n: string; codes: string; points: string | null }>`
        SELECT count(*) AS n, count(DISTINCT source_ref) AS codes, sum(amount) AS points FROM points_transfer
        WHERE kind = 'spend' AND merchant_id = ${merchant.id} AND transfer_key LIKE ${`redeem:${merchant.id}:bench-${phase}-%`}`.execute(
        db,
      );
      const row = rows[0]!;
      return { transfers: Number(row.n), codes: Number(row.codes), points: Number(row.points ?? 0) };
    };
    // A request autocannon gave up on (timeout, socket error) may still have been booked: those are the only
    // difference allowed, and each is reported.
    const check = async (phase: string, result: ListResult) => {
      const ok = result.statusCodes['201'] ?? 0;
      const b = await booked(phase);
      const fresh = ok - result.replayed;
      const unanswered = result.timeouts + result.errors;
      if (b.transfers < fresh || b.transfers > fresh + unanswered || b.codes !== b.transfers || b.points !== b.transfers * ITEM.points)
        throw new Error(
          `redemptions (${phase}): ${fresh} charges answered 201 (not replayed), ${unanswered} unanswered, booked ${JSON.stringify(b)}`,
        );
      return { answered201: ok, replayed: result.replayed, unanswered, booked: b, bookedEqualsAnswered: b.transfers === fresh };
    };
    const warmCheck = await check('warmup', warm);
    const runCheck = await check('run', run);

    const bareRps = { name: 'bare Fastify PK route req/s', value: Math.max(bareFirst.requestsPerSecond, bareLast.requestsPerSecond) };
    const bareP50 = { name: 'bare Fastify PK route p50', value: Math.min(bareFirst.latencyMs.p50, bareLast.latencyMs.p50) };
    const bareP99 = { name: 'bare Fastify PK route p99', value: Math.min(bareFirst.latencyMs.p99, bareLast.latencyMs.p99) };
    const note = failureNote(run);
    const n = requests.toLocaleString('en');
    const figures: Figure[] = [
      figure(
        `redemptions/s (HTTP, ${options.connections} connections, ${n} charges)`,
        run.requestsPerSecond,
        'req/s',
        bareRps,
        'higher',
        note,
      ),
      figure('redemption p50', run.latencyMs.p50, 'ms', bareP50, 'lower', note),
      figure('redemption p99', run.latencyMs.p99, 'ms', bareP99, 'lower', note),
    ];
    return {
      figures,
      details: {
        redemptions: {
          route: `POST /api/points/redemptions as the cashier of one merchant, body { code: <QR token>, itemId } (${ITEM.name} ${ITEM.points} 分), Idempotency-Key per request`,
          loadGenerator:
            'autocannon (programmatic, bench/lib/load-list.ts) in a child process on the same machine, a fixed number of requests, each with the next unused code',
          connections: options.connections,
          requests,
          requestsAsked: options.requests,
          warmup: { ...warm, ...warmCheck },
          run: { ...run, ...runCheck },
          books: 'checkBooks: no finding',
        },
        bare: {
          route: 'GET /org/:id on a Fastify instance without plugins: SELECT * FROM org_unit WHERE id = $1',
          baseline: 'the same number of requests, run before and after the charges; the higher req/s and the lower p50/p99 kept',
          first: bareFirst,
          last: bareLast,
        },
      },
    };
  } finally {
    await app.close();
    await bare.close();
  }
}

function failureNote(run: ListResult): string | undefined {
  if (run.non2xx === 0 && run.errors === 0 && run.timeouts === 0) return undefined;
  const codes = Object.entries(run.statusCodes)
    .map(([code, n]) => `${code}×${n}`)
    .join(', ');
  return `NOT CLEAN: ${run.non2xx} non-2xx (${codes}), ${run.errors} errors, ${run.timeouts} timeouts of ${run.sent} requests; ${run.refusals[0] ?? ''}`;
}
