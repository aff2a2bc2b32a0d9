/**
 * Model-based test of the points ledger (fast-check commands): a pure model of one book — lots spent oldest expiry
 * first, holds, post / void / timeout, reversals once with refuse or claw-back, expiry at an instant, re-sent keys —
 * runs beside the real ledger on a fresh book per run. After every command the outcome (booked, replayed or the
 * refusal's code) and every member's balance and holds agree; at the end checkBooks finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { AppError } from '../../../common/errors.js';
import * as ledger from './points.ledger.js';
import { checkBooks } from './points.invariants.js';

const MEMBERS = 3;
const T0 = Date.parse('2026-06-01T00:00:00.000Z');

type Lot = { key: string; amount: number; remaining: number; expiresAt: number | null; seq: number };
type Hold = { key: string; member: number; amount: number; takes: [Lot, number][]; timeoutAt: number; resolved: boolean };
type Booked = {
  key: string;
  kind: 'award' | 'spend';
  member: number;
  amount: number;
  lot?: Lot;
  takes?: [Lot, number][];
  reversed: boolean;
};

type Model = {
  now: number;
  seq: number;
  members: { balance: number; pending: number; lots: Lot[] }[];
  holds: Hold[];
  booked: Booked[];
  /** Keys answered so far with what a re-send must answer. */
  keys: Map<string, string>;
};

type Real = { db: Kysely<DB>; book: ledger.Book; budget: number; merchant: number; members: number[]; ids: Map<string, number> };

type Outcome = string; // 'ok', 'replay' or an error code

function expireMember(m: Model['members'][number], now: number): void {
  for (const lot of m.lots) {
    if (lot.remaining > 0 && lot.expiresAt !== null && lot.expiresAt <= now) {
      m.balance -= lot.remaining;
      lot.remaining = 0;
    }
  }
}

function take(m: Model['members'][number], amount: number): [Lot, number][] {
  const order = m.lots
    .filter((l) => l.remaining > 0)
    .sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || a.seq - b.seq);
  const takes: [Lot, number][] = [];
  let left = amount;
  for (const lot of order) {
    if (left === 0) break;
    const t = Math.min(lot.remaining, left);
    lot.remaining -= t;
    left -= t;
    takes.push([lot, t]);
  }
  return takes;
}

function available(m: Model['members'][number]): number {
  return m.balance - m.pending;
}

