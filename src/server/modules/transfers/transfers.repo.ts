import { sql, type Insertable } from 'kysely';
import type { ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';
import type { MemberTransferTable } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { TransferStatus } from '../../../common/transfers.js';

function selectTransfers(db: Executor) {
  return db
    .selectFrom('member_transfer as t')
    .innerJoin('member as m', (j) => j.onRef('m.region_id', '=', 't.region_id').onRef('m.id', '=', 't.member_id'))
    .innerJoin('org_unit as f', 'f.id', 't.from_org_id')
    .innerJoin('org_unit as d', 'd.id', 't.to_org_id')
    .select([
      't.region_id',
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
/** Names a transfer row: the region it lives in (its member's) and its id. */
export type TransferKey = { region_id: number; id: number };

export async function pendingTransferExists(db: Executor, member: { region_id: number; id: number }): Promise<boolean> {
  return (
    (await db
      .selectFrom('member_transfer')
      .select('id')
      .where('region_id', '=', member.region_id)
      .where('member_id', '=', member.id)
      .where('status', '=', 'pending')
      .executeTakeFirst()) !== undefined
  );
}

export async function insertTransfer(tx: Executor, row: Insertable<MemberTransferTable>): Promise<number> {
  return (await tx.insertInto('member_transfer').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findTransfer(db: Executor, key: TransferKey, forUpdate = false): Promise<TransferRow | undefined> {
  let q = selectTransfers(db).where('t.region_id', '=', key.region_id).where('t.id', '=', key.id);
  if (forUpdate) q = q.forUpdate('t');
  return q.executeTakeFirst();
}

/** A transfer of one member (the member pages), in the member's region; locked with `forUpdate`. */
export async function findTransferOfMember(
  db: Executor,
  member: { region_id: number; id: number },
  id: number,
  forUpdate = false,
): Promise<TransferRow | undefined> {
  let q = selectTransfers(db).where('t.region_id', '=', member.region_id).where('t.id', '=', id).where('t.member_id', '=', member.id);
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
  // Not paired with the region of the releasing side: a confirmed transfer moved with its member to the receiving
  // side's region, and deciding it again must answer that it is no longer pending.
  if (!releasing) {
    const row = await selectTransfers(db)
      .where('t.id', '=', id)
      .where((eb) => eb.or([inScope(scope, sql.ref('t.from_org_path')), inScope(scope, sql.ref('t.to_org_path'))]))
      .executeTakeFirst();
    return row && provenInScope(row);
  }
  // Never `FOR UPDATE` across regions: the transfer's region is read first, then its row is locked there.
  const releasable = inScope(scope, sql.ref('t.from_org_path'));
  const seen = await db
    .selectFrom('member_transfer as t')
    .select('t.region_id')
    .where('t.id', '=', id)
    .where(releasable)
    .executeTakeFirst();
  if (!seen) return undefined;
  const row = await selectTransfers(db)
    .where('t.region_id', '=', seen.region_id)
    .where('t.id', '=', id)
    .where(releasable)
    .forUpdate('t')
    .executeTakeFirst();
  return row && provenInScope(row);
}

function listTransfersQuery(
  db: Executor,
  scope: OrgScope,
  f: { direction: 'incoming' | 'outgoing'; underPath: string; status: TransferStatus; afterId: number | undefined; limit: number },
) {
  const column = f.direction === 'incoming' ? 't.to_org_path' : 't.from_org_path';
  let q = selectTransfers(db)
    .where(inScope(scope, sql.ref(column), f.direction === 'outgoing' && f.status === 'pending' ? sql.ref('t.region_id') : undefined))
    .where(sql<boolean>`${sql.ref(column)} <@ ${f.underPath}::ltree`)
    .where('t.status', '=', f.status)
    .orderBy('t.id')
    .limit(f.limit + 1);
  if (f.afterId !== undefined) q = q.where('t.id', '>', f.afterId);
  return q;
}

export async function listTransfers(db: Executor, scope: OrgScope, f: Parameters<typeof listTransfersQuery>[2]): Promise<TransferRow[]> {
  const q = listTransfersQuery(db, scope, f);
  return q.execute();
}

/** How many rows the list's filters hold (bounded: `boundedTotal`). */
export function countTransfers(
  db: Executor,
  scope: OrgScope,
  f: Omit<Parameters<typeof listTransfersQuery>[2], 'afterId' | 'limit'>,
): Promise<ListTotal> {
  return boundedTotal(db, listTransfersQuery(db, scope, { ...f, afterId: undefined, limit: 0 }));
}

export async function setTransferStatus(
  tx: Executor,
  key: TransferKey,
  status: 'confirmed' | 'rejected',
  by: number | null,
  note: string | null,
): Promise<void> {
  await tx
    .updateTable('member_transfer')
    .set({ status, decided_at: sql`now()`, decided_by: by, decision_note: note })
    .where('region_id', '=', key.region_id)
    .where('id', '=', key.id)
    .execute();
}

/** Records the releasing union's confirmation and, when it holds one, the member's signed paper consent. */
export async function recordRelease(tx: Executor, key: TransferKey, by: number, paper: { ref: string } | null): Promise<void> {
  await tx
    .updateTable('member_transfer')
    .set({
      released_at: sql`now()`,
      released_by: by,
      ...(paper ? { consent: 'paper' as const, consent_ref: paper.ref, consented_at: sql`now()`, consent_recorded_by: by } : {}),
    })
    .where('region_id', '=', key.region_id)
    .where('id', '=', key.id)
    .where('status', '=', 'pending')
    .execute();
}

/** Records the member's own consent (a one-time code to the phone on record); only a pending transfer takes it. */
export async function recordMemberConsent(tx: Executor, key: TransferKey): Promise<boolean> {
  const result = await tx
    .updateTable('member_transfer')
    .set({ consent: 'code', consented_at: sql`now()` })
    .where('region_id', '=', key.region_id)
    .where('id', '=', key.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A member's transfers, newest first (the member pages). */
export async function listTransfersOfMember(
  db: Executor,
  member: { region_id: number; id: number },
  limit: number,
): Promise<TransferRow[]> {
  return selectTransfers(db)
    .where('t.region_id', '=', member.region_id)
    .where('t.member_id', '=', member.id)
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Pending transfers the member consented to whose confirmation period has run out, each locked in its own region
 * (never `FOR UPDATE` across regions), skipping any another worker holds. Without the member's consent nothing
 * confirms itself.
 */
export async function lockDueTransfers(tx: Executor, limit: number): Promise<TransferKey[]> {
  const due = await tx
    .selectFrom('member_transfer')
    .select(['region_id', 'id'])
    .where('status', '=', 'pending')
    .where('consent', 'is not', null)
    .where(sql<boolean>`auto_confirm_at <= now()`)
    .orderBy('region_id')
    .orderBy('id')
    .limit(limit)
    .execute();
  const locked: TransferKey[] = [];
  for (const key of due) {
    const row = await tx
      .selectFrom('member_transfer')
      .select(['region_id', 'id'])
      .where('region_id', '=', key.region_id)
      .where('id', '=', key.id)
      .where('status', '=', 'pending')
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (row) locked.push(row);
  }
  return locked;
}
