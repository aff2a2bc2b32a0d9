import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/applications.errors.js';
import '../../../common/members.errors.js';
import type { Page } from '../../../common/paging.js';
import { maskName } from '../../../common/identity.js';
import { coveringKinds, type OrgKind } from '../../../common/orgs.js';
import type {
  ApplicantFlag,
  Application,
  ApplicationListQuery,
  ApplicationReceipt,
  ApplicationStatusView,
  DecideApplicationsBody,
  DecisionResult,
  IntakeApplicationBody,
  PublicApplicationBody,
} from '../../../common/applications.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { isAncestorOrSelf, regionOfPath } from '../../auth/tree.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { insertAudit } from '../../audit/audit.store.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { employerExists, employerVisible } from '../employers/employers.service.js';
import { enrol } from '../enrolment/enrolment.service.js';
import { sealPerson } from '../members/members.person.js';
import { findPeopleByIdIndexes } from '../members/members.service.js';
import type { TransferDecided } from '../transfers/transfers.service.js';
import * as repo from './applications.repo.js';

/** The reason an approved application is closed without admitting anyone: the same words for every such case. */
const NOT_TAKEN_UP = '未予受理，请与受理工会联系 / Not taken up: please contact the union';

const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 12 characters from 31 (≈ 59 bits): unguessable, and readable aloud over the phone. */
function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += TRACKING_ALPHABET.charAt(randomInt(TRACKING_ALPHABET.length));
  return code;
}

