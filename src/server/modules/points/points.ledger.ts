/**
 * The points ledger: double entry on the model of TigerBeetle, in SQL (schema and rules: 0029_points.sql).
 *
 * Every function here runs inside the caller's transaction (`tx`), so that a service writes its own rows, the
 * transfer and its audit entry in one transaction. A refusal throws an AppError and the caller's transaction rolls
 * back: refusals leave no transfer behind, and a retry with the same key is evaluated afresh.
 *
 * Idempotency: a transfer's `key` is unique in its book. The same key with the same fields answers the first result
 * (`replayed: true`, nothing written); with other fields it is refused (POINTS_KEY_REUSED, 409).
 *
 * Locks, always in this order: the transfer being resolved or reversed (FOR UPDATE), then the accounts in id order,
 * then a member account's lots in spending order.
 */
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { replayOf as firstUnderKey, requestHash } from '../../db/idempotent.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import type { AccountKind, TransferKind, TransferOp } from '../../../common/points.js';
import '../../../common/points.errors.js';
import './points.tables.js';

/** A programme's book: its id and the region its rows live in (points_programme.region_id). */
export type Book = { region: number; programmeId: number };

export type AccountOwner =
  { kind: 'member'; memberId: number } | { kind: 'merchant'; merchantId: number } | { kind: Exclude<AccountKind, 'member' | 'merchant'> };

export type TransferRequest = {
  /** The caller's id of this transfer (an Idempotency-Key, `award:<batch>:<row>` …). */
  key: string;
  book: Book;
  kind: TransferKind;
  debitAccountId: number;
  creditAccountId: number;
  /** Whole points, > 0. */
  amount: number;
  /** Hold the amount instead of posting it; voided when not posted within the timeout. */
  pending?: { timeoutSeconds: number };
  /** Points credited to a member account go into a new lot expiring then (ISO instant; null: never). */
  expiresAt?: string | null;
  source?: string | null;
  sourceRef?: string | null;
  catalogueItemId?: number | null;
  reason?: string | null;
  memberId?: number | null;
  merchantId?: number | null;
  actorUserId?: number | null;
};

export type TransferResult = {
  id: number;
  key: string;
  kind: TransferKind;
  op: TransferOp;
  amount: number;
  debitAccountId: number;
  creditAccountId: number;
  pendingId: number | null;
  reversalOf: number | null;
  timeoutAt: string | null;
  createdAt: string;
  /** True when the key had already been used with the same fields: this is the first result, nothing was written. */
  replayed: boolean;
};

export type ResolveRequest = { key: string; book: Book; pendingId: number; actorUserId?: number | null; reason?: string | null };

export type ReverseRequest = {
  key: string;
  book: Book;
  originalId: number;
  /**
   * When an award's points were already spent (or expired) in part: 'refuse' (POINTS_ALREADY_SPENT) or 'clawback'
   * (take back what is left, book the rest to the programme's claw-back account as owed by the member).
   */
  mode: 'refuse' | 'clawback';
  actorUserId?: number | null;
  reason?: string | null;
};

export type ReverseResult = { reversal: TransferResult; clawback: TransferResult | null };

type AccountRow = { id: number; kind: AccountKind; balance: number; pending_debits: number; pending_credits: number; version: number };
type TransferRow = {
  id: number;
  transfer_key: string;
  request_hash: string;
  programme_id: number;
  kind: TransferKind;
  op: TransferOp;
  debit_account_id: number;
  credit_account_id: number;
  amount: number;
  pending_id: number | null;
  reversal_of: number | null;
  timeout_at: string | null;
  member_id: number | null;
  merchant_id: number | null;
  created_at: string;
};

const TRANSFER_COLUMNS = sql.raw(
  'id, transfer_key, request_hash, programme_id, kind, op, debit_account_id, credit_account_id, amount, pending_id, reversal_of, timeout_at, member_id, merchant_id, created_at',
);

/** Accounts that may go below zero: where budgets come from, and what members owe back. */
const MAY_GO_NEGATIVE: readonly AccountKind[] = ['issuance', 'clawback'];

function toResult(row: TransferRow, replayed: boolean): TransferResult {
  return {
    id: row.id,
    key: row.transfer_key,
    kind: row.kind,
    op: row.op,
    amount: row.amount,
    debitAccountId: row.debit_account_id,
    creditAccountId: row.credit_account_id,
    pendingId: row.pending_id,
    reversalOf: row.reversal_of,
    timeoutAt: row.timeout_at,
    createdAt: row.created_at,
    replayed,
  };
}

async function findByKey(tx: Executor, book: Book, key: string): Promise<TransferRow | undefined> {
  const { rows } = await sql<TransferRow>`
    SELECT ${TRANSFER_COLUMNS} FROM points_transfer
    WHERE region_id = ${book.region} AND programme_id = ${book.programmeId} AND transfer_key = ${key}`.execute(tx);
  return rows[0];
}

/** The first result of a key used before, or a refusal when its fields differ; undefined for a new key. */
function replayOf(existing: TransferRow | undefined, hash: string): TransferResult | undefined {
  const first = firstUnderKey(existing, hash, 'POINTS_KEY_REUSED');
  return first && toResult(first, true);
}

