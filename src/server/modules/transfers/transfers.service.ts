import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import type { Deps } from '../../deps.js';
import type { EventBus } from '../../events.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/members.errors.js';
import '../../../common/otp.errors.js';
import '../../../common/transfers.errors.js';
import type { Page } from '../../../common/paging.js';
import { maskName } from '../../../common/identity.js';
import { coveringKinds } from '../../../common/orgs.js';
import type { Transfer, TransferDecisionBody, TransferListQuery, TransferRequestBody } from '../../../common/transfers.js';
import type { CodeAnswer, CodeChallenge, PortalTransfer } from '../../../common/portal.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { regionOfPath } from '../../auth/tree.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { insertAudit } from '../../audit/audit.store.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { findPersonByIdIndex, moveMember, phoneOnRecord } from '../members/members.service.js';
import { normalisedIdOrThrow } from '../members/members.person.js';
import { issueCode, verifyCode } from '../otp/otp.service.js';
import * as repo from './transfers.repo.js';

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
    consent: row.consent,
    consentedAt: row.consented_at,
    releasedAt: row.released_at,
    requestedVia: row.requested_via,
    requestedAt: row.requested_at,
    autoConfirmAt: row.auto_confirm_at,
    decidedAt: row.decided_at,
  };
}

export function toPortalTransfer(row: repo.TransferRow): PortalTransfer {
  return {
    id: row.id,
    fromOrgName: row.from_org_name,
    toOrgName: row.to_org_name,
    status: row.status,
    consent: row.consent,
    releasedAt: row.released_at,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
  };
}

/**
 * Opens a transfer request. It moves nobody by itself: the member must consent (a one-time code to the phone on
 * their record, or a signed paper form the releasing union records) and the releasing union must confirm — or,
 * once the member consented, let `transferAutoConfirmDays` pass. The member is told by a message to that phone.
 */
