/**
 * Welfare hammer (issue #12, "Proof"): concurrent hand-outs past the stock and concurrent double scans of vouchers,
 * from ≥ 100 concurrent callers, on the engine of the run (PGlite, or PostgreSQL through a pool of 24 connections
 * when TEST_DATABASE_URL is set). Then: no balance below zero, every balance equals its stock moves, one hand-out per
 * person, no voucher redeemed twice, every successful scan one redemption. It prints its figures.
 *
 * WELFARE_HAMMER_WITHOUT_CONSTRAINTS=1 drops the database's last line (the unique redemption per voucher and the
 * CHECK on balances) first: the voucher checks must then fail, which shows the test sees a double when there is one.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, createTestContext, makePhone, type TestContext } from '../src/server/testing/harness.js';
import { withDatabase } from '../src/server/testing/template.js';
import type { DB } from '../src/server/db/schema.js';
import type { Actor } from '../src/server/auth/scope.js';
import { AppError } from '../src/common/errors.js';
import { loadMasterSecret } from '../src/server/crypto/pii.js';
import { createVoucherSigner } from '../src/server/modules/welfare/welfare.signer.js';
import { handOut, moveStock, type WelfareDeps } from '../src/server/modules/welfare/welfare.service.js';
import { redeemVoucher, syncOfflineScans } from '../src/server/modules/welfare/welfare.vouchers.js';
import type { CampaignDetail } from '../src/common/welfare.js';
import { recordFigure } from './summary.js';

const CALLERS = 120;
const HANDOUTS = 2400;
const VOUCHERS = 150;
const SCANS = 1500;

let ctx: TestContext;
let db: Kysely<DB>;
let pool: pg.Pool | undefined;
let deps: WelfareDeps;
let admin: Actor;
let campaign: CampaignDetail;
let merchantId: number;
let streetId: number;

/** A pool of its own on PostgreSQL (the app's holds 10): ints and instants parsed as the app parses them. */
async function hammerDatabase(): Promise<Kysely<DB>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return ctx.database.db;
  const name = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(ctx.database.db)).rows[0]!.d;
  pool = new pg.Pool({
    connectionString: withDatabase(url, name),
    max: 24,
    options: '-c jit=off -c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === 20
          ? (v: string) => Number(v)
          : oid === 1082
            ? (v: string) => v
            : oid === 1184
              ? (v: string) => new Date(v).toISOString()
              : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Runs `total` operations from `callers` concurrent callers; each caller takes the next operation when free. */
async function concurrently(callers: number, total: number, op: (n: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let n = next++; n < total; n = next++) await op(n);
    }),
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  const tree = await buildTree(ctx);
  streetId = tree.dcStreet.id;
  db = await hammerDatabase();
  const root = await ctx.database.db
    .selectFrom('org_unit')
    .select(['id', 'path', 'name', 'kind'])
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  admin = {
    userId: 1,
    username: 'admin',
    displayName: 'admin',
    ip: '127.0.0.1',
    grants: [{ id: 1, orgId: root.id, orgPath: root.path, orgName: root.name, orgKind: root.kind, role: 'federation_admin' }],
  };
  const signer = createVoucherSigner(loadMasterSecret({ secret: ctx.config.secret, dataDir: ctx.config.dataDir }));
  deps = { db, cipher: ctx.app.deps.cipher, cardSigner: ctx.app.deps.cardSigner, vouchers: signer };
  const street = await ctx.database.db.selectFrom('org_unit').select('path').where('id', '=', streetId).executeTakeFirstOrThrow();
  merchantId = (
    await ctx.database.db
      .insertInto('points_merchant')
      .values({ org_id: streetId, org_path: street.path, name: '冷饮店', uscc: null, contact_name: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const created = await ctx.call('POST', '/api/welfare/campaigns', {
    orgId: streetId,
    kind: 'summer',
    name: '压测夏送清凉',
    startsOn: '2026-07-01',
    endsOn: '2026-08-31',
    voucherFrom: '2026-01-01',
    voucherTo: '2099-12-31',
    merchantIds: [merchantId],
    items: [
      { name: '西瓜', unit: '斤', plannedQty: 10000, budgetYuan: 15000 },
      { name: '矿泉水', unit: '箱', plannedQty: 2000, budgetYuan: 30000 },
      { name: '冷饮兑换券', unit: '张', plannedQty: VOUCHERS, budgetYuan: 750, isVoucher: true },
    ],
  });
  expect(created.statusCode).toBe(201);
  campaign = created.json<CampaignDetail>();
  for (const [i, qty] of [
    [0, 3000],
    [1, 1500],
    [2, VOUCHERS],
  ] as const)
    await moveStock(db, admin, campaign.id, { kind: 'stock_in', key: `in-${i}`, itemId: campaign.items[i]!.id, qty });
  await moveStock(db, admin, campaign.id, {
    kind: 'transfer',
    key: 'to-market',
    itemId: campaign.items[0]!.id,
    qty: 1000,
    from: { orgId: streetId },
    to: { orgId: streetId, site: '菜市场' },
  });
  if (process.env.WELFARE_HAMMER_WITHOUT_CONSTRAINTS === '1') {
    await sql`DROP INDEX welfare_redemption_once`.execute(ctx.database.db);
    await sql`ALTER TABLE welfare_balance DROP CONSTRAINT welfare_balance_not_negative`.execute(ctx.database.db);
  }
}, 600_000);

afterAll(async () => {
  if (pool) await db.destroy();
  await ctx?.close();
});

const codeOf = (error: unknown): string => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`);

describe('welfare hammer', () => {
  it('hands out past the stock from many callers without a negative balance, a double hand-out or a lost move', async () => {
    const melon = campaign.items[0]!.id;
    const water = campaign.items[1]!.id;
    const phones = Array.from({ length: HANDOUTS }, () => makePhone());
    const outcomes = new Map<string, number>();
    const count = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
    const started = Date.now();
    /** Operation k, the same every time it is sent: a transfer to the market (every 25th) or a hand-out. */
    const operation = async (k: number): Promise<'transfer' | 'handed out'> => {
      if (k % 25 === 0) {
        // Transfers from the warehouse to the market compete with the hand-outs for the same stock.
        await moveStock(db, admin, campaign.id, {
          kind: 'transfer',
          key: `t-${k}`,
          itemId: melon,
          qty: 40,
          from: { orgId: streetId },
          to: { orgId: streetId, site: '菜市场' },
        });
        return 'transfer';
      }
      // Every 20th hand-out is for a person served three operations earlier, under its own key.
      const person = k % 20 === 5 ? k - 3 : k;
      const atMarket = k % 2 === 0;
      await handOut(deps, admin, campaign.id, {
        kind: 'person',
        key: `h-${k}`,
        from: atMarket ? { orgId: streetId, site: '菜市场' } : { orgId: streetId },
        name: '户外劳动者',
        phone: phones[person]!,
        items: [{ itemId: melon, qty: 1 + (k % 5) }, ...(atMarket ? [] : [{ itemId: water, qty: 1 }])],
      });
      return 'handed out';
    };
    const servedKeys = new Set<number>();
    await concurrently(CALLERS, HANDOUTS, async (n) => {
      // 30 % re-send an earlier operation with its key (a client retrying after a lost answer).
      const resend = n > 10 && n % 10 < 3;
      try {
        const k = resend ? n - 7 : n;
        const done = await operation(k);
        if (done === 'handed out') servedKeys.add(k);
        count(resend ? `re-sent ${done}` : done);
      } catch (error) {
        count(codeOf(error));
      }
    });
    const seconds = (Date.now() - started) / 1000;

    const negative = await db.selectFrom('welfare_balance').select(['location_id', 'item_id', 'qty']).where('qty', '<', 0).execute();
    // Every balance is what its moves say: in minus out, per location and item.
    const mismatched = await sql<{ location_id: number }>`
      WITH flows AS (
        SELECT to_location_id AS location_id, item_id, qty FROM welfare_move
        UNION ALL SELECT from_location_id, item_id, -qty FROM welfare_move WHERE from_location_id IS NOT NULL)
      SELECT l.id AS location_id FROM welfare_location l
        JOIN (SELECT location_id, item_id, sum(qty) AS total FROM flows GROUP BY 1, 2) f ON f.location_id = l.id
        LEFT JOIN welfare_balance b ON b.location_id = l.id AND b.item_id = f.item_id
       WHERE l.kind <> 'handed_out' AND coalesce(b.qty, 0) <> f.total`.execute(db);
    const doublePeople = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT person_bidx FROM welfare_handout WHERE person_bidx IS NOT NULL
        GROUP BY campaign_id, person_bidx HAVING count(*) > 1) d`.execute(db);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM welfare_handout`.execute(db);
    const report = (await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}/reconciliation`)).json<{
      items: { balanced: boolean; left: number }[];
    }>();
    const unexpected = [...outcomes.keys()].filter((k) => k.startsWith('unexpected'));
    const refused = [...outcomes.entries()].filter(([k]) => k.startsWith('WELFARE_')).reduce((n, [, v]) => n + v, 0);
    recordFigure(
      'welfare hand-outs',
      `${HANDOUTS} operations from ${CALLERS} callers in ${seconds.toFixed(1)} s (${pool ? 'PostgreSQL, pool 24' : 'PGlite'}): ` +
        `${outcomes.get('handed out') ?? 0} handed out, ${outcomes.get('transfer') ?? 0} transfers, ` +
        `${(outcomes.get('re-sent handed out') ?? 0) + (outcomes.get('re-sent transfer') ?? 0)} re-sent and answered as first, ` +
        `${refused} refused (${[...outcomes.entries()]
          .filter(([k]) => k.startsWith('WELFARE_'))
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}); ` +
        `negative balances ${negative.length}, balances ≠ moves ${mismatched.rows.length}, people served twice ${doublePeople.rows[0]!.n}`,
      import.meta.filename,
    );
    expect(unexpected).toEqual([]);
    expect(outcomes.get('WELFARE_STOCK_SHORT') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('WELFARE_ALREADY_HANDED_OUT') ?? 0).toBeGreaterThan(0);
    expect(negative).toEqual([]);
    expect(mismatched.rows).toEqual([]);
    expect(doublePeople.rows[0]!.n).toBe(0);
    expect(outcomes.get('WELFARE_KEY_REUSED') ?? 0).toBe(0);
    // One hand-out per key that succeeded, however often it was sent.
    expect(rows.rows[0]!.n).toBe(servedKeys.size);
    expect(report.items.every((i) => i.balanced)).toBe(true);
  }, 600_000);

  it('redeems each voucher once under concurrent double scans, online and synced offline', async () => {
    const item = campaign.items[2]!.id;
    const tokens: string[] = [];
    await concurrently(20, VOUCHERS, async (n) => {
      const h = await handOut(deps, admin, campaign.id, {
        kind: 'person',
        key: `v-${n}`,
        from: { orgId: streetId },
        name: '快递员',
        phone: makePhone(),
        items: [{ itemId: item, qty: 1 }],
      });
      tokens[n] = h.vouchers[0]!.token;
    });
    const outcomes = new Map<string, number>();
    const count = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
    const scanned = new Set<number>();
    const started = Date.now();
    await concurrently(CALLERS, SCANS, async (n) => {
      const v = (n * 7919) % VOUCHERS;
      scanned.add(v);
      try {
        if (n % 3 === 0) {
          const { results } = await syncOfflineScans(db, deps.vouchers, admin, {
            merchantId,
            scans: [{ token: tokens[v]!, scannedAt: new Date(Date.now() - 60_000).toISOString() }],
          });
          count(results[0]!.outcome === 'redeemed' ? 'redeemed' : `offline ${results[0]!.outcome}`);
        } else {
          await redeemVoucher(db, deps.vouchers, admin, { token: tokens[v]!, merchantId });
          count('redeemed');
        }
      } catch (error) {
        count(codeOf(error));
      }
    });
    const seconds = (Date.now() - started) / 1000;
    const doubles = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT voucher_id FROM welfare_redemption GROUP BY region_id, voucher_id HAVING count(*) > 1) d`.execute(
      db,
    );
    const redemptions = await sql<{ n: number }>`SELECT count(*)::int AS n FROM welfare_redemption`.execute(db);
    const flags = await sql<{ n: number }>`SELECT count(*)::int AS n FROM welfare_scan_flag`.execute(db);
    const refusedOnline = outcomes.get('WELFARE_VOUCHER_REDEEMED') ?? 0;
    const flaggedOffline = outcomes.get('offline duplicate') ?? 0;
    recordFigure(
      'welfare vouchers',
      `${SCANS} scans of ${VOUCHERS} vouchers from ${CALLERS} callers in ${seconds.toFixed(1)} s: ${outcomes.get('redeemed') ?? 0} redeemed, ` +
        `${refusedOnline} refused online, ${flaggedOffline} flagged offline; redemptions ${redemptions.rows[0]!.n}, doubles found ${doubles.rows[0]!.n}`,
      import.meta.filename,
    );
    expect([...outcomes.keys()].filter((k) => k.startsWith('unexpected'))).toEqual([]);
    expect(doubles.rows[0]!.n).toBe(0);
    expect(redemptions.rows[0]!.n).toBe(scanned.size);
    expect(outcomes.get('redeemed')).toBe(scanned.size);
    expect(flags.rows[0]!.n).toBe(refusedOnline + flaggedOffline);
    expect(refusedOnline + flaggedOffline + scanned.size).toBe(SCANS);
  }, 600_000);
});
