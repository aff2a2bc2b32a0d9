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
import type { Executor } from '../../db/executor.js';
import type { AccountKind, TransferKind, TransferOp } from '../../../common/points.js';
import '../../../common/points.errors.js';
import './points.tables.js';

/** A programme's book: its id and the region its rows live in (points_programme.region_id). */
export type Book = { region: number; programmeId: number };

export type AccountOwner = { kind: 'member'; memberId: number } | { kind: 'merchant'; merchantId: number } | { kind: Exclude<AccountKind, 'member' | 'merchant'> };

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

/** The account of an owner in a book, created on first use. */
export async function accountFor(tx: Executor, book: Book, owner: AccountOwner): Promise<number> {
  void tx;
  void book;
  void owner;
  throw new Error('points.ledger: accountFor lands with the ledger');
}

/** Locks accounts of one book in id order (FOR UPDATE): a service that checks a cap before a transfer calls it first. */
export async function lockAccounts(tx: Executor, book: Book, accountIds: readonly number[]): Promise<void> {
  void tx;
  void book;
  void accountIds;
  throw new Error('points.ledger: lockAccounts lands with the ledger');
}

/** Books one transfer (posted, or pending when `pending` is set). */
export async function transfer(tx: Executor, req: TransferRequest, now?: Date): Promise<TransferResult> {
  void tx;
  void req;
  void now;
  throw new Error('points.ledger: transfer lands with the ledger');
}

/** Posts a pending transfer (at most one post or void per pending; refused after its timeout). */
export async function postPending(tx: Executor, req: ResolveRequest, now?: Date): Promise<TransferResult> {
  void tx;
  void req;
  void now;
  throw new Error('points.ledger: postPending lands with the ledger');
}

/** Voids a pending transfer: the held points go back to the lots they came from. */
export async function voidPending(tx: Executor, req: ResolveRequest, now?: Date): Promise<TransferResult> {
  void tx;
  void req;
  void now;
  throw new Error('points.ledger: voidPending lands with the ledger');
}

/** Reverses a posted award or spend, at most once. */
export async function reverse(tx: Executor, req: ReverseRequest, now?: Date): Promise<ReverseResult> {
  void tx;
  void req;
  void now;
  throw new Error('points.ledger: reverse lands with the ledger');
}

/**
 * Expires the lots whose expiry has passed (each its own transaction, key `expire:lot:<id>`: running twice, or two
 * runs at once, expire a lot once). Spending from an account also expires its due lots first.
 */
export async function expireDue(db: import('kysely').Kysely<import('../../db/schema.js').DB>, now?: Date, limit?: number): Promise<{ lots: number; points: number }> {
  void db;
  void now;
  void limit;
  throw new Error('points.ledger: expireDue lands with the ledger');
}

/** Voids the pending transfers whose timeout has passed (key `timeout:<id>`). */
export async function voidTimedOut(db: import('kysely').Kysely<import('../../db/schema.js').DB>, now?: Date, limit?: number): Promise<{ voided: number }> {
  void db;
  void now;
  void limit;
  throw new Error('points.ledger: voidTimedOut lands with the ledger');
}