async function insertTransfer(
  tx: Executor,
  book: Book,
  row: {
    key: string;
    hash: string;
    kind: TransferKind;
    op: TransferOp;
    debit: number;
    credit: number;
    amount: number;
    pendingId?: number | null;
    timeoutAt?: string | null;
    reversalOf?: number | null;
    source?: string | null;
    sourceRef?: string | null;
    catalogueItemId?: number | null;
    reason?: string | null;
    memberId?: number | null;
    merchantId?: number | null;
    actorUserId?: number | null;
    createdAt: string;
  },
): Promise<TransferRow | undefined> {
  // ON CONFLICT waits for a concurrent transaction holding the same key and, when it committed, inserts nothing.
  const { rows } = await sql<TransferRow>`
    INSERT INTO points_transfer (region_id, transfer_key, request_hash, programme_id, kind, op, debit_account_id,
      credit_account_id, amount, pending_id, timeout_at, reversal_of, source, source_ref, catalogue_item_id, reason,
      member_id, merchant_id, actor_user_id, created_at)
    VALUES (${book.region}, ${row.key}, ${row.hash}, ${book.programmeId}, ${row.kind}, ${row.op}, ${row.debit},
      ${row.credit}, ${row.amount}, ${row.pendingId ?? null}, ${row.timeoutAt ?? null}, ${row.reversalOf ?? null},
      ${row.source ?? null}, ${row.sourceRef ?? null}, ${row.catalogueItemId ?? null}, ${row.reason ?? null},
      ${row.memberId ?? null}, ${row.merchantId ?? null}, ${row.actorUserId ?? null}, ${row.createdAt})
    ON CONFLICT (region_id, programme_id, transfer_key) DO NOTHING
    RETURNING ${TRANSFER_COLUMNS}`.execute(tx);
  return rows[0];
}

/** The account of an owner in a book, created on first use. */
export async function accountFor(tx: Executor, book: Book, owner: AccountOwner): Promise<number> {
  const memberId = owner.kind === 'member' ? owner.memberId : null;
  const merchantId = owner.kind === 'merchant' ? owner.merchantId : null;
  const conflict =
    owner.kind === 'member'
      ? sql`(region_id, programme_id, member_id) WHERE kind = 'member'`
      : owner.kind === 'merchant'
        ? sql`(region_id, programme_id, merchant_id) WHERE kind = 'merchant'`
        : sql`(region_id, programme_id, kind) WHERE kind IN ('budget', 'expiry', 'issuance', 'clawback', 'settled')`;
  await sql`
    INSERT INTO points_account (region_id, programme_id, kind, member_id, merchant_id)
    VALUES (${book.region}, ${book.programmeId}, ${owner.kind}, ${memberId}, ${merchantId})
    ON CONFLICT ${conflict} DO NOTHING`.execute(tx);
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM points_account
    WHERE region_id = ${book.region} AND programme_id = ${book.programmeId} AND kind = ${owner.kind}
      AND member_id IS NOT DISTINCT FROM ${memberId} AND merchant_id IS NOT DISTINCT FROM ${merchantId}`.execute(tx);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`points account of ${owner.kind} not found after insert`);
  return id;
}

/** Locks accounts of one book in id order (FOR UPDATE): a service that checks a cap before a transfer calls it first. */
export async function lockAccounts(tx: Executor, book: Book, accountIds: readonly number[]): Promise<void> {
  await lockedAccounts(tx, book, accountIds);
}

async function lockedAccounts(tx: Executor, book: Book, accountIds: readonly number[]): Promise<Map<number, AccountRow>> {
  const ids = [...new Set(accountIds)].sort((a, b) => a - b);
  const { rows } = await sql<AccountRow>`
    SELECT id, kind, balance, pending_debits, pending_credits, version FROM points_account
    WHERE region_id = ${book.region} AND programme_id = ${book.programmeId} AND id = ANY(${ids}::bigint[])
    ORDER BY id FOR UPDATE`.execute(tx);
  if (rows.length !== ids.length) throw new AppError('POINTS_ACCOUNT_MISMATCH');
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Changes one account's posted balance (and its holds) by a guarded UPDATE and writes its entry. A debit of an account
 * that may not go below zero only happens while what is available covers it; `fromPending` moves a hold into the
 * balance (the hold itself was guarded when it was placed).
 */
async function applyPosted(
  tx: Executor,
  book: Book,
  account: AccountRow,
  transferId: number,
  delta: number,
  fromPending: boolean,
  createdAt: string,
): Promise<void> {
  const debit = delta < 0 ? -delta : 0;
  const credit = delta > 0 ? delta : 0;
  const guard =
    MAY_GO_NEGATIVE.includes(account.kind) || fromPending || debit === 0 ? sql`true` : sql`balance - pending_debits >= ${debit}`;
  // One statement: the guarded UPDATE and its entry (no row updated → no entry, and the refusal below).
  const { rows } = await sql<{ balance_after: number }>`
    WITH changed AS (
      UPDATE points_account
      SET balance = balance + ${delta},
          pending_debits = pending_debits - ${fromPending ? debit : 0},
          pending_credits = pending_credits - ${fromPending ? credit : 0},
          version = version + 1
      WHERE region_id = ${book.region} AND id = ${account.id} AND ${guard}
      RETURNING balance, version)
    INSERT INTO points_entry (region_id, transfer_id, account_id, delta, balance_after, account_version, created_at)
    SELECT ${book.region}, ${transferId}, ${account.id}, ${delta}, balance, version, ${createdAt} FROM changed
    RETURNING balance_after`.execute(tx);
  if (!rows[0]) throw insufficient(account, debit);
}

/** Places a hold: the debit side's available points must cover it (guarded), the credit side expects it. */
async function applyHold(tx: Executor, book: Book, debit: AccountRow, credit: AccountRow, amount: number): Promise<void> {
  const guard = MAY_GO_NEGATIVE.includes(debit.kind) ? sql`true` : sql`balance - pending_debits >= ${amount}`;
  const held = await sql`
    UPDATE points_account SET pending_debits = pending_debits + ${amount}
    WHERE region_id = ${book.region} AND id = ${debit.id} AND ${guard}`.execute(tx);
  if (Number(held.numAffectedRows ?? 0) !== 1) throw insufficient(debit, amount);
  await sql`
    UPDATE points_account SET pending_credits = pending_credits + ${amount}
    WHERE region_id = ${book.region} AND id = ${credit.id}`.execute(tx);
}

/** Releases a hold without posting it. */
async function releaseHold(tx: Executor, book: Book, pending: TransferRow): Promise<void> {
  await sql`
    UPDATE points_account SET pending_debits = pending_debits - ${pending.amount}
    WHERE region_id = ${book.region} AND id = ${pending.debit_account_id}`.execute(tx);
  await sql`
    UPDATE points_account SET pending_credits = pending_credits - ${pending.amount}
    WHERE region_id = ${book.region} AND id = ${pending.credit_account_id}`.execute(tx);
}

function insufficient(account: AccountRow, amount: number): AppError {
  return new AppError('POINTS_INSUFFICIENT', { available: account.balance - account.pending_debits, amount });
}

type LotRow = { id: number; remaining: number; due: boolean };

/**
 * A member account's lots that still hold points, locked (FOR UPDATE) in spending order: oldest expiry first, points
 * that never expire last. Those past their expiry (`due`) come first, as the expiry run takes them before the spend.
 */
async function lockLots(tx: Executor, book: Book, accountId: number, now: string): Promise<LotRow[]> {
  const { rows } = await sql<LotRow>`
    SELECT id, remaining, (expires_at IS NOT NULL AND expires_at <= ${now}) AS due FROM points_lot
    WHERE region_id = ${book.region} AND account_id = ${accountId} AND remaining > 0
    ORDER BY expires_at ASC NULLS LAST, id
    FOR UPDATE`.execute(tx);
  return rows;
}

/**
 * Takes `amount` from a member account's unexpired lots (locked by lockLots, in spending order), each by a guarded
 * UPDATE, recording a lot use per lot, all in one statement. The account is locked, so its lots change under this
 * transaction only.
 */
async function consumeLots(
  tx: Executor,
  book: Book,
  accountId: number,
  transferId: number,
  amount: number,
  lots: readonly LotRow[],
): Promise<void> {
  const takes: { id: number; take: number }[] = [];
  let left = amount;
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    takes.push({ id: lot.id, take });
    left -= take;
  }
  // The account's guarded update passed, so its unexpired lots cover the amount; anything else is a broken book.
  if (left > 0) throw new Error(`points account ${accountId}: lots short by ${left} for transfer ${transferId}`);
  const { rows } = await sql<{ lot_id: number }>`
    WITH plan AS (
      SELECT * FROM unnest(${takes.map((t) => t.id)}::bigint[], ${takes.map((t) => t.take)}::bigint[]) WITH ORDINALITY AS p (id, take, ord)),
    taken AS (
      UPDATE points_lot l SET remaining = l.remaining - plan.take FROM plan
      WHERE l.region_id = ${book.region} AND l.id = plan.id AND l.remaining >= plan.take
      RETURNING l.id, plan.take, plan.ord)
    INSERT INTO points_lot_use (region_id, lot_id, transfer_id, amount)
    SELECT ${book.region}, id, ${transferId}, take FROM taken ORDER BY ord
    RETURNING lot_id`.execute(tx);
  if (rows.length !== takes.length) throw new Error(`points account ${accountId}: a lot changed under its account's lock`);
}