export function normaliseTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function toApplication(row: repo.ApplicationRow, flag: ApplicantFlag): Application {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    source: row.source,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    name: row.name,
    idNumberMasked: row.id_number_masked,
    phoneMasked: row.phone_masked,
    gender: row.gender,
    birthDate: row.birth_date,
    employerName: row.employer_name,
    employmentForm: row.employment_form,
    orgId: row.org_id,
    orgName: row.org_name,
    status: row.status,
    rejectReason: row.reject_reason,
    memberId: row.member_id,
    flag,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

type Submission = {
  body: PublicApplicationBody;
  org: { id: number; path: string; kind: OrgKind };
  source: 'self' | 'meeting' | 'cadre';
  meetingId: number | null;
};

/**
 * Records an application, the same way whoever the applicant is: new, already a member here or elsewhere, or with
 * another application pending. An application never links to, moves or opens anything of an existing member; what
 * the applicant is shows only to the reviewing cadre (`flag`), and approving decides it.
 */
async function submit(tx: Executor, deps: Deps, s: Submission): Promise<ApplicationReceipt & { id: number }> {
  if (!coveringKinds.includes(s.org.kind)) throw new AppError('RECEIVING_ORG_KIND');
  const person = sealPerson(deps.cipher, s.body);
  const trackingCode = newTrackingCode();
  const id = await repo.insertApplication(tx, {
    ...person,
    region_id: regionOfPath(s.org.path),
    tracking_code: trackingCode,
    source: s.source,
    meeting_id: s.meetingId,
    employer_id: s.body.employerId ?? null,
    employer_name: s.body.employerName ?? null,
    employment_form: s.body.employmentForm,
    org_id: s.org.id,
    org_path: s.org.path,
    status: 'pending',
    member_id: null,
  });
  return { id, trackingCode, status: 'pending' };
}

/** The self-service page: anyone may apply to a union; no account needed. Every applicant gets the same answer. */
export async function submitPublicApplication(deps: Deps, body: PublicApplicationBody, ip: string): Promise<ApplicationReceipt> {
  return deps.db.transaction().execute(async (tx) => {
    await checkNamedEmployer(tx, null, body.employerId);
    await checkNamedEmployer(tx, null, body.employerId);
    const org = await repo.findReceivingOrg(tx, body.orgId);
    if (!org) throw new AppError('NOT_FOUND');
    let meetingId: number | null = null;
    if (body.meetingId !== undefined) {
      const meeting = await repo.findMeetingById(tx, body.meetingId);
      if (!meeting) throw new AppError('NOT_FOUND');
      if (!isAncestorOrSelf(meeting.org_path, org.path)) throw new AppError('MEETING_ORG_MISMATCH');
      meetingId = meeting.id;
    }
    const receipt = await submit(tx, deps, { body, org, source: meetingId === null ? 'self' : 'meeting', meetingId });
    await insertAudit(tx, {
      userId: null,
      username: null,
      action: 'application.submit',
      targetType: 'application',
      targetId: receipt.id,
      orgPath: org.path,
      result: 'ok',
      ip,
    });
    return { trackingCode: receipt.trackingCode, status: receipt.status };
  });
}

/** Keyboard intake by a cadre, e.g. at an outreach meeting (职工沟通会). */
export async function intakeApplication(deps: Deps, actor: Actor, body: IntakeApplicationBody): Promise<ApplicationReceipt> {
  return deps.db.transaction().execute(async (tx) => {
    await checkNamedEmployer(tx, actor, body.employerId);
    await checkNamedEmployer(tx, actor, body.employerId);
    const org = await findOrgFor(tx, actor, 'member.write', body.orgId);
    let meetingId: number | null = null;
    if (body.meetingId !== undefined) {
      const meeting = await repo.findMeetingInScope(tx, scopeFor(actor, 'member.read'), body.meetingId);
      if (!meeting) throw new AppError('NOT_FOUND');
      if (!isAncestorOrSelf(meeting.org_path, org.path)) throw new AppError('MEETING_ORG_MISMATCH');
      meetingId = meeting.id;
    }
    const receipt = await submit(tx, deps, {
      body,
      org,
      source: body.meetingId ? 'meeting' : body.source,
      meetingId,
    });
    await recordWrite(tx, actor, 'application.intake', { type: 'application', id: receipt.id, orgPath: org.path }, { meetingId });
    return { trackingCode: receipt.trackingCode, status: receipt.status };
  });
}

export async function listApplications(db: Kysely<DB>, actor: Actor, query: ApplicationListQuery): Promise<Page<Application>> {
  const org = await findOrgFor(db, actor, 'member.read', query.orgId);
  const scope = scopeFor(actor, 'member.read');
  const filter = { underPath: org.path, status: query.status, meetingId: query.meetingId };
  return listPage(query, {
    cursor: 'number',
    read: (afterId) => repo.listApplications(db, scope, { ...filter, afterId, limit: query.limit }),
    present: (rows) => withApplicantFlags(db, rows),
    sortKey: (last) => last.id,
    total: () => repo.countApplications(db, scope, filter),
  });
}

/**
 * What the reviewing cadre sees of each applicant beside the application: a member here or elsewhere, a lapsed
 * member, the same person's earlier pending application, or new. Read for the whole page apart from the
 * applications: the member and the earlier application may be in any region (the member found through the city-wide
 * claim), so on a distributed database they cannot be joined to the page in one query.
 */
async function withApplicantFlags(db: Executor, rows: repo.ApplicationRow[]): Promise<Application[]> {
  const bidxs = [...new Set(rows.map((r) => r.id_number_bidx))];
  const members = new Map((await findPeopleByIdIndexes(db, bidxs, false)).map((m) => [m.id_number_bidx, m]));
  const firstPending = await repo.firstPendingApplications(db, bidxs);
  return rows.map((row) => {
    const member = members.get(row.id_number_bidx);
    const earlier = firstPending.get(row.id_number_bidx);
    const flag: ApplicantFlag =
      member?.status === 'member'
        ? member.org_id === row.org_id
          ? 'member_here'
          : 'member_elsewhere'
        : member?.status === 'lapsed'
          ? 'lapsed'
          : earlier !== undefined && earlier < row.id
            ? 'duplicate'
            : 'new';
    return toApplication(row, flag);
  });
}

/**
 * Approves or rejects a batch of applications as one action in one transaction: 498 at a meeting are one
 * click. The whole id set is checked against the caller's scope at once; any id outside it fails the batch.
 * A member of another union gets a transfer request instead (moving nobody without their consent); a member of this
 * union, or the same person twice, is closed without admitting anyone twice.
 */
export async function decideApplications(deps: Deps, actor: Actor, body: DecideApplicationsBody): Promise<DecisionResult> {
  if (body.decision === 'reject' && !body.reason) throw new AppError('REJECT_REASON_REQUIRED');
  const ids = [...new Set(body.ids)];
  return deps.db.transaction().execute(async (tx) => {
    const rows = await repo.lockApplicationsInScope(tx, scopeFor(actor, 'member.write'), ids);
    if (rows.length !== ids.length) {
      const visible = await repo.lockApplicationsInScope(tx, scopeFor(actor, 'member.read'), ids);
      throw new AppError(visible.length === ids.length ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    const decided = rows.filter((r) => r.status !== 'pending');
    if (decided.length > 0) throw new AppError('APPLICATION_NOT_PENDING', { count: decided.length });
    const result: DecisionResult = { approved: 0, rejected: 0, transfersRequested: 0, duplicates: 0 };
    // The batch's regions: the shards its writes go to (one for a district cadre).
    const regions = [...new Set(rows.map((r) => r.region_id))];
    if (body.decision === 'reject') {
      await repo.markDecided(tx, ids, { status: 'rejected', reason: body.reason ?? null, decidedBy: actor.userId }, regions);
      result.rejected = ids.length;
    } else {
      const today = new Date().toISOString().slice(0, 10);
      const enrolled = await enrol(tx, deps, {
        actorId: actor.userId,
        // A member of another union: approving asks for a transfer, which moves nobody without the member's consent.
        elsewhere: { action: 'requestTransfer', via: 'application', requestedBy: actor.userId, applicationOf: (id) => id },
        candidates: rows.map((r) => ({
          key: r.id,
          admission: {
            person: {
              name: r.name,
              id_number_enc: r.id_number_enc,
              id_number_bidx: r.id_number_bidx,
              id_number_masked: r.id_number_masked,
              phone_enc: r.phone_enc,
              phone_bidx: r.phone_bidx,
              phone_masked: r.phone_masked,
              gender: r.gender,
              birth_date: r.birth_date,
            },
            employerId: r.employer_id,
            employerName: r.employer_name,
            employmentForm: r.employment_form,
            org: { id: r.org_id, path: r.org_path },
            joinDate: today,
          },
        })),
      });
      await repo.markDecided(
        tx,
        enrolled.admitted.map((a) => a.key),
        { status: 'approved', reason: null, decidedBy: actor.userId },
        regions,
      );
      await repo.setMemberIds(
        tx,
        enrolled.admitted.map((a) => ({ id: a.key, memberId: a.memberId })),
        regions,
      );
      await repo.markDecided(
        tx,
        enrolled.transferRequested,
        { status: 'transfer_requested', reason: null, decidedBy: actor.userId },
        regions,
      );
      await repo.markDecided(tx, enrolled.duplicates, { status: 'rejected', reason: NOT_TAKEN_UP, decidedBy: actor.userId }, regions);
      result.approved = enrolled.admitted.length;
      result.transfersRequested = enrolled.transferRequested.length;
      result.duplicates = enrolled.duplicates.length;
    }
    await recordWrite(
      tx,
      actor,
      `application.${body.decision}`,
      {
        type: 'application',
        id: ids.length === 1 ? ids[0]! : `${ids.length} applications`,
        // A batch may span unions (a root admin deciding several districts at once): the entry belongs to each.
        orgPath: rows[0]!.org_path,
        orgIds: [...new Set(rows.map((r) => r.org_id))],
      },
      {
        ids,
        reason: body.reason,
        ...result,
      },
    );
    return result;
  });
}

/**
 * What the tracking code tells the applicant: status and the union, with the name masked. A transfer waiting for
 * the member's consent still reads as pending, so the page cannot tell who is a member elsewhere; the card itself is
 * on the member pages, behind a code sent to the phone on the member's record.
 */
export async function applicationStatus(db: Kysely<DB>, trackingCode: string): Promise<ApplicationStatusView> {
  const row = await repo.findByTrackingCode(db, normaliseTrackingCode(trackingCode));
  if (!row) throw new AppError('TRACKING_NOT_FOUND');
  const waiting = row.status === 'transfer_requested';
  return {
    trackingCode: row.tracking_code,
    maskedName: maskName(row.name),
    orgName: row.org_name,
    status: waiting ? 'pending' : row.status,
    rejectReason: row.reject_reason,
    submittedAt: row.created_at,
    decidedAt: waiting ? null : row.decided_at,
  };
}

/** A person's own applications (the member pages), by the blind index of their ID number. */
export async function applicationsOfPerson(db: Executor, idBidx: string) {
  return (await repo.listApplicationsOfPerson(db, idBidx, 20)).map((r) => ({
    trackingCode: r.tracking_code,
    orgName: r.org_name,
    status: r.status,
    submittedAt: r.created_at,
  }));
}

/** Listens to `transfer.decided`: a transfer born of an application decides the application the same way. */
export async function settleTransferredApplication(tx: Executor, decided: TransferDecided): Promise<void> {
  if (decided.applicationId === null) return;
  const status = decided.outcome === 'confirmed' ? 'approved' : 'rejected';
  // The application lives in the receiving union's region, which the event names: one shard.
  await repo.markDecided(
    tx,
    [decided.applicationId],
    { status, reason: status === 'rejected' ? decided.note : null, decidedBy: decided.by },
    [decided.applicationRegionId],
  );
}

export async function searchReceivingUnions(db: Kysely<DB>, q: string, limit: number) {
  const rows = await repo.searchReceivingOrgs(db, q, limit);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentName: r.parent_name })) };
}

/**
 * An employer named by an application must exist (the public form) and, for a cadre, be one the cadre may
 * see: a made-up or foreign id is a clear refusal, not a foreign-key failure.
 */
async function checkNamedEmployer(tx: Executor, actor: Actor | null, employerId: number | undefined): Promise<void> {
  if (employerId === undefined) return;
  const found = actor ? await employerVisible(tx, actor, employerId) : await employerExists(tx, employerId);
  if (!found) throw new AppError('EMPLOYER_UNKNOWN', { id: employerId });
}