async function outcome(p: Promise<{ replayed: boolean; id: number }>, real: Real, key: string): Promise<Outcome> {
  try {
    const r = await p;
    if (!r.replayed) real.ids.set(key, r.id);
    return r.replayed ? 'replay' : 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

const tx = <T>(real: Real, f: (t: Kysely<DB>) => Promise<T>) => real.db.transaction().execute((t) => f(t));

/** One command: what the model expects (and its change), and what the ledger answers. */
abstract class Command {
  abstract key: string;
  /** What the request is, as its key's first use must match (the ledger's request hash, in words). */
  abstract signature(model: Model): string;
  abstract expect(model: Model): Outcome;
  abstract call(real: Real, model: Model): Promise<Outcome>;
  check(model: Readonly<Model>): boolean {
    void model;
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    const seen = model.keys.get(this.key);
    const signature = this.signature(model);
    const predicted = seen === undefined ? this.expect(model) : seen === signature ? 'replay' : 'POINTS_KEY_REUSED';
    const got = await this.call(real, model);
    expect(got, `${this.toString()}`).toBe(predicted);
    if (predicted === 'ok' && this.key) model.keys.set(this.key, signature);
    const rows = await real.db
      .selectFrom('points_account')
      .select(['id', 'balance', 'pending_debits'])
      .where('id', 'in', real.members)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    real.members.forEach((id, i) => {
      expect({ balance: byId.get(id)?.balance, pending: byId.get(id)?.pending_debits }, `member ${i} after ${this.toString()}`).toEqual({
        balance: model.members[i]!.balance,
        pending: model.members[i]!.pending,
      });
    });
  }
}

class Award extends Command {
  constructor(
    readonly key: string,
    readonly member: number,
    readonly amount: number,
    readonly expiresIn: number | null,
  ) {
    super();
  }
  signature(): string {
    return `${this.member}:${this.amount}:${this.expiresIn}`;
  }
  private expiresAt(model: Model): number | null {
    void model;
    return this.expiresIn === null ? null : T0 + this.expiresIn;
  }
  expect(model: Model): Outcome {
    const m = model.members[this.member]!;
    const lot: Lot = { key: this.key, amount: this.amount, remaining: this.amount, expiresAt: this.expiresAt(model), seq: model.seq++ };
    m.lots.push(lot);
    m.balance += this.amount;
    model.booked.push({ key: this.key, kind: 'award', member: this.member, amount: this.amount, lot, reversed: false });
    return 'ok';
  }
  call(real: Real, model: Model): Promise<Outcome> {
    const at = this.expiresAt(model);
    return outcome(
      tx(real, (t) =>
        ledger.transfer(
          t,
          {
            key: this.key,
            book: real.book,
            kind: 'award',
            debitAccountId: real.budget,
            creditAccountId: real.members[this.member]!,
            amount: this.amount,
            expiresAt: at === null ? null : new Date(at).toISOString(),
          },
          new Date(model.now),
        ),
      ),
      real,
      this.key,
    );
  }
  override toString(): string {
    return `award(${this.key}, m${this.member}, ${this.amount}, ${this.expiresIn})`;
  }
}

class Spend extends Command {
  constructor(
    readonly key: string,
    readonly member: number,
    readonly amount: number,
    readonly holdFor: number | null,
  ) {
    super();
  }
  signature(): string {
    return `${this.member}:${this.amount}:${this.holdFor}`;
  }
  expect(model: Model): Outcome {
    const m = model.members[this.member]!;
    const before = m.lots.map((l) => l.remaining);
    const balance = m.balance;
    expireMember(m, model.now);
    if (available(m) < this.amount) {
      m.lots.forEach((l, i) => (l.remaining = before[i]!));
      m.balance = balance;
      return 'POINTS_INSUFFICIENT';
    }
    const takes = take(m, this.amount);
    if (this.holdFor === null) {
      m.balance -= this.amount;
      model.booked.push({ key: this.key, kind: 'spend', member: this.member, amount: this.amount, takes, reversed: false });
    } else {
      m.pending += this.amount;
      model.holds.push({
        key: this.key,
        member: this.member,
        amount: this.amount,
        takes,
        timeoutAt: model.now + this.holdFor * 1000,
        resolved: false,
      });
    }
    return 'ok';
  }
  call(real: Real, model: Model): Promise<Outcome> {
    return outcome(
      tx(real, (t) =>
        ledger.transfer(
          t,
          {
            key: this.key,
            book: real.book,
            kind: 'spend',
            debitAccountId: real.members[this.member]!,
            creditAccountId: real.merchant,
            amount: this.amount,
            ...(this.holdFor === null ? {} : { pending: { timeoutSeconds: this.holdFor } }),
          },
          new Date(model.now),
        ),
      ),
      real,
      this.key,
    );
  }
  override toString(): string {
    return `${this.holdFor === null ? 'spend' : `hold(${this.holdFor}s)`}(${this.key}, m${this.member}, ${this.amount})`;
  }
}

class Resolve extends Command {
  constructor(
    readonly key: string,
    readonly pick: number,
    readonly post: boolean,
  ) {
    super();
  }
  private hold(model: Model): Hold | undefined {
    return model.holds.length === 0 ? undefined : model.holds[this.pick % model.holds.length];
  }
  override check(model: Readonly<Model>): boolean {
    return model.holds.length > 0;
  }
  signature(model: Model): string {
    return `${this.post}:${this.hold(model)!.key}`;
  }
  expect(model: Model): Outcome {
    const h = this.hold(model)!;
    if (h.resolved) return 'POINTS_HOLD_RESOLVED';
    if (this.post && model.now >= h.timeoutAt) return 'POINTS_HOLD_EXPIRED';
    h.resolved = true;
    const m = model.members[h.member]!;
    m.pending -= h.amount;
    if (this.post) {
      m.balance -= h.amount;
    } else for (const [lot, n] of h.takes) lot.remaining += n;
    return 'ok';
  }
  call(real: Real, model: Model): Promise<Outcome> {
    const h = this.hold(model)!;
    const pendingId = real.ids.get(h.key)!;
    const f = this.post ? ledger.postPending : ledger.voidPending;
    return outcome(
      tx(real, (t) => f(t, { key: this.key, book: real.book, pendingId }, new Date(model.now))),
      real,
      this.key,
    );
  }
  override toString(): string {
    return `${this.post ? 'post' : 'void'}(${this.key}, hold #${this.pick})`;
  }
}

class Reverse extends Command {
  constructor(
    readonly key: string,
    readonly pick: number,
    readonly mode: 'refuse' | 'clawback',
  ) {
    super();
  }
  private target(model: Model): Booked | undefined {
    return model.booked.length === 0 ? undefined : model.booked[this.pick % model.booked.length];
  }
  override check(model: Readonly<Model>): boolean {
    return model.booked.length > 0;
  }
  signature(model: Model): string {
    return `${this.target(model)!.key}:${this.mode}`;
  }
  expect(model: Model): Outcome {
    const b = this.target(model)!;
    if (b.reversed) return 'POINTS_ALREADY_REVERSED';
    const m = model.members[b.member]!;
    if (b.kind === 'award') {
      if (model.holds.some((h) => !h.resolved && h.takes.some(([lot]) => lot === b.lot))) return 'POINTS_HOLD_OPEN';
      const back = b.lot!.remaining;
      if (back < b.amount && this.mode === 'refuse') return 'POINTS_ALREADY_SPENT';
      b.lot!.remaining = 0;
      m.balance -= back;
    } else {
      for (const [lot, n] of b.takes!) lot.remaining += n;
      m.balance += b.amount;
    }
    b.reversed = true;
    return 'ok';
  }
  call(real: Real, model: Model): Promise<Outcome> {
    const b = this.target(model)!;
    const originalId = real.ids.get(b.key)!;
    return outcome(
      tx(
        real,
        async (t) =>
          (await ledger.reverse(t, { key: this.key, book: real.book, originalId, mode: this.mode }, new Date(model.now))).reversal,
      ),
      real,
      this.key,
    );
  }
  override toString(): string {
    return `reverse(${this.key}, #${this.pick}, ${this.mode})`;
  }
}

/** The clock moves on, then the timeout and expiry jobs run (twice: a second run changes nothing). */
class Tick extends Command {
  readonly key = '';
  constructor(readonly ms: number) {
    super();
  }
  signature(): string {
    return '';
  }
  expect(model: Model): Outcome {
    model.now += this.ms;
    for (const h of model.holds) {
      if (!h.resolved && h.timeoutAt <= model.now) {
        h.resolved = true;
        model.members[h.member]!.pending -= h.amount;
        for (const [lot, n] of h.takes) lot.remaining += n;
      }
    }
    for (const m of model.members) expireMember(m, model.now);
    return 'ok';
  }
  async call(real: Real, model: Model): Promise<Outcome> {
    const at = new Date(model.now);
    for (let i = 0; i < 2; i += 1) {
      await ledger.voidTimedOut(real.db, at);
      await ledger.expireDue(real.db, at);
    }
    return 'ok';
  }
  override toString(): string {
    return `tick(${this.ms} ms)`;
  }
}

/** fast-check calls `run(model, real)`; the commands above keep the model's prediction next to the ledger call. */
function asFc(c: Command): fc.AsyncCommand<Model, Real> {
  return { check: (m) => c.check(m), run: (m, r) => c.run(m, r), toString: () => c.toString() };
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('points ledger against its model', () => {
  it('agrees with the model on every command', async () => {
    let run = 0;
    const key = fc.integer({ min: 0, max: 40 }).map((n) => `k${n}`);
    const member = fc.integer({ min: 0, max: MEMBERS - 1 });
    const commands = [
      fc
        .tuple(
          key,
          member,
          fc.integer({ min: 1, max: 40 }),
          fc.option(
            fc.integer({ min: 1, max: 20 }).map((h) => h * 3_600_000),
            { nil: null },
          ),
        )
        .map(([k, m, a, e]) => asFc(new Award(`a:${k}`, m, a, e))),
      fc.tuple(key, member, fc.integer({ min: 1, max: 40 })).map(([k, m, a]) => asFc(new Spend(`s:${k}`, m, a, null))),
      fc
        .tuple(key, member, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 60, max: 7200 }))
        .map(([k, m, a, s]) => asFc(new Spend(`h:${k}`, m, a, s))),
      fc.tuple(key, fc.nat(), fc.boolean()).map(([k, p, post]) => asFc(new Resolve(`r:${k}`, p, post))),
      fc
        .tuple(key, fc.nat(), fc.constantFrom('refuse' as const, 'clawback' as const))
        .map(([k, p, mode]) => asFc(new Reverse(`v:${k}`, p, mode))),
      fc.integer({ min: 1, max: 6 }).map((h) => asFc(new Tick(h * 1_800_000))),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        run += 1;
        const db = ctx.database.db;
        const { rows } = await sql<{ id: number }>`
          INSERT INTO points_programme (org_id, org_path, region_id, name, expiry_rule) VALUES (1, '1', 1, ${`模型 ${run}`}, 'never') RETURNING id`.execute(
          db,
        );
        const book = { region: 1, programmeId: rows[0]!.id };
        const { rows: mr } = await sql<{
          id: number;
        }>`INSERT INTO points_merchant (org_id, org_path, name) VALUES (1, '1', ${`模型商户 ${run}`}) RETURNING id`.execute(db);
        const real = await db.transaction().execute(async (t): Promise<Real> => {
          const budget = await ledger.accountFor(t, book, { kind: 'budget' });
          const issuance = await ledger.accountFor(t, book, { kind: 'issuance' });
          await ledger.transfer(t, {
            key: 'fund',
            book,
            kind: 'fund',
            debitAccountId: issuance,
            creditAccountId: budget,
            amount: 1_000_000,
          });
          const merchant = await ledger.accountFor(t, book, { kind: 'merchant', merchantId: mr[0]!.id });
          const members: number[] = [];
          for (let i = 0; i < MEMBERS; i += 1) members.push(await ledger.accountFor(t, book, { kind: 'member', memberId: run * 100 + i }));
          return { db, book, budget, merchant, members, ids: new Map() };
        });
        const model: Model = {
          now: T0,
          seq: 0,
          members: Array.from({ length: MEMBERS }, () => ({ balance: 0, pending: 0, lots: [] })),
          holds: [],
          booked: [],
          keys: new Map(),
        };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: Number(process.env.GONGHUI_MODEL_RUNS ?? 25), seed: Number(process.env.GONGHUI_MODEL_SEED ?? Date.now() % 1_000_000) },
    );
    expect(await checkBooks(ctx.database.db)).toEqual([]);
  }, 600_000);
});
