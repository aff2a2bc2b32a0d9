import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import type { ScanOutcome } from '../../../common/events.checkin.js';
import './events.guests.tables.js';
import { holderNameSql, registrationsWithHolder } from './events.holder.repo.js';

/** The name of a registration's holder: the member's, or the guest's (0047). */
const holderName = holderNameSql.as('name');

/** The member's own registration with what its ticket needs. */
export async function ticketOfMember(db: Executor, member: MemberPrincipal, id: number) {
  return db
    .selectFrom('event_registration as r')
    .innerJoin('event_session as s', 's.id', 'r.session_id')
    .innerJoin('event as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.region_id', 'r.session_id', 'r.status', 'r.ticket_version', 'e.title', 's.starts_at', 's.place'])
    .where('r.region_id', '=', member.regionId)
    .where('r.member_id', '=', member.memberId)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** The session of an event the caller reached, with what a pack heads. */
export async function sessionOfEvent(db: Executor, event: InScope<{ id: number }>, sessionId: number) {
  return db
    .selectFrom('event_session')
    .select(['id', 'event_id', 'starts_at', 'place'])
    .where('id', '=', sessionId)
    .where('event_id', '=', event.id)
    .executeTakeFirst();
}

/** The session's registrations that hold or held a ticket, of members (and guests) the scope reaches, with the holder's name. */
export async function ticketsOfSession(db: Executor, scope: OrgScope, sessionId: number) {
  return registrationsWithHolder(db)
    .select(['r.id', 'r.status', 'r.ticket_version', holderName])
    .where('r.session_id', '=', sessionId)
    .where('r.status', 'in', ['confirmed', 'attended', 'cancelled', 'no_show'])
    .where(inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id')))
    .orderBy('r.id')
    .execute();
}

/** A registration as a check-in locks it: its keys, status, ticket version and the holder's (member's or guest's) name. */
function lockable(tx: Executor) {
  return registrationsWithHolder(tx).select([
    'r.id',
    'r.region_id',
    'r.event_id',
    'r.session_id',
    'r.member_id',
    'r.guest_id',
    'r.org_path',
    'r.status',
    'r.ticket_version',
    holderName,
  ]);
}

/** A registration of the session named by a ticket, of a member the scope reaches, locked for the check-in. */
export async function lockRegistration(tx: Executor, scope: OrgScope, sessionId: number, regionId: number, id: number) {
  return lockable(tx)
    .where('r.region_id', '=', regionId)
    .where('r.id', '=', id)
    .where('r.session_id', '=', sessionId)
    .where(inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id')))
    .forUpdate('r')
    .executeTakeFirst();
}
export type LockedRegistration = NonNullable<Awaited<ReturnType<typeof lockRegistration>>>;

/**
 * The registrations of the session named by a batch of tickets (`keys`: region and id), of members the scope reaches,
 * locked in one statement in (region, id) order — the fixed order that keeps two scanners syncing the same tickets
 * from deadlocking. Keys that name nothing reachable are absent from the answer.
 */
export async function lockRegistrations(
  tx: Executor,
  scope: OrgScope,
  sessionId: number,
  keys: readonly { regionId: number; id: number }[],
): Promise<LockedRegistration[]> {
  if (keys.length === 0) return [];
  const regions = keys.map((k) => k.regionId);
  const ids = keys.map((k) => k.id);
  return lockable(tx)
    .where(sql<boolean>`(r.region_id, r.id) IN (SELECT * FROM unnest(${regions}::bigint[], ${ids}::bigint[]))`)
    .where('r.session_id', '=', sessionId)
    .where(inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id')))
    .orderBy('r.region_id')
    .orderBy('r.id')
    .forUpdate('r')
    .execute();
}

/** A scan already synced (the ledger row of that scan id), in the registration's region. */
export async function findScan(tx: Executor, regionId: number, scanId: string) {
  return tx
    .selectFrom('event_checkin')
    .select(['registration_id', 'outcome'])
    .where('region_id', '=', regionId)
    .where('scan_id', '=', scanId)
    .executeTakeFirst();
}

/** The guarded move confirmed → attended; false when the registration was not confirmed. */
export async function markAttended(tx: Executor, reg: { region_id: number; id: number }): Promise<boolean> {
  const r = await tx
    .updateTable('event_registration')
    .set({ status: 'attended', updated_at: sql`now()` })
    .where('region_id', '=', reg.region_id)
    .where('id', '=', reg.id)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Writes the immutable row of one scan; false when its id was already written (a concurrent re-sync). */
export async function insertScan(
  tx: Executor,
  s: {
    reg: LockedRegistration;
    scanId: string;
    outcome: Exclude<ScanOutcome, 'invalid'>;
    via: 'scan' | 'manual' | 'training';
    deviceId: string | null;
    scannedAt: string;
    userId: number | null;
  },
): Promise<boolean> {
  const row = await tx
    .insertInto('event_checkin')
    .values({
      region_id: s.reg.region_id,
      scan_id: s.scanId,
      registration_id: s.reg.id,
      session_id: s.reg.session_id,
      org_path: s.reg.org_path,
      outcome: s.outcome,
      via: s.via,
      device_id: s.deviceId,
      scanned_at: s.scannedAt,
      checked_by: s.userId,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('scan_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function pointsProgrammeOf(db: Executor, eventId: number): Promise<number | null> {
  const row = await db.selectFrom('event').select('points_programme_id').where('id', '=', eventId).executeTakeFirst();
  return row?.points_programme_id ?? null;
}

/** Names the programme a new event's attendance awards points through (the caller checked both). */
export async function setPointsProgramme(tx: Executor, eventId: number, programmeId: number): Promise<void> {
  await tx.updateTable('event').set({ points_programme_id: programmeId }).where('id', '=', eventId).execute();
}

/**
 * The confirmed registrations of these members in the session, locked in (region, id) order — a training mark
 * checking its members in to the event session behind it (the members were scoped by the training module).
 */
export async function lockConfirmedOfMembers(
  tx: Executor,
  sessionId: number,
  members: readonly { region_id: number; id: number }[],
): Promise<LockedRegistration[]> {
  if (members.length === 0) return [];
  return lockable(tx)
    .where(
      sql<boolean>`(r.region_id, r.member_id) IN (SELECT * FROM unnest(${members.map((m) => m.region_id)}::bigint[], ${members.map((m) => m.id)}::bigint[]))`,
    )
    .where('r.session_id', '=', sessionId)
    .where('r.status', '=', 'confirmed')
    .orderBy('r.region_id')
    .orderBy('r.id')
    .forUpdate('r')
    .execute();
}
