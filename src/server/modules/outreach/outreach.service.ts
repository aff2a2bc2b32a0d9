import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/outreach.errors.js';
import type { Page } from '../../../common/paging.js';
import type {
  CreateMeetingBody,
  Meeting,
  MeetingDetail,
  PublicMeeting,
  MeetingKind,
  MeetingListQuery,
  OutreachStats,
  OutreachStatsQuery,
  UnionisationBody,
  UnionisationStage,
} from '../../../common/outreach.js';
import { MEETING_EMPLOYERS_SHOWN, unionisationStages } from '../../../common/outreach.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { isAncestorOrSelf } from '../../auth/tree.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { findEmployerRowFor } from '../employers/employers.service.js';
import * as repo from './outreach.repo.js';
import type { EventBus } from '../../events.js';
import type { AuditActor } from '../../audit/audit.js';

/** An outreach meeting (双沟通) was held and recorded: told once, in the recording's transaction. */
export type OutreachMeetingRecorded = {
  by: AuditActor;
  meetingId: number;
  orgId: number;
  orgPath: string;
  kind: MeetingKind;
  title: string;
  heldOn: string;
  venue: string | null;
};
declare module '../../events.js' {
  interface AppEvents {
    'outreach.meeting.recorded': OutreachMeetingRecorded;
  }
}

function toMeeting(row: repo.MeetingRow, counts: { applications: number; approved: number } | undefined): Meeting {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    kind: row.kind,
    title: row.title,
    heldOn: row.held_on,
    venue: row.venue,
    isOnline: row.is_online,
    parentMeetingId: row.parent_meeting_id,
    parentTitle: row.parent_title,
    applications: counts?.applications ?? 0,
    approved: counts?.approved ?? 0,
    employersEngaged: Number(row.employers_engaged ?? 0),
  };
}

/** The meetings with the applications each brought. */
async function withApplications(db: Executor, rows: repo.MeetingRow[]): Promise<Meeting[]> {
  const counts = await repo.applicationsOfMeetings(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toMeeting(r, counts.get(r.id)));
}

/** Records an outreach meeting (双沟通); a sub-venue names its main venue, held by the same union or a parent. */
export async function createMeeting(db: Kysely<DB>, bus: EventBus, actor: Actor, body: CreateMeetingBody): Promise<Meeting> {
  return db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'member.write', body.orgId);
    if (body.parentMeetingId !== undefined) {
      const parent = await repo.findMeetingInScope(tx, scopeFor(actor, 'member.read'), body.parentMeetingId);
      if (!parent) throw new AppError('NOT_FOUND');
      if (parent.kind !== body.kind || parent.parent_meeting_id !== null || !isAncestorOrSelf(parent.org_path, org.path))
        throw new AppError('MEETING_PARENT_INVALID');
    }
    const id = await repo.insertMeeting(tx, {
      orgId: org.id,
      orgPath: org.path,
      kind: body.kind,
      title: body.title,
      heldOn: body.heldOn,
      venue: body.venue ?? null,
      isOnline: body.isOnline,
      parentMeetingId: body.parentMeetingId ?? null,
    });
    await recordWrite(tx, actor, 'meeting.create', { type: 'meeting', id, orgPath: org.path }, { kind: body.kind, title: body.title });
    await bus.emit(tx, 'outreach.meeting.recorded', {
      by: actor,
      meetingId: id,
      orgId: org.id,
      orgPath: org.path,
      kind: body.kind,
      title: body.title,
      heldOn: body.heldOn,
      venue: body.venue ?? null,
    });
    return (await withApplications(tx, [(await repo.findMeetingInScope(tx, scopeFor(actor, 'member.read'), id))!]))[0]!;
  });
}