export async function openTransfer(
  tx: Executor,
  deps: Deps,
  t: {
    member: { regionId: number; id: number; orgId: number; orgPath: string };
    to: { id: number; path: string };
    via: 'union' | 'member' | 'application' | 'roster';
    requestedBy: number | null;
    applicationId: number | null;
  },
): Promise<number> {
  if (t.member.orgId === t.to.id) throw new AppError('TRANSFER_SAME_ORG');
  const member = { region_id: t.member.regionId, id: t.member.id };
  if (await repo.pendingTransferExists(tx, member)) throw new AppError('TRANSFER_PENDING');
  // A transfer lives with its member, in the member's region.
  const id = await repo.insertTransfer(tx, {
    region_id: member.region_id,
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
  const phone = await phoneOnRecord(tx, deps.cipher, member);
  if (phone) {
    const row = (await repo.findTransfer(tx, { region_id: member.region_id, id }))!;
    await deps.messages.send(tx, {
      phone,
      regionId: member.region_id,
      purpose: 'transfer_notice',
      zh: `【工会】${row.to_org_name}申请将您的会籍从${row.from_org_name}转入。如是您本人的意愿，请在“会员服务”页用手机验证码登录后同意；不同意可在该页拒绝。`,
      en: `[Trade union] ${row.to_org_name} asks to move your membership from ${row.from_org_name}. If you want this, sign in to the member pages with a code to your phone and consent; otherwise decline there.`,
    });
  }
  return id;
}

/** Transfer requests by ID number are the one place a cadre looks up a member outside their subtree: counted. */
async function spendLookup(deps: Deps, actor: Actor, found: boolean): Promise<void> {
  await insertAudit(deps.db, {
    userId: actor.userId,
    username: actor.username,
    action: 'transfer.lookup',
    targetType: 'member',
    result: found ? 'ok' : 'failed',
    ip: actor.ip,
    detail: { found },
  });
}

async function lookupsThisHour(db: Kysely<DB>, userId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_log
    WHERE user_id = ${userId} AND action = 'transfer.lookup' AND at > now() - interval '1 hour'`.execute(db);
  return rows[0]!.n;
}

/**
 * The receiving union asks for a member it knows by ID number; it learns nothing but the masked name. Every look-up
 * is audited and counted against an hourly limit per cadre, found or not.
 */
export async function requestTransfer(deps: Deps, actor: Actor, body: TransferRequestBody): Promise<Transfer> {
  const idNumber = normalisedIdOrThrow(body.idNumber);
  const to = await findOrgFor(deps.db, actor, 'member.write', body.toOrgId);
  if (!coveringKinds.includes(to.kind)) throw new AppError('RECEIVING_ORG_KIND');
  if ((await lookupsThisHour(deps.db, actor.userId)) >= deps.config.transferLookupsPerHour) {
    throw new AppError('TRANSFER_LOOKUPS_SPENT', { max: deps.config.transferLookupsPerHour });
  }
  const member = await findPersonByIdIndex(deps.db, deps.cipher.blindIndex('id_number', idNumber));
  await spendLookup(deps, actor, member?.status === 'member');
  if (!member) throw new AppError('NO_MEMBER_WITH_ID');
  if (member.status !== 'member') throw new AppError('MEMBER_NOT_ACTIVE');
  return deps.db.transaction().execute(async (tx) => {
    const id = await openTransfer(tx, deps, {
      member: { regionId: member.region_id, id: member.id, orgId: member.org_id, orgPath: member.org_path },
      to: { id: to.id, path: to.path },
      via: 'union',
      requestedBy: actor.userId,
      applicationId: null,
    });
    await recordWrite(tx, actor, 'transfer.request', { type: 'transfer', id, orgPath: to.path }, { memberId: member.id });
    return toTransfer((await repo.findTransfer(tx, { region_id: member.region_id, id }))!);
  });
}

export async function listTransfers(db: Kysely<DB>, actor: Actor, query: TransferListQuery): Promise<Page<Transfer>> {
  const org = await findOrgFor(db, actor, 'member.read', query.orgId);
  const scope = scopeFor(actor, 'member.read');
  const filter = { direction: query.direction, underPath: org.path, status: query.status };
  return listPage(query, {
    cursor: 'number',
    read: (afterId) => repo.listTransfers(db, scope, { ...filter, afterId, limit: query.limit }),
    present: (rows) => rows.map(toTransfer),
    sortKey: (last) => last.id,
    total: () => repo.countTransfers(db, scope, filter),
  });
}

/**
 * A transfer is decided: confirmed (the member has moved) or rejected (by the releasing union or the member). Emitted
 * inside the deciding transaction; applications listens, to close an application the transfer was born of.
 */
export type TransferDecided = {
  transferId: number;
  memberId: number;
  applicationId: number | null;
  /** The application's region: the receiving union's. */
  applicationRegionId: number;
  outcome: 'confirmed' | 'rejected';
  by: number | null;
  note: string | null;
};

declare module '../../events.js' {
  interface AppEvents {
    'transfer.decided': TransferDecided;
  }
}

async function settle(
  tx: Executor,
  events: EventBus,
  row: repo.TransferRow,
  decision: 'confirm' | 'reject',
  by: number | null,
  note: string | null,
): Promise<repo.TransferKey> {
  let key: repo.TransferKey = { region_id: row.region_id, id: row.id };
  if (decision === 'confirm') {
    await moveMember(
      tx,
      { regionId: row.region_id, id: row.member_id, orgId: row.from_org_id, orgPath: row.from_org_path },
      { id: row.to_org_id, path: row.to_org_path },
      by,
      note,
    );
    // The transfer moved with its member when the member moved to another region.
    key = { region_id: regionOfPath(row.to_org_path), id: row.id };
  }
  const outcome = decision === 'confirm' ? 'confirmed' : 'rejected';
  await repo.setTransferStatus(tx, key, outcome, by, note);
  await events.emit(tx, 'transfer.decided', {
    transferId: row.id,
    memberId: row.member_id,
    applicationId: row.application_id,
    applicationRegionId: regionOfPath(row.to_org_path),
    outcome,
    by,
    note,
  });
  return key;
}

/** Moves the member when both halves are there: the member's consent and the releasing union's confirmation. */
async function settleIfAgreed(
  tx: Executor,
  events: EventBus,
  key: repo.TransferKey,
  by: number | null,
  note: string | null,
): Promise<repo.TransferRow> {
  const row = (await repo.findTransfer(tx, key))!;
  if (row.status === 'pending' && row.consent !== null && row.released_at !== null) {
    return (await repo.findTransfer(tx, await settle(tx, events, row, 'confirm', by, note)))!;
  }
  return row;
}

/**
 * The releasing union refuses, or confirms — with the member's signed paper consent form if it holds one. Confirming
 * moves the member (members and roll-ups in one transaction) only when the member has consented; otherwise the
 * confirmation is recorded and the move happens when the member consents.
 */
export async function decideTransfer(deps: Deps, actor: Actor, id: number, body: TransferDecisionBody): Promise<Transfer> {
  const note = body.note ?? null;
  return deps.db.transaction().execute(async (tx) => {
    const row = await repo.findTransferInScope(tx, scopeFor(actor, 'member.write'), id, true);
    if (!row) throw new AppError((await repo.findTransferInScope(tx, scopeFor(actor, 'member.read'), id)) ? 'FORBIDDEN' : 'NOT_FOUND');
    if (row.status !== 'pending') throw new AppError('TRANSFER_NOT_PENDING');
    const key = { region_id: row.region_id, id };
    if (body.decision === 'reject') {
      await settle(tx, deps.events, row, 'reject', actor.userId, note);
    } else {
      await repo.recordRelease(tx, key, actor.userId, body.paperConsentRef ? { ref: body.paperConsentRef } : null);
    }
    const after =
      body.decision === 'confirm' ? await settleIfAgreed(tx, deps.events, key, actor.userId, note) : (await repo.findTransfer(tx, key))!;
    await recordWrite(
      tx,
      actor,
      `transfer.${body.decision}`,
      { type: 'transfer', id, orgPath: row.from_org_path },
      {
        memberId: row.member_id,
        note,
        ...(body.paperConsentRef ? { paperConsentRef: body.paperConsentRef } : {}),
        moved: after.status === 'confirmed',
      },
    );
    return toTransfer(after);
  });
}

/**
 * A transfer of the signed-in member, or NOT_FOUND (another member's transfer is not theirs to see): it is looked up
 * in the member's region and by the member in SQL.
 */
async function ownTransfer(db: Executor, member: MemberPrincipal, id: number, forUpdate = false): Promise<repo.TransferRow> {
  const row = await repo.findTransferOfMember(db, { region_id: member.regionId, id: member.memberId }, id, forUpdate);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function ownPendingTransfer(db: Executor, member: MemberPrincipal, id: number, forUpdate = false): Promise<repo.TransferRow> {
  const row = await ownTransfer(db, member, id, forUpdate);
  if (row.status !== 'pending') throw new AppError('TRANSFER_NOT_PENDING');
  return row;
}

/** Sends a consent code for one transfer to the phone on the member's record. */
export async function consentCode(deps: Deps, member: MemberPrincipal, id: number): Promise<CodeChallenge> {
  const row = await ownPendingTransfer(deps.db, member, id);
  const phone = await phoneOnRecord(deps.db, deps.cipher, { region_id: member.regionId, id: member.memberId });
  if (!phone) throw new AppError('NOT_FOUND');
  return issueCode(deps, {
    member: { id: member.memberId, regionId: member.regionId, orgPath: row.from_org_path, phone },
    purpose: 'transfer_consent',
    subjectId: id,
    phoneBidx: deps.cipher.blindIndex('phone', phone),
    ip: member.ip,
  });
}

/** The member consents with the code sent for this transfer; the move follows if the releasing union has confirmed. */
export async function consentToTransfer(deps: Deps, member: MemberPrincipal, id: number, answer: CodeAnswer): Promise<PortalTransfer> {
  await ownPendingTransfer(deps.db, member, id);
  const proven = await verifyCode(deps, { ...answer, purpose: 'transfer_consent', subjectId: id, ip: member.ip });
  if (proven.id !== member.memberId || proven.region_id !== member.regionId) throw new AppError('OTP_INVALID');
  return deps.db.transaction().execute(async (tx) => {
    const row = await ownTransfer(tx, member, id, true);
    const key = { region_id: row.region_id, id };
    if (!(await repo.recordMemberConsent(tx, key))) throw new AppError('TRANSFER_NOT_PENDING');
    const after = await settleIfAgreed(tx, deps.events, key, null, 'member consented');
    await insertAudit(tx, {
      userId: null,
      username: `member:${member.memberId}`,
      action: 'transfer.consent',
      targetType: 'transfer',
      targetId: id,
      orgPath: row.from_org_path,
      result: 'ok',
      ip: member.ip,
      detail: { memberId: member.memberId, consent: 'code', moved: after.status === 'confirmed' },
    });
    return toPortalTransfer(after);
  });
}

/** The member says no: the transfer is refused, whoever asked for it. */
export async function declineTransfer(deps: Deps, member: MemberPrincipal, id: number): Promise<PortalTransfer> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await ownPendingTransfer(tx, member, id, true);
    const key = await settle(tx, deps.events, row, 'reject', null, 'member declined');
    await insertAudit(tx, {
      userId: null,
      username: `member:${member.memberId}`,
      action: 'transfer.decline',
      targetType: 'transfer',
      targetId: id,
      orgPath: row.from_org_path,
      result: 'ok',
      ip: member.ip,
      detail: { memberId: member.memberId },
    });
    return toPortalTransfer((await repo.findTransfer(tx, key))!);
  });
}

export async function transfersOfMember(db: Executor, member: { region_id: number; id: number }): Promise<PortalTransfer[]> {
  return (await repo.listTransfersOfMember(db, member, 20)).map(toPortalTransfer);
}

/** Confirms every consented transfer whose confirmation period has passed; run periodically. Returns how many. */
export async function confirmDueTransfers({ db, events }: Pick<Deps, 'db' | 'events'>, batch = 200): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const keys = await repo.lockDueTransfers(tx, batch);
    for (const key of keys) {
      const row = (await repo.findTransfer(tx, key))!;
      await settle(tx, events, row, 'confirm', null, 'auto-confirmed');
      await insertAudit(tx, {
        userId: null,
        username: 'system',
        action: 'transfer.auto_confirm',
        targetType: 'transfer',
        targetId: key.id,
        orgPath: row.from_org_path,
        result: 'ok',
        ip: null,
        detail: { memberId: row.member_id, consent: row.consent },
      });
    }
    return keys.length;
  });
}