/** Gives back to their lots what a transfer took from them (a void, a refund). */
async function returnLots(tx: Executor, book: Book, fromTransferId: number, byTransferId: number): Promise<void> {
  const { rows } = await sql<{ lot_id: number; amount: number }>`
    SELECT lot_id, sum(amount)::bigint AS amount FROM points_lot_use
    WHERE region_id = ${book.region} AND transfer_id = ${fromTransferId}
    GROUP BY lot_id HAVING sum(amount) > 0 ORDER BY lot_id`.execute(tx);
  for (const use of rows) {
    await sql`
      UPDATE points_lot SET remaining = remaining + ${use.amount}
      WHERE region_id = ${book.region} AND id = ${use.lot_id}`.execute(tx);
    await sql`INSERT INTO points_lot_use (region_id, lot_id, transfer_id, amount) VALUES (${book.region}, ${use.lot_id}, ${byTransferId}, ${-use.amount})`.execute(
      tx,
    );
  }
}

async function addLot(
  tx: Executor,
  book: Book,
  accountId: number,
  transferId: number,
  amount: number,
  expiresAt: string | null,
  now: string,
): Promise<void> {
  await sql`
    INSERT INTO points_lot (region_id, account_id, transfer_id, amount, remaining, expires_at, created_at)
    VALUES (${book.region}, ${accountId}, ${transferId}, ${amount}, ${amount}, ${expiresAt}, ${now})`.execute(tx);
}

/**
 * Expires a member account's lots whose expiry has passed, each by its own transfer to the expiry account (key
 * `expire:lot:<id>`). The caller holds the account's lock.
 */