export async function listMeetings(db: Kysely<DB>, actor: Actor, query: MeetingListQuery): Promise<Page<Meeting>> {
  const org = await findOrgFor(db, actor, 'member.read', query.orgId);
  const scope = scopeFor(actor, 'member.read');
  const filter = { underPath: org.path, kind: query.kind, from: query.from, to: query.to };
  return listPage(query, {
    cursor: 'date-number',
    read: (after) => repo.listMeetings(db, scope, { ...filter, after, limit: query.limit }),
    present: (rows) => withApplications(db, rows),
    sortKey: (last) => [last.heldOn, last.id],
    total: () => repo.countMeetings(db, scope, filter),
  });
}

/** One meeting in the caller's reach, with the employers contacted at it that the caller may see. */
export async function getMeeting(db: Kysely<DB>, actor: Actor, id: number): Promise<MeetingDetail> {
  const row = await repo.findMeetingInScope(db, scopeFor(actor, 'member.read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  const [meeting] = await withApplications(db, [row]);
  const employers = await repo.employersOfMeeting(db, scopeFor(actor, 'employer.read'), row, MEETING_EMPLOYERS_SHOWN);
  return {
    ...meeting!,
    employers: employers.slice(0, MEETING_EMPLOYERS_SHOWN).map((e) => ({
      id: e.id,
      name: e.name,
      headcount: e.headcount,
      streetName: e.street_name,
      unionName: e.union_name,
      stage: e.stage,
    })),
    hasMoreEmployers: employers.length > MEETING_EMPLOYERS_SHOWN,
  };
}

/** The public facts of a meeting (title, date, place, union) for the sign-up page its QR code opens. */
export async function publicMeeting(db: Kysely<DB>, id: number): Promise<PublicMeeting> {
  const row = await repo.findPublicMeeting(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return { id: row.id, title: row.title, heldOn: row.held_on, venue: row.venue, unionName: row.union_name };
}

/** Per-period figures for a subtree: 职工沟通会 / 企业沟通会 held, applications they brought, employers by 建会 stage. */
export async function outreachStats(db: Kysely<DB>, actor: Actor, query: OutreachStatsQuery): Promise<OutreachStats> {
  const org = await findOrgFor(db, actor, 'member.read', query.orgId);
  const { meetings, stages } = await repo.outreachCounts(db, scopeFor(actor, 'member.read'), {
    underPath: org.path,
    from: query.from,
    to: query.to,
  });
  const employersByStage = Object.fromEntries(unionisationStages.map((s) => [s, 0])) as Record<UnionisationStage, number>;
  for (const s of stages) employersByStage[s.stage] = Number(s.n);
  return {
    workerMeetings: Number(meetings.worker_meetings),
    enterpriseMeetings: Number(meetings.enterprise_meetings),
    applications: Number(meetings.applications),
    approved: Number(meetings.approved),
    employersByStage,
  };
}

/** Moves an employer along the 建会 pipeline, crediting the enterprise meeting that persuaded it. */
export async function setUnionisationStage(
  db: Kysely<DB>,
  actor: Actor,
  employerId: number,
  body: UnionisationBody,
): Promise<{ stage: UnionisationStage; version: number }> {
  return db.transaction().execute(async (tx) => {
    const employer = await findEmployerRowFor(tx, actor, 'employer.write', employerId);
    if (employer.version !== body.version) throw new AppError('CONFLICT');
    if (body.stage === 'established' && employer.union_org_id === null) throw new AppError('STAGE_NEEDS_UNION');
    if (body.meetingId) {
      const meeting = await repo.findMeetingInScope(tx, scopeFor(actor, 'member.read'), body.meetingId);
      if (!meeting || meeting.kind !== 'enterprise') throw new AppError('NOT_FOUND');
    }
    if (!(await repo.setUnionisationStage(tx, employer, body.version, body.stage, body.meetingId))) throw new AppError('CONFLICT');
    await recordWrite(
      tx,
      actor,
      'employer.unionisation',
      { type: 'employer', id: employerId, orgPath: employer.org_path },
      { stage: body.stage, meetingId: body.meetingId },
    );
    return { stage: body.stage, version: body.version + 1 };
  });
}
