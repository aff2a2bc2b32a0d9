import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../../common/errors.js';
import type { Page } from '../../../common/paging.js';
import { maskName } from '../../../common/identity.js';
import { coveringKinds, type OrgKind } from '../../../common/orgs.js';
import type { Transfer, TransferListQuery, TransferRequestBody } from '../../../common/members.js';
import { scopeCovers, scopeFor, type Actor } from '../../auth/scope.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { recordWrite } from '../audit/audit.service.js';
import { insertAudit } from '../audit/audit.repo.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { findPersonByIdIndex, moveMember } from '../members/members.service.js';
import { normalisedIdOrThrow } from '../members/members.person.js';
import { settleTransferredApplication } from '../applications/applications.service.js';
import * as repo from './transfers.repo.js';

type Executor = Kysely<DB> | Transaction<DB>;

function toTransfer(row: repo.TransferRow): Transfer {
  return {
    id: row.id,
    memberId: row.member_id,
    maskedName: maskName(row.name),
    fromOrgId: row.from_org_id,
    fromOrgName: row.from_org_name,
    toOrgId: row.to_org_id,
    toOrgName: row.to_org_name,
    status: row.status,
    requestedAt: row.requested_at,
    autoConfirmAt: row.auto_confirm_at,
    decidedAt: row.decided_at,
  };
}

/** Opens a transfer request; the releasing union has `transferAutoConfirmDays` to confirm or refuse it. */
export async function openTransfer(
  tx: Executor,
  deps: Deps,
  t: {
    member: { id: number; orgId: number; orgPath: string };
    to: { id: number; path: string };
    via: 'union' | 'member' | 'application';
    requestedBy: number | null;
    applicationId: number | null;
  },
): Promise<number> {
  if (t.member.orgId === t.to.id) throw new AppError('TRANSFER_SAME_ORG');
  if (await repo.pendingTransferExists(tx, t.member.id)) throw new AppError('TRANSFER_PENDING');
  return repo.insertTransfer(tx, {
    member_id: t.member.id,
    from_org_id: t.member.orgId,
    from_org_path: t.member.orgPath,
    to_org_id: t.to.id,
    to_org_path: t.to.path,
    requested_via: t.via,
    requested_by: t.requestedBy,
    application_id: t.applicationId,
    auto_confirm_at: (
      await sql<{ at: string }>`SELECT now() + make_interval(days => ${deps.config.transferAutoConfirmDays}) AS at`.execute(tx)
    ).rows[0]!.at,
  });
}

/** The receiving union asks for a member it knows by ID number; it learns nothing but the masked name. */
export async function requestTransfer(deps: Deps, actor: Actor, body: TransferRequestBody): Promise<Transfer> {
  const idNumber = normalisedIdOrThrow(body.idNumber);
  return deps.db.transaction().execute(async (tx) => {
    const to = await findOrgFor(tx, actor, 'member.write', body.toOrgId);
    if (!coveringKinds.includes(to.kind as OrgKind)) throw new AppError('RECEIVING_ORG_KIND');
    const member = await findPersonByIdIndex(tx, deps.cipher.blindIndex('id_number', idNumber));
    if (!member) throw new AppError('NO_MEMBER_WITH_ID');
    if (member.status !== 'member') throw new AppError('MEMBER_NOT_ACTIVE');
    const id = await openTransfer(tx, deps, {
      member: { id: member.id, orgId: member.org_id, orgPath: member.org_path },
      to: { id: to.id, path: to.path },
      via: 'union',
      requestedBy: actor.userId,
      applicationId: null,
    });
    await recordWrite(tx, actor, 'transfer.request', { type: 'transfer', id, orgPath: to.path }, { memberId: member.id });
    return toTransfer((await repo.findTransfer(tx, id))!);
  });
}

export async function listTransfers(db: Kysely<DB>, actor: Actor, query: TransferListQuery): Promise<Page<Transfer>> {
  const org = await findOrgFor(db, actor, 'member.read', query.orgId);
  const rows = await repo.listTransfers(db, scopeFor(actor, 'member.read'), {
    direction: query.direction,
    underPath: org.path,
    status: query.status,
    afterId: decodeCursor(query.cursor, 'number'),
    limit: query.limit,
  });
  const items = rows.slice(0, query.limit).map(toTransfer);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null };
}

async function settle(
  tx: Executor,
  row: repo.TransferRow,
  decision: 'confirm' | 'reject',
  by: number | null,
  note: string | null,
): Promise<void> {
  if (decision === 'confirm') {
    await moveMember(
      tx,
      { id: row.member_id, orgId: row.from_org_id, orgPath: row.from_org_path },
      { id: row.to_org_id, path: row.to_org_path },
      by,
      note,
    );
  }
  await repo.setTransferStatus(tx, row.id, decision === 'confirm' ? 'confirmed' : 'rejected', by, note);
  if (row.application_id !== null)
    await settleTransferredApplication(tx, row.application_id, decision === 'confirm' ? 'approved' : 'rejected', by, note);
}

/** The releasing union confirms or refuses; confirming moves the member and the roll-ups in one transaction. */
export async function decideTransfer(
  deps: Deps,
  actor: Actor,
  id: number,
  decision: 'confirm' | 'reject',
  note: string | null,
): Promise<Transfer> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await repo.findTransfer(tx, id, true);
    if (!row || !(await repo.findTransferInScope(tx, scopeFor(actor, 'member.read'), id))) throw new AppError('NOT_FOUND');
    if (!scopeCovers(scopeFor(actor, 'member.write'), row.from_org_path)) throw new AppError('FORBIDDEN');
    if (row.status !== 'pending') throw new AppError('TRANSFER_NOT_PENDING');
    await settle(tx, row, decision, actor.userId, note);
    await recordWrite(
      tx,
      actor,
      `transfer.${decision}`,
      { type: 'transfer', id, orgPath: row.from_org_path },
      { memberId: row.member_id, note },
    );
    return toTransfer((await repo.findTransfer(tx, id))!);
  });
}

/** Confirms every transfer whose confirmation period has passed; run periodically. Returns how many. */
export async function confirmDueTransfers(db: Kysely<DB>, batch = 200): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const ids = await repo.lockDueTransfers(tx, batch);
    for (const id of ids) {
      const row = (await repo.findTransfer(tx, id))!;
      await settle(tx, row, 'confirm', null, 'auto-confirmed');
      await insertAudit(tx, {
        userId: null,
        username: 'system',
        action: 'transfer.auto_confirm',
        targetType: 'transfer',
        targetId: id,
        orgPath: row.from_org_path,
        result: 'ok',
        ip: null,
      });
    }
    return ids.length;
  });
}