async function expireLotsOf(tx: Executor, book: Book, account: AccountRow, now: string, lots?: readonly LotRow[]): Promise<void> {
  const due = (lots ?? (await lockLots(tx, book, account.id, now))).filter((lot) => lot.due);
  if (due.length === 0) return;
  const expiryId = await accountFor(tx, book, { kind: 'expiry' });
  const expiry = (await lockedAccounts(tx, book, [expiryId])).get(expiryId);
  if (!expiry) throw new Error('expiry account vanished');
  for (const lot of due) {
    // A lot can expire more than once (a void or a refund may give points back to an expired lot): the key names how
    // many changes the lot had seen, which is the same for every run that holds the account's lock.
    const { rows: seen } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM points_lot_use WHERE region_id = ${book.region} AND lot_id = ${lot.id}`.execute(tx);
    const key = `expire:lot:${lot.id}:${seen[0]?.n ?? 0}`;
    const hash = requestHash({ kind: 'expire', lot: lot.id, amount: lot.remaining });
    const row = await insertTransfer(tx, book, {
      key,
      hash,
      kind: 'expire',
      op: 'single',
      debit: account.id,
      credit: expiry.id,
      amount: lot.remaining,
      sourceRef: String(lot.id),
      createdAt: now,
    });
    if (!row) continue; // expired by a run that committed first
    await sql`UPDATE points_lot SET remaining = 0 WHERE region_id = ${book.region} AND id = ${lot.id}`.execute(tx);
    await sql`INSERT INTO points_lot_use (region_id, lot_id, transfer_id, amount) VALUES (${book.region}, ${lot.id}, ${row.id}, ${lot.remaining})`.execute(
      tx,
    );
    // Held points come out of lots when the hold is placed, so what a lot still holds is posted and available.
    await applyPosted(tx, book, account, row.id, -lot.remaining, false, now);
    await applyPosted(tx, book, expiry, row.id, lot.remaining, false, now);
    account.balance -= lot.remaining;
  }
}

/** Books one transfer (posted, or pending when `pending` is set). */
export async function transfer(tx: Executor, req: TransferRequest, now: Date = new Date()): Promise<TransferResult> {
  if (!Number.isSafeInteger(req.amount) || req.amount <= 0) throw new Error(`points amount must be a positive integer, got ${req.amount}`);
  const at = now.toISOString();
  const hash = requestHash({
    kind: req.kind,
    programme: req.book.programmeId,
    debit: req.debitAccountId,
    credit: req.creditAccountId,
    amount: req.amount,
    pending: req.pending?.timeoutSeconds,
    expiresAt: req.expiresAt,
    source: req.source,
    sourceRef: req.sourceRef,
    item: req.catalogueItemId,
    member: req.memberId,
    merchant: req.merchantId,
    reason: req.reason,
  });
  const replay = replayOf(await findByKey(tx, req.book, req.key), hash);
  if (replay) return replay;
  const accounts = await lockedAccounts(tx, req.book, [req.debitAccountId, req.creditAccountId]);
  const debit = accounts.get(req.debitAccountId);
  const credit = accounts.get(req.creditAccountId);
  if (!debit || !credit || debit.id === credit.id) throw new AppError('POINTS_ACCOUNT_MISMATCH');
  // A member's lots, locked once: the expired ones are expired first, the others pay for the spend.
  const lots = debit.kind === 'member' ? await lockLots(tx, req.book, debit.id, at) : [];
  if (lots.some((lot) => lot.due)) await expireLotsOf(tx, req.book, debit, at, lots);
  const timeoutAt = req.pending ? new Date(now.getTime() + req.pending.timeoutSeconds * 1000).toISOString() : null;
  const row = await insertTransfer(tx, req.book, {
    key: req.key,
    hash,
    kind: req.kind,
    op: req.pending ? 'pending' : 'single',
    debit: debit.id,
    credit: credit.id,
    amount: req.amount,
    timeoutAt,
    source: req.source ?? null,
    sourceRef: req.sourceRef ?? null,
    catalogueItemId: req.catalogueItemId ?? null,
    reason: req.reason ?? null,
    memberId: req.memberId ?? null,
    merchantId: req.merchantId ?? null,
    actorUserId: req.actorUserId ?? null,
    createdAt: at,
  });
  // A concurrent request with the same key committed between our look-up and our insert.
  if (!row) return replayOf(await findByKey(tx, req.book, req.key), hash) ?? Promise.reject(new Error('transfer key vanished'));
  if (req.pending) {
    await applyHold(tx, req.book, debit, credit, req.amount);
  } else {
    await applyPosted(tx, req.book, debit, row.id, -req.amount, false, at);
    await applyPosted(tx, req.book, credit, row.id, req.amount, false, at);
  }
  if (debit.kind === 'member')
    await consumeLots(
      tx,
      req.book,
      debit.id,
      row.id,
      req.amount,
      lots.filter((lot) => !lot.due),
    );
  if (credit.kind === 'member') await addLot(tx, req.book, credit.id, row.id, req.amount, req.expiresAt ?? null, at);
  return toResult(row, false);
}

/** Reads and locks a transfer of the book (the first lock of a resolution or a reversal). */
async function lockTransfer(tx: Executor, book: Book, id: number): Promise<TransferRow | undefined> {
  const { rows } = await sql<TransferRow>`
    SELECT ${TRANSFER_COLUMNS} FROM points_transfer
    WHERE region_id = ${book.region} AND programme_id = ${book.programmeId} AND id = ${id}
    FOR UPDATE`.execute(tx);
  return rows[0];
}

async function resolutionOf(tx: Executor, book: Book, pendingId: number): Promise<TransferRow | undefined> {
  const { rows } = await sql<TransferRow>`
    SELECT ${TRANSFER_COLUMNS} FROM points_transfer WHERE region_id = ${book.region} AND pending_id = ${pendingId}`.execute(tx);
  return rows[0];
}

async function resolve(tx: Executor, req: ResolveRequest, op: 'post' | 'void', now: Date): Promise<TransferResult> {
  const at = now.toISOString();
  const hash = requestHash({ op, programme: req.book.programmeId, pending: req.pendingId });
  const replay = replayOf(await findByKey(tx, req.book, req.key), hash);
  if (replay) return replay;
  const pending = await lockTransfer(tx, req.book, req.pendingId);
  if (!pending || pending.op !== 'pending') throw new AppError('NOT_FOUND');
  // The same key may have committed while this transaction waited for the lock.
  const late = replayOf(await findByKey(tx, req.book, req.key), hash);
  if (late) return late;
  if (await resolutionOf(tx, req.book, pending.id)) throw new AppError('POINTS_HOLD_RESOLVED');
  if (op === 'post' && pending.timeout_at !== null && pending.timeout_at <= at) throw new AppError('POINTS_HOLD_EXPIRED');
  const accounts = await lockedAccounts(tx, req.book, [pending.debit_account_id, pending.credit_account_id]);
  const row = await insertTransfer(tx, req.book, {
    key: req.key,
    hash,
    kind: pending.kind,
    op,
    debit: pending.debit_account_id,
    credit: pending.credit_account_id,
    amount: pending.amount,
    pendingId: pending.id,
    reason: req.reason ?? null,
    memberId: pending.member_id,
    merchantId: pending.merchant_id,
    actorUserId: req.actorUserId ?? null,
    createdAt: at,
  });
  if (!row) return replayOf(await findByKey(tx, req.book, req.key), hash) ?? Promise.reject(new Error('transfer key vanished'));
  const debit = accounts.get(pending.debit_account_id);
  const credit = accounts.get(pending.credit_account_id);
  if (!debit || !credit) throw new AppError('POINTS_ACCOUNT_MISMATCH');
  if (op === 'post') {
    await applyPosted(tx, req.book, debit, row.id, -pending.amount, true, at);
    await applyPosted(tx, req.book, credit, row.id, pending.amount, true, at);
  } else {
    await releaseHold(tx, req.book, pending);
    if (debit.kind === 'member') await returnLots(tx, req.book, pending.id, row.id);
  }
  return toResult(row, false);
}

/** Posts a pending transfer (at most one post or void per pending; refused after its timeout). */
export async function postPending(tx: Executor, req: ResolveRequest, now: Date = new Date()): Promise<TransferResult> {
  return resolve(tx, req, 'post', now);
}

/** Voids a pending transfer: the held points go back to the lots they came from. */
export async function voidPending(tx: Executor, req: ResolveRequest, now: Date = new Date()): Promise<TransferResult> {
  return resolve(tx, req, 'void', now);
}

/**
 * Reverses a posted award or spend, at most once. An award comes back out of the lot it created; when part of that lot
 * was spent or expired, `mode` says whether to refuse or to book that part to the claw-back account (a second transfer,
 * key `<key>:clawback`). A spend goes back from the merchant into the lots it came from.
 */
export async function reverse(tx: Executor, req: ReverseRequest, now: Date = new Date()): Promise<ReverseResult> {
  const at = now.toISOString();
  const hash = requestHash({ op: 'reverse', programme: req.book.programmeId, original: req.originalId, mode: req.mode });
  const first = await findByKey(tx, req.book, req.key);
  if (first) {
    const reversal = replayOf(first, hash);
    const clawback = await findByKey(tx, req.book, `${req.key}:clawback`);
    if (reversal) return { reversal, clawback: clawback ? toResult(clawback, true) : null };
  }
  const locked = await lockTransfer(tx, req.book, req.originalId);
  if (!locked) throw new AppError('NOT_FOUND');
  // The same key may have committed while this transaction waited for the lock.
  const late = await findByKey(tx, req.book, req.key);
  if (late) return reverse(tx, req, now);
  // A posted hold is reversed as the hold it posted: its accounts and the lots the hold took.
  const original =
    locked.op === 'post' && locked.pending_id !== null ? { ...locked, lotsOf: locked.pending_id } : { ...locked, lotsOf: locked.id };
  if (!(original.op === 'single' || original.op === 'post') || !(original.kind === 'award' || original.kind === 'spend')) {
    throw new AppError('POINTS_NOT_REVERSIBLE');
  }
  const { rows: done } = await sql<{ id: number }>`
    SELECT id FROM points_transfer WHERE region_id = ${req.book.region} AND reversal_of = ${original.id}`.execute(tx);
  if (done.length > 0) throw new AppError('POINTS_ALREADY_REVERSED');
  const clawbackId = original.kind === 'award' ? await accountFor(tx, req.book, { kind: 'clawback' }) : null;
  const accounts = await lockedAccounts(tx, req.book, [
    original.debit_account_id,
    original.credit_account_id,
    ...(clawbackId ? [clawbackId] : []),
  ]);
  const from = accounts.get(original.credit_account_id);
  const to = accounts.get(original.debit_account_id);
  if (!from || !to) throw new AppError('POINTS_ACCOUNT_MISMATCH');
  const common = {
    reason: req.reason ?? null,
    memberId: original.member_id,
    merchantId: original.merchant_id,
    actorUserId: req.actorUserId ?? null,
    createdAt: at,
  };

  if (original.kind === 'spend') {
    const row = await insertTransfer(tx, req.book, {
      key: req.key,
      hash,
      kind: 'reverse',
      op: 'single',
      debit: from.id,
      credit: to.id,
      amount: original.amount,
      reversalOf: original.id,
      ...common,
    });
    if (!row) throw new AppError('POINTS_ALREADY_REVERSED');
    await applyPosted(tx, req.book, from, row.id, -original.amount, false, at);
    await applyPosted(tx, req.book, to, row.id, original.amount, false, at);
    if (to.kind === 'member') await returnLots(tx, req.book, original.lotsOf, row.id);
    return { reversal: toResult(row, false), clawback: null };
  }

  // An award: what is left of its lot comes back; the rest was spent or expired.
  const { rows: lots } = await sql<{ id: number; remaining: number }>`
    SELECT id, remaining FROM points_lot WHERE region_id = ${req.book.region} AND transfer_id = ${original.id} FOR UPDATE`.execute(tx);
  const lot = lots[0];
  if (lot) {
    // A hold still open on the lot may yet give its points back: decide once it is posted or voided.
    const { rows: open } = await sql<{ id: number }>`
      SELECT p.id FROM points_lot_use u
      JOIN points_transfer p ON p.region_id = u.region_id AND p.id = u.transfer_id
      WHERE u.region_id = ${req.book.region} AND u.lot_id = ${lot.id} AND p.op = 'pending'
        AND NOT EXISTS (SELECT 1 FROM points_transfer r WHERE r.region_id = p.region_id AND r.pending_id = p.id)
      LIMIT 1`.execute(tx);
    if (open.length > 0) throw new AppError('POINTS_HOLD_OPEN');
  }
  const back = lot?.remaining ?? 0;
  const short = original.amount - back;
  if (short > 0 && req.mode === 'refuse') throw new AppError('POINTS_ALREADY_SPENT', { spent: short });
  const clawback = clawbackId === null ? undefined : accounts.get(clawbackId);
  let reversal: TransferRow | undefined;
  if (back > 0 && lot) {
    reversal = await insertTransfer(tx, req.book, {
      key: req.key,
      hash,
      kind: 'reverse',
      op: 'single',
      debit: from.id,
      credit: to.id,
      amount: back,
      reversalOf: original.id,
      ...common,
    });
    if (!reversal) throw new AppError('POINTS_ALREADY_REVERSED');
    const taken =
      await sql`UPDATE points_lot SET remaining = remaining - ${back} WHERE region_id = ${req.book.region} AND id = ${lot.id} AND remaining >= ${back}`.execute(
        tx,
      );
    if (Number(taken.numAffectedRows ?? 0) !== 1) throw new Error(`points lot ${lot.id} changed under its account's lock`);
    await sql`INSERT INTO points_lot_use (region_id, lot_id, transfer_id, amount) VALUES (${req.book.region}, ${lot.id}, ${reversal.id}, ${back})`.execute(
      tx,
    );
    await applyPosted(tx, req.book, from, reversal.id, -back, false, at);
    await applyPosted(tx, req.book, to, reversal.id, back, false, at);
  }
  let owed: TransferRow | undefined;
  if (short > 0 && clawback) {
    owed = await insertTransfer(tx, req.book, {
      key: reversal ? `${req.key}:clawback` : req.key,
      hash,
      kind: 'clawback',
      op: 'single',
      debit: clawback.id,
      credit: to.id,
      amount: short,
      reversalOf: reversal ? null : original.id,
      ...common,
    });
    if (!owed) throw new AppError('POINTS_ALREADY_REVERSED');
    await applyPosted(tx, req.book, clawback, owed.id, -short, false, at);
    await applyPosted(tx, req.book, to, owed.id, short, false, at);
  }
  if (reversal) return { reversal: toResult(reversal, false), clawback: owed ? toResult(owed, false) : null };
  if (owed) return { reversal: toResult(owed, false), clawback: null };
  throw new Error(`award ${original.id} reversed nothing`);
}

