import { sql, type Insertable } from 'kysely';
import type { MemberTransferTable } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { TransferStatus } from '../../../common/transfers.js';

function selectTransfers(db: Executor) {
  return db
    .selectFrom('member_transfer as t')
    .innerJoin('member as m', 'm.id', 't.member_id')
    .innerJoin('org_unit as f', 'f.id', 't.from_org_id')
    .innerJoin('org_unit as d', 'd.id', 't.to_org_id')
    .select([
      't.id',
      't.member_id',
      'm.name',
      't.from_org_id',
      't.from_org_path',
      'f.name as from_org_name',
      't.to_org_id',
      't.to_org_path',
      'd.name as to_org_name',
      't.status',
      't.consent',
      't.consented_at',
      't.released_at',
      't.requested_via',
      't.requested_at',
      't.auto_confirm_at',
      't.decided_at',
      't.application_id',
    ]);
}
export type TransferRow = Awaited<ReturnType<ReturnType<typeof selectTransfers>['executeTakeFirstOrThrow']>>;

export async function pendingTransferExists(db: Executor, memberId: number): Promise<boolean> {
  return (
    (await db
      .selectFrom('member_transfer')
      .select('id')
      .where('member_id', '=', memberId)
      .where('status', '=', 'pending')
      .executeTakeFirst()) !== undefined
  );
}

export async function insertTransfer(tx: Executor, row: Insertable<MemberTransferTable>): Promise<number> {
  return (await tx.insertInto('member_transfer').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findTransfer(db: Executor, id: number, forUpdate = false): Promise<TransferRow | undefined> {
  let q = selectTransfers(db).where('t.id', '=', id);
  if (forUpdate) q = q.forUpdate('t');
  return q.executeTakeFirst();
}

/**
 * A transfer either side of which lies inside the scope; with `releasing`, only one whose releasing union (the `from`
 * side, the one that decides) lies inside it, locked.
 */
export async function findTransferInScope(
  db: Executor,
  scope: OrgScope,
  id: number,
  releasing = false,
): Promise<InScope<TransferRow> | undefined> {
  let q = selectTransfers(db).where('t.id', '=', id);
  q = releasing
    ? q.where(inScope(scope, sql.ref('t.from_org_path'))).forUpdate('t')
    : q.where((eb) => eb.or([inScope(scope, sql.ref('t.from_org_path')), inScope(scope, sql.ref('t.to_org_path'))]));
  const row = await q.executeTakeFirst();
  return row && provenInScope(row);
}

export async function listTransfers(
  db: Executor,
  scope: OrgScope,
  f: { direction: 'incoming' | 'outgoing'; underPath: string; status: TransferStatus; afterId: number | undefined; limit: number },
): Promise<TransferRow[]> {
  const column = f.direction === 'incoming' ? 't.to_org_path' : 't.from_org_path';
  let q = selectTransfers(db)
    .where(inScope(scope, sql.ref(column)))
    .where(sql<boolean>`${sql.ref(column)} <@ ${f.underPath}::ltree`)
    .where('t.status', '=', f.status)
    .orderBy('t.id')
    .limit(f.limit + 1);
  if (f.afterId !== undefined) q = q.where('t.id', '>', f.afterId);
  return q.execute();
}

export async function setTransferStatus(
  tx: Executor,
  id: number,
  status: 'confirmed' | 'rejected',
  by: number | null,
  note: string | null,
): Promise<void> {
  await tx
    .updateTable('member_transfer')
    .set({ status, decided_at: sql`now()`, decided_by: by, decision_note: note })
    .where('id', '=', id)
    .execute();
}

/** Records the releasing union's confirmation and, when it holds one, the member's signed paper consent. */
export async function recordRelease(tx: Executor, id: number, by: number, paper: { ref: string } | null): Promise<void> {
  await tx
    .updateTable('member_transfer')
    .set({
      released_at: sql`now()`,
      released_by: by,
      ...(paper ? { consent: 'paper' as const, consent_ref: paper.ref, consented_at: sql`now()`, consent_recorded_by: by } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Records the member's own consent (a one-time code to the phone on record); only a pending transfer takes it. */
export async function recordMemberConsent(tx: Executor, id: number): Promise<boolean> {
  const result = await tx
    .updateTable('member_transfer')
    .set({ consent: 'code', consented_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A member's transfers, newest first (the member pages). */
export async function listTransfersOfMember(db: Executor, memberId: number, limit: number): Promise<TransferRow[]> {
  return selectTransfers(db).where('t.member_id', '=', memberId).orderBy('t.id', 'desc').limit(limit).execute();
}

/**
 * Pending transfers the member consented to whose confirmation period has run out, locked, skipping any another
 * worker holds. Without the member's consent nothing confirms itself.
 */
export async function lockDueTransfers(tx: Executor, limit: number): Promise<number[]> {
  const rows = await tx
    .selectFrom('member_transfer')
    .select('id')
    .where('status', '=', 'pending')
    .where('consent', 'is not', null)
    .where(sql<boolean>`auto_confirm_at <= now()`)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => r.id);
}
