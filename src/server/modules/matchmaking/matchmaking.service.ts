import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { PiiCipher } from '../../crypto/pii.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/matchmaking.errors.js';
import { maskName } from '../../../common/identity.js';
import type {
  MatchRanking,
  MatchSettings,
  MatchSettingsBody,
  MatchStats,
  StaffProfile,
  StaffViewBody,
  VisibleField,
} from '../../../common/matchmaking.js';
import { scopeCovers, scopeFor, type Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { findEventFor } from '../events/events.service.js';
import * as repo from './matchmaking.repo.js';
import * as consoleRepo from './matchmaking.console.repo.js';
import { fieldsOf } from './matchmaking.portal.service.js';
import { rankParticipants } from './matchmaking.rules.js';

/**
 * Matchmaking in the cadres' console (联谊): settings, counts without identities, the points ranking that selects the
 * offline session's people, and one profile at a time with a written reason. No route here reads an interest, a
 * block or a confirmation of any person.
 */

export const DEFAULT_SETTINGS: MatchSettingsBody = { enabled: false, retentionDays: 30, dailyInterestLimit: 10 };

function toSettings(eventId: number, s: repo.SettingRow | undefined): MatchSettings {
  if (!s) return { eventId, configured: false, ...DEFAULT_SETTINGS };
  return { eventId, configured: true, enabled: s.enabled, retentionDays: s.retention_days, dailyInterestLimit: s.daily_interest_limit };
}

/** The matchmaking settings of an event the caller sees (the defaults until set). */
export async function getSettings(db: Kysely<DB>, actor: Actor, eventId: number): Promise<MatchSettings> {
  const event = await findEventFor(db, actor, eventId);
  return toSettings(event.id, await repo.settingOf(db, event.id));
}

/** Sets an event's matchmaking settings: a cadre who may change the event's node (403 when only reading), audited. */
export async function putSettings(db: Kysely<DB>, actor: Actor, eventId: number, body: MatchSettingsBody): Promise<MatchSettings> {
  return db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    if (!scopeCovers(scopeFor(actor, 'event.write'), event.org_path)) throw new AppError('FORBIDDEN');
    await repo.upsertSetting(tx, event.id, body);
    await recordWrite(tx, actor, 'matchmaking.settings', { type: 'event', id: event.id, orgPath: event.org_path }, { ...body });
    return toSettings(event.id, await repo.settingOf(tx, event.id));
  });
}

/** Counts of an event's matchmaking, no identities and no per-person interest data. */
export async function stats(db: Kysely<DB>, actor: Actor, eventId: number): Promise<MatchStats> {
  const event = await findEventFor(db, actor, eventId);
  const c = await consoleRepo.countsOf(db, event);
  return { eventId: event.id, participants: c.participants, profiles: c.profiles, mutualMatches: c.mutual, withdrawals: c.withdrawals };
}

/**
 * The points ranking of the event's participants whose union the caller's scope reaches (points from the online
 * tasks, then earlier sign-up): the first `places` are marked selected for the offline session.
 */
export async function ranking(db: Kysely<DB>, actor: Actor, eventId: number, places: number): Promise<MatchRanking> {
  const event = await findEventFor(db, actor, eventId);
  const rows = await consoleRepo.rankingRows(db, scopeFor(actor, 'event.read'), event);
  const ranked = rankParticipants(
    rows.map((r) => ({
      registrationId: r.registration_id,
      earned: r.earned,
      signedUpAt: r.signed_up_at,
      name: r.name,
      orgName: r.org_name,
    })),
    places,
  );
  return {
    eventId: event.id,
    places,
    items: ranked.map((r) => ({
      rank: r.rank,
      registrationId: r.registrationId,
      maskedName: maskName(r.name),
      orgName: r.orgName,
      earned: r.earned,
      selected: r.selected,
    })),
  };
}

/**
 * Staff see one person's profile (a complaint, a safety concern) only with a written reason, which the audit entry
 * keeps in the same transaction; never their interests, blocks or matches, never the phone.
 */
export async function staffView(
  db: Kysely<DB>,
  cipher: PiiCipher,
  actor: Actor,
  eventId: number,
  body: StaffViewBody,
): Promise<StaffProfile> {
  return db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    const row = await consoleRepo.profileOfRegistration(tx, scopeFor(actor, 'event.read'), event, body.registrationId);
    if (!row) throw new AppError('NOT_FOUND');
    await recordWrite(
      tx,
      actor,
      'matchmaking.profile.staff_view',
      { type: 'event', id: event.id, orgPath: event.org_path },
      { registrationId: body.registrationId, reason: body.reason },
    );
    return { ...fieldsOf(row, cipher), eventId: event.id, visible: row.visible as VisibleField[] };
  });
}

/**
 * Purges the matchmaking data of events past retention (the end of the last session + the retention days): every
 * profile, consent, interest, block, confirmation and task row, one transaction per event, leaving one line that a
 * purge happened. Answers the number of profiles deleted.
 */
export async function purgePastRetention(db: Kysely<DB>, now = new Date()): Promise<number> {
  let total = 0;
  for (const eventId of await consoleRepo.eventsPastRetention(db, now)) {
    total += await db.transaction().execute(async (tx) => {
      const gone = await consoleRepo.purgeEvent(tx, eventId);
      await repo.logWithdrawal(tx, eventId, 'retention', gone);
      return gone;
    });
  }
  return total;
}