/**
 * Expires the lots whose expiry has passed, one member account per transaction (keys `expire:lot:<id>:<changes seen>`: running twice,
 * or two runs at once, expire a lot once). Spending from an account also expires its due lots first.
 */
export async function expireDue(db: Kysely<DB>, now: Date = new Date(), limit = 1000): Promise<{ lots: number; points: number }> {
  const at = now.toISOString();
  const { rows: accounts } = await sql<{ region_id: number; account_id: number; programme_id: number; lots: number; points: number }>`
    SELECT l.region_id, l.account_id, a.programme_id, count(*)::int AS lots, sum(l.remaining)::bigint AS points
    FROM points_lot l JOIN points_account a ON a.region_id = l.region_id AND a.id = l.account_id
    WHERE l.remaining > 0 AND l.expires_at IS NOT NULL AND l.expires_at <= ${at}
    GROUP BY l.region_id, l.account_id, a.programme_id
    ORDER BY l.region_id, l.account_id LIMIT ${limit}`.execute(db);
  let lots = 0;
  let points = 0;
  for (const a of accounts) {
    const book = { region: a.region_id, programmeId: a.programme_id };
    const done = await db.transaction().execute(async (tx) => {
      const account = (await lockedAccounts(tx, book, [a.account_id])).get(a.account_id);
      if (!account) return { lots: 0, points: 0 };
      const before = account.balance;
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM points_lot WHERE region_id = ${book.region} AND account_id = ${account.id}
          AND remaining > 0 AND expires_at IS NOT NULL AND expires_at <= ${at}`.execute(tx);
      await expireLotsOf(tx, book, account, at);
      return { lots: rows[0]?.n ?? 0, points: before - account.balance };
    });
    lots += done.lots;
    points += done.points;
  }
  return { lots, points };
}

/** Voids the pending transfers whose timeout has passed (key `timeout:<id>`), each in its own transaction. */
export async function voidTimedOut(db: Kysely<DB>, now: Date = new Date(), limit = 1000): Promise<{ voided: number }> {
  const { rows } = await sql<{ region_id: number; id: number; programme_id: number }>`
    SELECT p.region_id, p.id, p.programme_id FROM points_transfer p
    WHERE p.op = 'pending' AND p.timeout_at <= ${now.toISOString()}
      AND NOT EXISTS (SELECT 1 FROM points_transfer r WHERE r.region_id = p.region_id AND r.pending_id = p.id)
    ORDER BY p.timeout_at LIMIT ${limit}`.execute(db);
  let voided = 0;
  for (const p of rows) {
    const book = { region: p.region_id, programmeId: p.programme_id };
    const result = await db
      .transaction()
      .execute((tx) => voidPending(tx, { key: `timeout:${p.id}`, book, pendingId: p.id, reason: 'timeout' }, now))
      .catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'POINTS_HOLD_RESOLVED') return null; // posted or voided meanwhile
        throw e;
      });
    if (result && !result.replayed) voided += 1;
  }
  return { voided };
}

/** The member accounts of a book for many members at once (created on first use): one INSERT and one SELECT. */
export async function memberAccountsFor(tx: Executor, book: Book, memberIds: readonly number[]): Promise<Map<number, number>> {
  const ids = [...new Set(memberIds)].sort((a, b) => a - b);
  if (ids.length === 0) return new Map();
  await sql`
    INSERT INTO points_account (region_id, programme_id, kind, member_id)
    SELECT ${book.region}, ${book.programmeId}, 'member', m FROM unnest(${ids}::bigint[]) AS u(m) ORDER BY m
    ON CONFLICT (region_id, programme_id, member_id) WHERE kind = 'member' DO NOTHING`.execute(tx);
  const { rows } = await sql<{ id: number; member_id: number }>`
    SELECT id, member_id FROM points_account
    WHERE region_id = ${book.region} AND programme_id = ${book.programmeId} AND kind = 'member'
      AND member_id = ANY(${ids}::bigint[])`.execute(tx);
  return new Map(rows.map((r) => [Number(r.member_id), Number(r.id)]));
}

/** One request of a batch: a posted transfer (no hold) whose debit side is not a member account. */
export type BatchRequest = Omit<TransferRequest, 'book' | 'pending'>;
export type BatchOutcome = { ok: TransferResult } | { refused: AppError };

/**
 * Books many posted transfers of one book in the caller's transaction with a handful of statements instead of a dozen
 * per transfer, with the same rules as `transfer()` one after another in the list's order:
 *  - every account involved is locked first, in id order (one SELECT … ORDER BY id FOR UPDATE);
 *  - a key already booked answers its first result, or is refused with other fields (POINTS_KEY_REUSED); a key twice
 *    in the list is the same transfer twice;
 *  - `admit` sees the new requests while the locks are held (the caller's caps) and may refuse some of them;
 *  - a debit that the available points (balance − holds) do not cover is refused (POINTS_INSUFFICIENT), evaluated on
 *    the running balances of the list, so later rows see earlier ones;
 *  - then one INSERT of the transfers, one guarded UPDATE of the balances (each account's version must be the one read
 *    under the lock and its result covered by what is available, else the whole batch fails), one INSERT of the
 *    entries (balance_after and the account's next version, in list order: debit then credit, as `transfer()` writes
 *    them), one INSERT of the lots of member credits.
 * Debits of member accounts (spends: lots, expiry) are not batched: they go through `transfer()`.
 */
export async function transferBatch(
  tx: Executor,
  book: Book,
  reqs: readonly BatchRequest[],
  now: Date = new Date(),
  admit?: (fresh: { index: number; req: BatchRequest }[]) => Promise<Map<number, AppError>>,
): Promise<BatchOutcome[]> {
  const at = now.toISOString();
  const out: (BatchOutcome | undefined)[] = new Array(reqs.length);
  if (reqs.length === 0) return [];
  for (const r of reqs)
    if (!Number.isSafeInteger(r.amount) || r.amount <= 0) throw new Error(`points amount must be a positive integer, got ${r.amount}`);
  const accounts = await lockedAccounts(tx, book, [...reqs.map((r) => r.debitAccountId), ...reqs.map((r) => r.creditAccountId)]);
  const hashes = reqs.map((r) =>
    requestHash({
      kind: r.kind,
      programme: book.programmeId,
      debit: r.debitAccountId,
      credit: r.creditAccountId,
      amount: r.amount,
      pending: undefined,
      expiresAt: r.expiresAt,
      source: r.source,
      sourceRef: r.sourceRef,
      item: r.catalogueItemId,
      member: r.memberId,
      merchant: r.merchantId,
      reason: r.reason,
    }),
  );
  const keys = [...new Set(reqs.map((r) => r.key))];
  const { rows: existing } = await sql<TransferRow>`
    SELECT ${TRANSFER_COLUMNS} FROM points_transfer
    WHERE region_id = ${book.region} AND programme_id = ${book.programmeId} AND transfer_key = ANY(${keys}::text[])`.execute(tx);
  const booked = new Map(existing.map((t) => [t.transfer_key, t]));
  const firstIndex = new Map<string, number>();
  const fresh: { index: number; req: BatchRequest }[] = [];
  reqs.forEach((req, index) => {
    const debit = accounts.get(req.debitAccountId);
    const credit = accounts.get(req.creditAccountId);
    if (!debit || !credit || debit.id === credit.id || debit.kind === 'member') {
      out[index] = { refused: new AppError('POINTS_ACCOUNT_MISMATCH') };
      return;
    }
    const before = booked.get(req.key);
    if (before) {
      out[index] = before.request_hash === hashes[index] ? { ok: toResult(before, true) } : { refused: new AppError('POINTS_KEY_REUSED') };
      return;
    }
    if (firstIndex.has(req.key)) return; // resolved against the first once it is booked
    firstIndex.set(req.key, index);
    fresh.push({ index, req });
  });
  const refusals = admit && fresh.length > 0 ? await admit(fresh) : new Map<number, AppError>();
  // Running available points and posted balances, from the locked rows.
  const available = new Map([...accounts.values()].map((a) => [a.id, a.balance - a.pending_debits]));
  const planned: { index: number; req: BatchRequest }[] = [];
  for (const f of fresh) {
    const refusal = refusals.get(f.index);
    if (refusal) {
      out[f.index] = { refused: refusal };
      continue;
    }
    const debit = accounts.get(f.req.debitAccountId)!;
    const left = available.get(debit.id)!;
    if (!MAY_GO_NEGATIVE.includes(debit.kind) && left < f.req.amount) {
      out[f.index] = { refused: new AppError('POINTS_INSUFFICIENT', { available: left, amount: f.req.amount }) };
      continue;
    }
    available.set(debit.id, left - f.req.amount);
    available.set(f.req.creditAccountId, available.get(f.req.creditAccountId)! + f.req.amount);
    planned.push(f);
  }
  if (planned.length > 0) {
    const col = <T>(pick: (r: BatchRequest) => T) => planned.map((p) => pick(p.req));
    const { rows: inserted } = await sql<TransferRow>`
      INSERT INTO points_transfer (region_id, transfer_key, request_hash, programme_id, kind, op, debit_account_id,
        credit_account_id, amount, source, source_ref, catalogue_item_id, reason, member_id, merchant_id, actor_user_id, created_at)
      SELECT ${book.region}, u.key, u.hash, ${book.programmeId}, u.kind, 'single', u.debit, u.credit, u.amount, u.source,
        u.source_ref, u.item, u.reason, u.member, u.merchant, u.actor, ${at}
      FROM unnest(${col((r) => r.key)}::text[], ${planned.map((p) => hashes[p.index]!)}::text[], ${col((r) => r.kind)}::text[],
        ${col((r) => r.debitAccountId)}::bigint[], ${col((r) => r.creditAccountId)}::bigint[], ${col((r) => r.amount)}::bigint[],
        ${col((r) => r.source ?? null)}::text[], ${col((r) => r.sourceRef ?? null)}::text[], ${col((r) => r.catalogueItemId ?? null)}::bigint[],
        ${col((r) => r.reason ?? null)}::text[], ${col((r) => r.memberId ?? null)}::bigint[], ${col((r) => r.merchantId ?? null)}::bigint[],
        ${col((r) => r.actorUserId ?? null)}::bigint[])
        WITH ORDINALITY AS u(key, hash, kind, debit, credit, amount, source, source_ref, item, reason, member, merchant, actor, ord)
      ORDER BY u.ord
      ON CONFLICT (region_id, programme_id, transfer_key) DO NOTHING
      RETURNING ${TRANSFER_COLUMNS}`.execute(tx);
    const byKey = new Map(inserted.map((t) => [t.transfer_key, t]));
    const done = planned.filter((p) => byKey.has(p.req.key));
    // Keys a concurrent transaction committed between our look-up and our insert: their first result, or a refusal.
    for (const p of planned.filter((q) => !byKey.has(q.req.key))) {
      const replay = replayOf(await findByKey(tx, book, p.req.key), hashes[p.index]!);
      if (!replay) throw new Error('transfer key vanished');
      out[p.index] = { ok: replay };
    }
    // Entries in list order (debit then credit of each transfer), from the balances and versions read under the lock.
    const state = new Map([...accounts.values()].map((a) => [a.id, { balance: a.balance, version: a.version }]));
    const entries: { transfer: number; account: number; delta: number; after: number; version: number }[] = [];
    const lots: { account: number; transfer: number; amount: number; expiresAt: string | null }[] = [];
    for (const p of done) {
      const t = byKey.get(p.req.key)!;
      for (const [account, delta] of [
        [p.req.debitAccountId, -p.req.amount],
        [p.req.creditAccountId, p.req.amount],
      ] as const) {
        const s = state.get(account)!;
        s.balance += delta;
        s.version += 1;
        entries.push({ transfer: t.id, account, delta, after: s.balance, version: s.version });
      }
      if (accounts.get(p.req.creditAccountId)!.kind === 'member')
        lots.push({ account: p.req.creditAccountId, transfer: t.id, amount: p.req.amount, expiresAt: p.req.expiresAt ?? null });
      out[p.index] = { ok: toResult(t, false) };
    }
    const changed = [...accounts.values()].filter((a) => state.get(a.id)!.version !== a.version);
    if (changed.length > 0) {
      const { rows: updated } = await sql<{ id: number }>`
        UPDATE points_account a
        SET balance = a.balance + d.delta, version = a.version + d.n
        FROM unnest(${changed.map((a) => a.id)}::bigint[], ${changed.map((a) => state.get(a.id)!.balance - a.balance)}::bigint[],
          ${changed.map((a) => state.get(a.id)!.version - a.version)}::bigint[], ${changed.map((a) => a.version)}::bigint[]) AS d(id, delta, n, seen)
        WHERE a.region_id = ${book.region} AND a.id = d.id AND a.version = d.seen
          AND (a.kind IN ('issuance', 'clawback') OR a.balance - a.pending_debits + d.delta >= 0)
        RETURNING a.id`.execute(tx);
      if (updated.length !== changed.length) throw new Error('points accounts changed under their locks');
      await sql`
        INSERT INTO points_entry (region_id, transfer_id, account_id, delta, balance_after, account_version, created_at)
        SELECT ${book.region}, e.t, e.a, e.d, e.b, e.v, ${at}
        FROM unnest(${entries.map((e) => e.transfer)}::bigint[], ${entries.map((e) => e.account)}::bigint[], ${entries.map((e) => e.delta)}::bigint[],
          ${entries.map((e) => e.after)}::bigint[], ${entries.map((e) => e.version)}::bigint[]) WITH ORDINALITY AS e(t, a, d, b, v, ord)
        ORDER BY e.ord`.execute(tx);
    }
    if (lots.length > 0)
      await sql`
        INSERT INTO points_lot (region_id, account_id, transfer_id, amount, remaining, expires_at, created_at)
        SELECT ${book.region}, l.a, l.t, l.n, l.n, l.x, ${at}
        FROM unnest(${lots.map((l) => l.account)}::bigint[], ${lots.map((l) => l.transfer)}::bigint[], ${lots.map((l) => l.amount)}::bigint[],
          ${lots.map((l) => l.expiresAt)}::timestamptz[]) AS l(a, t, n, x)`.execute(tx);
  }
  // A key met twice in the list answers as its first occurrence did (replayed, when that one was booked now).
  reqs.forEach((req, index) => {
    if (out[index]) return;
    const first = out[firstIndex.get(req.key)!];
    if (!first || 'refused' in first) {
      out[index] = first ?? { refused: new AppError('POINTS_KEY_REUSED') };
      return;
    }
    out[index] =
      hashes[index] === hashes[firstIndex.get(req.key)!]
        ? { ok: { ...first.ok, replayed: true } }
        : { refused: new AppError('POINTS_KEY_REUSED') };
  });
  return out.map((o) => o!);
}
