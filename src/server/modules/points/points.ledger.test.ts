import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type KyselyPlugin } from 'kysely';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { AppError } from '../../../common/errors.js';
import * as ledger from './points.ledger.js';
import { checkBooks } from './points.invariants.js';

let ctx: TestContext;
let book: ledger.Book;
let budget: number;
let issuance: number;
let merchant: number;

const db = () => ctx.database.db;

async function inTx<T>(f: (t: ReturnType<typeof db>) => Promise<T>): Promise<T> {
  return db()
    .transaction()
    .execute((t) => f(t));
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

async function balance(id: number): Promise<{ balance: number; pending: number }> {
  const r = await db().selectFrom('points_account').select(['balance', 'pending_debits']).where('id', '=', id).executeTakeFirstOrThrow();
  return { balance: r.balance, pending: r.pending_debits };
}

let memberSeq = 9_000_000;
async function memberAccount(): Promise<number> {
  memberSeq += 1;
  return inTx((t) => ledger.accountFor(t, book, { kind: 'member', memberId: memberSeq }));
}

async function award(to: number, amount: number, key: string, expiresAt: string | null = null) {
  return inTx((t) =>
    ledger.transfer(t, { key, book, kind: 'award', debitAccountId: budget, creditAccountId: to, amount, expiresAt, memberId: null }),
  );
}

async function spend(from: number, amount: number, key: string, now?: Date) {
  return inTx((t) => ledger.transfer(t, { key, book, kind: 'spend', debitAccountId: from, creditAccountId: merchant, amount }, now));
}

beforeAll(async () => {
  ctx = await createTestContext();
  const { rows } = await sql<{ id: number }>`
    INSERT INTO points_programme (org_id, org_path, region_id, name, expiry_rule)
    VALUES (1, '1', 1, '测试积分', 'never') RETURNING id`.execute(db());
  book = { region: 1, programmeId: rows[0]!.id };
  const { rows: m } = await sql<{
    id: number;
  }>`INSERT INTO points_merchant (org_id, org_path, name) VALUES (1, '1', '测试商户') RETURNING id`.execute(db());
  await inTx(async (t) => {
    budget = await ledger.accountFor(t, book, { kind: 'budget' });
    issuance = await ledger.accountFor(t, book, { kind: 'issuance' });
    merchant = await ledger.accountFor(t, book, { kind: 'merchant', merchantId: m[0]!.id });
    await ledger.transfer(t, { key: 'fund:1', book, kind: 'fund', debitAccountId: issuance, creditAccountId: budget, amount: 100_000 });
  });
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('points ledger', () => {
  it('funds, awards and spends with entries that chain, and the books sum to zero', async () => {
    const a = await memberAccount();
    await award(a, 50, 'award:chain');
    await spend(a, 15, 'spend:chain');
    expect(await balance(a)).toEqual({ balance: 35, pending: 0 });
    expect((await balance(issuance)).balance).toBe(-100_000);
    const entries = await db()
      .selectFrom('points_entry')
      .select(['delta', 'balance_after', 'account_version'])
      .where('account_id', '=', a)
      .orderBy('account_version')
      .execute();
    expect(entries).toEqual([
      { delta: 50, balance_after: 50, account_version: 1 },
      { delta: -15, balance_after: 35, account_version: 2 },
    ]);
    expect(await checkBooks(db())).toEqual([]);
  });

  it('answers a retried key with the first result and refuses the key with other fields', async () => {
    const a = await memberAccount();
    const first = await award(a, 20, 'award:retry');
    const again = await award(a, 20, 'award:retry');
    expect(again).toMatchObject({ id: first.id, replayed: true });
    expect(first.replayed).toBe(false);
    expect(await code(award(a, 21, 'award:retry'))).toBe('POINTS_KEY_REUSED');
    expect(await balance(a)).toEqual({ balance: 20, pending: 0 });
  });

  it('refuses a spend beyond the balance and writes nothing', async () => {
    const a = await memberAccount();
    await award(a, 10, 'award:small');
    const before = await db()
      .selectFrom('points_transfer')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await code(spend(a, 11, 'spend:too-much'))).toBe('POINTS_INSUFFICIENT');
    const after = await db()
      .selectFrom('points_transfer')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // The refused key is free: a retry that now fits goes through.
    expect((await spend(a, 10, 'spend:too-much')).replayed).toBe(false);
  });

  it('spends the lot that expires first, and points that never expire last', async () => {
    const a = await memberAccount();
    const never = await award(a, 10, 'award:never', null);
    const late = await award(a, 10, 'award:late', '2030-01-01T00:00:00.000Z');
    const soon = await award(a, 10, 'award:soon', '2029-01-01T00:00:00.000Z');
    await spend(a, 15, 'spend:lots');
    const lots = await db().selectFrom('points_lot').select(['transfer_id', 'remaining']).where('account_id', '=', a).execute();
    const left = Object.fromEntries(lots.map((l) => [l.transfer_id, l.remaining]));
    expect(left).toEqual({ [soon.id]: 0, [late.id]: 5, [never.id]: 10 });
  });

  it('holds points, posts a hold once, and a void gives them back to their lots', async () => {
    const a = await memberAccount();
    await award(a, 30, 'award:hold');
    const hold = await inTx((t) =>
      ledger.transfer(t, {
        key: 'hold:1',
        book,
        kind: 'spend',
        debitAccountId: a,
        creditAccountId: merchant,
        amount: 15,
        pending: { timeoutSeconds: 60 },
      }),
    );
    expect(await balance(a)).toEqual({ balance: 30, pending: 15 });
    expect(await code(spend(a, 16, 'spend:over-hold'))).toBe('POINTS_INSUFFICIENT');
    await inTx((t) => ledger.postPending(t, { key: 'post:1', book, pendingId: hold.id }));
    expect(await balance(a)).toEqual({ balance: 15, pending: 0 });
    expect(await code(inTx((t) => ledger.voidPending(t, { key: 'void:1', book, pendingId: hold.id })))).toBe('POINTS_HOLD_RESOLVED');
    expect((await inTx((t) => ledger.postPending(t, { key: 'post:1', book, pendingId: hold.id }))).replayed).toBe(true);

    const hold2 = await inTx((t) =>
      ledger.transfer(t, {
        key: 'hold:2',
        book,
        kind: 'spend',
        debitAccountId: a,
        creditAccountId: merchant,
        amount: 15,
        pending: { timeoutSeconds: 60 },
      }),
    );
    await inTx((t) => ledger.voidPending(t, { key: 'void:2', book, pendingId: hold2.id }));
    expect(await balance(a)).toEqual({ balance: 15, pending: 0 });
    expect(await code(inTx((t) => ledger.postPending(t, { key: 'post:2', book, pendingId: hold2.id })))).toBe('POINTS_HOLD_RESOLVED');
    expect(await checkBooks(db())).toEqual([]);
  });

  it('refuses to post a hold after its timeout, and the timeout job voids it once', async () => {
    const a = await memberAccount();
    await award(a, 15, 'award:timeout');
    const t0 = new Date('2026-08-01T04:00:00.000Z');
    const hold = await inTx((t) =>
      ledger.transfer(
        t,
        { key: 'hold:t', book, kind: 'spend', debitAccountId: a, creditAccountId: merchant, amount: 15, pending: { timeoutSeconds: 120 } },
        t0,
      ),
    );
    const later = new Date(t0.getTime() + 121_000);
    expect(await code(inTx((t) => ledger.postPending(t, { key: 'post:t', book, pendingId: hold.id }, later)))).toBe('POINTS_HOLD_EXPIRED');
    expect((await ledger.voidTimedOut(db(), later)).voided).toBeGreaterThanOrEqual(1);
    expect((await ledger.voidTimedOut(db(), later)).voided).toBe(0);
    expect(await balance(a)).toEqual({ balance: 15, pending: 0 });
  });

  it('reverses an award at most once; a spent award is refused or booked to claw-back', async () => {
    const a = await memberAccount();
    const wrong = await award(a, 40, 'award:wrong');
    await inTx((t) => ledger.reverse(t, { key: 'rev:1', book, originalId: wrong.id, mode: 'refuse' }));
    expect(await balance(a)).toEqual({ balance: 0, pending: 0 });
    expect(await code(inTx((t) => ledger.reverse(t, { key: 'rev:1b', book, originalId: wrong.id, mode: 'refuse' })))).toBe(
      'POINTS_ALREADY_REVERSED',
    );
    expect((await inTx((t) => ledger.reverse(t, { key: 'rev:1', book, originalId: wrong.id, mode: 'refuse' }))).reversal.replayed).toBe(
      true,
    );

    const spentAward = await award(a, 30, 'award:spent');
    await spend(a, 20, 'spend:before-reversal');
    expect(await code(inTx((t) => ledger.reverse(t, { key: 'rev:2', book, originalId: spentAward.id, mode: 'refuse' })))).toBe(
      'POINTS_ALREADY_SPENT',
    );
    const done = await inTx((t) => ledger.reverse(t, { key: 'rev:2', book, originalId: spentAward.id, mode: 'clawback' }));
    expect(done.reversal.amount).toBe(10);
    expect(done.clawback?.amount).toBe(20);
    expect(await balance(a)).toEqual({ balance: 0, pending: 0 });
    expect(await checkBooks(db())).toEqual([]);
  });

  it('a refunded spend returns to the lots it came from', async () => {
    const a = await memberAccount();
    const lot = await award(a, 20, 'award:refund', '2031-01-01T00:00:00.000Z');
    const s = await spend(a, 15, 'spend:refund');
    await inTx((t) => ledger.reverse(t, { key: 'rev:spend', book, originalId: s.id, mode: 'refuse' }));
    const l = await db().selectFrom('points_lot').select('remaining').where('transfer_id', '=', lot.id).executeTakeFirstOrThrow();
    expect(l.remaining).toBe(20);
    expect(await code(inTx((t) => ledger.reverse(t, { key: 'rev:fund', book, originalId: lot.id - 1_000_000, mode: 'refuse' })))).toBe(
      'NOT_FOUND',
    );
  });

  it('expires lots at their instant, once, and points given back to an expired lot expire again', async () => {
    const a = await memberAccount();
    await award(a, 25, 'award:expiring', '2027-12-31T16:00:00.000Z');
    const before = new Date('2027-12-31T15:59:59.000Z');
    const at = new Date('2027-12-31T16:00:00.000Z');
    expect(await ledger.expireDue(db(), before)).toEqual({ lots: 0, points: 0 });
    const hold = await inTx((t) =>
      ledger.transfer(
        t,
        {
          key: 'hold:exp',
          book,
          kind: 'spend',
          debitAccountId: a,
          creditAccountId: merchant,
          amount: 5,
          pending: { timeoutSeconds: 3600 },
        },
        before,
      ),
    );
    const first = await ledger.expireDue(db(), at);
    expect(first.points).toBeGreaterThanOrEqual(20);
    expect(await ledger.expireDue(db(), at)).toEqual({ lots: 0, points: 0 });
    expect(await balance(a)).toEqual({ balance: 5, pending: 5 });
    await inTx((t) => ledger.voidPending(t, { key: 'void:exp', book, pendingId: hold.id }, at));
    expect(await code(spend(a, 5, 'spend:expired', at))).toBe('POINTS_INSUFFICIENT');
    await ledger.expireDue(db(), at);
    expect(await balance(a)).toEqual({ balance: 0, pending: 0 });
    expect(await checkBooks(db())).toEqual([]);
  });

  it('refuses to change or delete a transfer or an entry, whoever asks', async () => {
    await expect(sql`UPDATE points_transfer SET amount = amount + 1`.execute(db())).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM points_entry`.execute(db())).rejects.toThrow(/immutable/);
    await expect(sql`UPDATE points_lot_use SET amount = 1`.execute(db())).rejects.toThrow(/immutable/);
  });
});

/** Counts the statements a transaction sends to the database (every Kysely query, raw SQL included, passes plugins). */
function statementCounter(): { plugin: KyselyPlugin; count: () => number } {
  let n = 0;
  return {
    plugin: {
      transformQuery: (args) => {
        n += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    },
    count: () => n,
  };
}

describe('points ledger round trips', () => {
  async function counted(f: (t: ReturnType<typeof db>) => Promise<unknown>): Promise<number> {
    const counter = statementCounter();
    await inTx((t) => f(t.withPlugin(counter.plugin)));
    return counter.count();
  }

  it('books a single award, a spend from one lot and a replay in a bounded number of statements', async () => {
    const a = await memberAccount();
    const awardTrips = await counted((t) =>
      ledger.transfer(t, {
        key: 'trips:award',
        book,
        kind: 'award',
        debitAccountId: budget,
        creditAccountId: a,
        amount: 30,
        expiresAt: null,
      }),
    );
    const spendTrips = await counted((t) =>
      ledger.transfer(t, { key: 'trips:spend', book, kind: 'spend', debitAccountId: a, creditAccountId: merchant, amount: 10 }),
    );
    const replayTrips = await counted((t) =>
      ledger.transfer(t, { key: 'trips:spend', book, kind: 'spend', debitAccountId: a, creditAccountId: merchant, amount: 10 }),
    );
    expect(await balance(a)).toEqual({ balance: 20, pending: 0 });
    expect(await checkBooks(db())).toEqual([]);
    console.log(`points transfer statements: award ${awardTrips}, spend ${spendTrips}, replay ${replayTrips}`);
    expect({ awardTrips, spendTrips, replayTrips }).toEqual({ awardTrips: 6, spendTrips: 7, replayTrips: 1 });
  });
});
