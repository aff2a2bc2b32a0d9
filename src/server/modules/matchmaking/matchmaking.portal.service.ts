import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import type { PiiCipher } from '../../crypto/pii.js';
import { insertAudit } from '../../audit/audit.store.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/matchmaking.errors.js';
import '../../../common/portal.errors.js';
import { dayOf } from '../../../common/beijing-time.js';
import {
  MATCHMAKING_LIMITS,
  TASK_UNITS,
  type BlockList,
  type BrowseList,
  type Done,
  type InterestResult,
  type Match,
  type MatchList,
  type MatchRetention,
  type MyProfileAnswer,
  type ProfileBody,
  type ProfileFields,
  type TaskBody,
  type TaskResult,
  type VisibleField,
  type WithdrawResult,
  ProfileBody as ProfileBodySchema,
} from '../../../common/matchmaking.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import { awardForActivity } from '../points/awards.service.js';
import * as repo from './matchmaking.repo.js';
import {
  fieldsLackingConsent,
  keptVisible,
  parseProfileRef,
  profileRefOf,
  purgeDueAt,
  seenBy,
  type ProfileKey,
} from './matchmaking.rules.js';

/**
 * Matchmaking on the member's phone (联谊). What nobody else ever learns: whom a person is interested in (until it is
 * mutual, and then only the two of them), whom they blocked, that they were blocked. So interests, blocks and
 * confirmations write no audit entry (the audit log is read by cadres); profiles, withdrawals and tasks do.
 */

type Sealed = { maritalHistory?: ProfileFields['maritalHistory']; incomeRange?: ProfileFields['incomeRange'] };

const keyOf = (p: { region_id: number; id: number }): ProfileKey => ({ regionId: p.region_id, id: p.id });

/** A profile row as its fields, the sensitive ones unsealed. */
export function fieldsOf(row: repo.ProfileRow, cipher: PiiCipher): ProfileFields {
  const sealed: Sealed = row.sensitive_enc ? (JSON.parse(cipher.decrypt(row.sensitive_enc)) as Sealed) : {};
  return {
    nickname: row.nickname,
    birthYear: row.birth_year,
    heightCm: row.height_cm,
    education: row.education,
    hometown: row.hometown,
    hobbies: row.hobbies,
    selfIntro: row.self_intro,
    photoUrl: row.photo_url,
    maritalHistory: sealed.maritalHistory ?? null,
    incomeRange: sealed.incomeRange ?? null,
  };
}

async function memberWrote(tx: Executor, member: MemberPrincipal, action: string, target: { eventId: number; orgPath: string }) {
  await insertAudit(tx, {
    userId: null,
    username: `member:${member.memberId}`,
    action,
    targetType: 'event',
    targetId: target.eventId,
    orgPath: target.orgPath,
    result: 'ok',
    ip: member.ip,
  });
}

/** The member's participation in an event with matchmaking on: 404 unless signed up (participantStatuses). */
async function participantIn(db: Executor, member: MemberPrincipal, eventId: number) {
  const part = await repo.participation(db, member, eventId);
  if (!part) throw new AppError('NOT_FOUND');
  const setting = await repo.settingOf(db, eventId);
  if (!setting?.enabled) throw new AppError('MATCHMAKING_DISABLED');
  return { part, setting };
}

/** My profile in an event I take part in; refused until I made one (browsing needs one: opt in to see others). */
async function myProfileIn(db: Executor, member: MemberPrincipal, eventId: number) {
  const { part, setting } = await participantIn(db, member, eventId);
  const me = await repo.myProfile(db, member, eventId);
  if (!me) throw new AppError('MATCHMAKING_NO_PROFILE');
  return { part, setting, me };
}

/** How long the event's matchmaking data is kept (members are told before they opt in, and on their page). */
async function retentionOf(db: Executor, eventId: number, setting: repo.SettingRow): Promise<MatchRetention> {
  const ends = await repo.lastSessionEndsAt(db, eventId);
  return {
    retentionDays: setting.retention_days,
    lastSessionEndsAt: ends ? ends.toISOString() : null,
    deleteOn: ends ? dayOf(purgeDueAt(ends, setting.retention_days)) : null,
  };
}

async function present(db: Executor, cipher: PiiCipher, row: repo.ProfileRow, retention: MatchRetention): Promise<MyProfileAnswer> {
  const consents = await repo.consentsOf(db, keyOf(row));
  return {
    retention,
    profile: {
      ...fieldsOf(row, cipher),
      profileRef: profileRefOf(row),
      eventId: row.event_id,
      visible: row.visible as VisibleField[],
      consents: consents.map((c) => ({ field: c.field, textVersion: c.text_version, consentedAt: new Date(c.consented_at).toISOString() })),
    },
  };
}

/** My profile for the event, or null before I opted in. */
export async function getMyProfile(db: Kysely<DB>, cipher: PiiCipher, member: MemberPrincipal, eventId: number): Promise<MyProfileAnswer> {
  const { setting } = await participantIn(db, member, eventId);
  const retention = await retentionOf(db, eventId, setting);
  const me = await repo.myProfile(db, member, eventId);
  return me ? present(db, cipher, me, retention) : { profile: null, retention };
}

/**
 * Creates or replaces my profile (opt-in) in one audited transaction: a sensitive field only with its own consent in
 * the same request (400 otherwise); consents not restated are withdrawn; sensitive fields sealed at rest.
 */
export async function saveMyProfile(
  db: Kysely<DB>,
  cipher: PiiCipher,
  member: MemberPrincipal,
  eventId: number,
  input: ProfileBody,
): Promise<MyProfileAnswer> {
  const body = ProfileBodySchema.parse(input);
  const lacking = fieldsLackingConsent(body, body.consents);
  if (lacking[0]) throw new AppError('MATCHMAKING_CONSENT_REQUIRED', { field: lacking[0] });
  const sealed: Sealed = {};
  if (body.maritalHistory) sealed.maritalHistory = body.maritalHistory;
  if (body.incomeRange) sealed.incomeRange = body.incomeRange;
  const values: repo.ProfileValues = {
    nickname: body.nickname,
    birth_year: body.birthYear ?? null,
    height_cm: body.heightCm ?? null,
    education: body.education ?? null,
    hometown: body.hometown || null,
    hobbies: body.hobbies || null,
    self_intro: body.selfIntro || null,
    photo_url: body.photoUrl ?? null,
    sensitive_enc: Object.keys(sealed).length > 0 ? cipher.encrypt(JSON.stringify(sealed)) : null,
    visible: keptVisible(body.visible, body),
  };
  const { row, setting } = await db.transaction().execute(async (tx) => {
    const { part, setting } = await participantIn(tx, member, eventId);
    const existing = await repo.myProfile(tx, member, eventId, true);
    if (existing) await repo.updateProfile(tx, keyOf(existing), values);
    else await repo.insertProfile(tx, { regionId: member.regionId, eventId, memberId: member.memberId, orgPath: part.org_path }, values);
    const saved = await repo.myProfile(tx, member, eventId);
    if (!saved) throw new Error('profile not read back');
    await repo.replaceConsents(tx, keyOf(saved), body.consents);
    await memberWrote(tx, member, 'matchmaking.profile.save', { eventId, orgPath: part.org_path });
    return { row: saved, setting };
  });
  return present(db, cipher, row, await retentionOf(db, eventId, setting));
}

/**
 * Withdraws me from the event's matchmaking: deletes my profile, my consents, every interest, block and contact
 * confirmation from or to me; keeps only a line that a withdrawal happened (no person), and an audit entry without
 * the member's id.
 */
export async function withdrawMe(db: Kysely<DB>, member: MemberPrincipal, eventId: number): Promise<WithdrawResult> {
  return db.transaction().execute(async (tx) => {
    const part = await repo.participation(tx, member, eventId);
    const me = await repo.myProfile(tx, member, eventId, true);
    if (!part || !me) {
      if (!part) throw new AppError('NOT_FOUND');
      return { withdrawn: false };
    }
    await repo.deleteProfile(tx, keyOf(me));
    await repo.logWithdrawal(tx, eventId, 'self', 1);
    await insertAudit(tx, {
      userId: null,
      username: 'member',
      action: 'matchmaking.profile.withdraw',
      targetType: 'event',
      targetId: eventId,
      orgPath: part.event_path,
      result: 'ok',
      ip: null,
    });
    return { withdrawn: true };
  });
}

/** The other opted-in profiles of my event, page by page: only the fields each made visible; blocked people never. */
export async function browseProfiles(
  db: Kysely<DB>,
  cipher: PiiCipher,
  member: MemberPrincipal,
  eventId: number,
  query: { after?: string | undefined; limit?: number | undefined },
): Promise<BrowseList> {
  const { me } = await myProfileIn(db, member, eventId);
  const limit = query.limit ?? MATCHMAKING_LIMITS.browsePage;
  const rows = await repo.browse(db, me, query.after ? parseProfileRef(query.after) : undefined, limit);
  const items = rows.map((r) => seenBy(fieldsOf(r, cipher), r.visible, profileRefOf(r), r.interested));
  const last = rows.at(-1);
  return { items, next: rows.length === limit && last ? profileRefOf(last) : null };
}

async function targetOf(tx: Executor, me: repo.ProfileRow, ref: string) {
  const key = parseProfileRef(ref);
  if (key.regionId === me.region_id && key.id === me.id) throw new AppError('MATCHMAKING_SELF');
  const other = await repo.otherProfile(tx, me, key);
  if (!other) throw new AppError('NOT_FOUND');
  return other;
}

/**
 * Expresses my interest in a profile of my event, within today's limit (a guarded counter). Mutual when theirs
 * answers mine. When either blocked the other the answer looks the same and nothing is stored.
 */
export async function expressInterest(db: Kysely<DB>, member: MemberPrincipal, eventId: number, ref: string): Promise<InterestResult> {
  return db.transaction().execute(async (tx) => {
    const { me, setting } = await myProfileIn(tx, member, eventId);
    const other = await targetOf(tx, me, ref);
    const day = dayOf(new Date());
    const limit = setting.daily_interest_limit;
    const mine = keyOf(me);
    const theirs = keyOf(other);
    if (await repo.hasInterest(tx, mine, theirs)) {
      const mutual = other.unblocked && (await repo.hasInterest(tx, theirs, mine));
      return { profileRef: ref, interested: true, mutual, remainingToday: Math.max(0, limit - (await repo.usedToday(tx, mine, day))) };
    }
    const used = await repo.takeInterestToday(tx, mine, day, limit);
    if (used === undefined) throw new AppError('MATCHMAKING_RATE_LIMITED', { limit });
    let mutual = false;
    if (other.unblocked) {
      await repo.insertInterest(tx, me, theirs);
      mutual = await repo.hasInterest(tx, theirs, mine);
    }
    return { profileRef: ref, interested: true, mutual, remainingToday: Math.max(0, limit - used) };
  });
}

/** Withdraws my interest (a match it made ends, and its contact confirmations with it). */
export async function withdrawInterest(db: Kysely<DB>, member: MemberPrincipal, eventId: number, ref: string): Promise<Done> {
  return db.transaction().execute(async (tx) => {
    const { me } = await myProfileIn(tx, member, eventId);
    const other = await targetOf(tx, me, ref);
    await repo.deleteInterest(tx, keyOf(me), keyOf(other));
    await repo.forgetConfirmations(tx, keyOf(me), keyOf(other));
    return { profileRef: ref, done: true };
  });
}

/** Blocks a profile, silently and both ways: neither sees the other again; interests between them disappear. */
export async function block(db: Kysely<DB>, member: MemberPrincipal, eventId: number, ref: string): Promise<Done> {
  return db.transaction().execute(async (tx) => {
    const { me } = await myProfileIn(tx, member, eventId);
    const other = await targetOf(tx, me, ref);
    await repo.insertBlock(tx, me, keyOf(other));
    await repo.deleteInterest(tx, keyOf(me), keyOf(other));
    await repo.deleteInterest(tx, keyOf(other), keyOf(me));
    await repo.forgetConfirmations(tx, keyOf(me), keyOf(other));
    return { profileRef: ref, done: true };
  });
}

/**
 * Lifts a block I placed, as silently as it was placed: nobody is told, and the answer is the same whether I had
 * blocked that person or not, and whether they blocked me (their block stays, and we stay hidden from each other).
 * The interests the block removed do not come back: a match needs both to express interest again.
 */
export async function unblock(db: Kysely<DB>, member: MemberPrincipal, eventId: number, ref: string): Promise<Done> {
  return db.transaction().execute(async (tx) => {
    const { me } = await myProfileIn(tx, member, eventId);
    const other = await targetOf(tx, me, ref);
    await repo.deleteBlock(tx, keyOf(me), keyOf(other));
    return { profileRef: ref, done: true };
  });
}

/** The profiles I blocked (mine only), to lift a block. */
export async function myBlocks(db: Kysely<DB>, member: MemberPrincipal, eventId: number): Promise<BlockList> {
  const { me } = await myProfileIn(db, member, eventId);
  return { items: (await repo.myBlocks(db, me)).map((b) => ({ profileRef: profileRefOf(b), nickname: b.nickname })) };
}

function toMatch(r: Awaited<ReturnType<typeof repo.matchesOf>>[number], cipher: PiiCipher): Match {
  const { interested: _interested, ...seen } = seenBy(fieldsOf(r, cipher), r.visible, profileRefOf(r), true);
  const both = r.confirmed_by_me && r.confirmed_by_them;
  return {
    ...seen,
    confirmedByMe: r.confirmed_by_me,
    // The phone on the member record, unsealed here only, once both confirmed the exchange.
    contact: both ? { name: r.member_name, phone: r.phone_enc ? cipher.decrypt(r.phone_enc) : '' } : null,
  };
}

/** My mutual matches; contact details on those both of us confirmed. */
export async function myMatches(db: Kysely<DB>, cipher: PiiCipher, member: MemberPrincipal, eventId: number): Promise<MatchList> {
  const { me } = await myProfileIn(db, member, eventId);
  return { items: (await repo.matchesOf(db, me)).map((r) => toMatch(r, cipher)) };
}

/** Confirms, on a mutual match, that contact details may be exchanged (404 on anything not a match of mine). */
export async function confirmContact(
  db: Kysely<DB>,
  cipher: PiiCipher,
  member: MemberPrincipal,
  eventId: number,
  ref: string,
): Promise<Match> {
  const me = await db.transaction().execute(async (tx) => {
    const { me } = await myProfileIn(tx, member, eventId);
    const other = await targetOf(tx, me, ref);
    const mutual =
      other.unblocked && (await repo.hasInterest(tx, keyOf(me), keyOf(other))) && (await repo.hasInterest(tx, keyOf(other), keyOf(me)));
    if (!mutual) throw new AppError('NOT_FOUND');
    await repo.insertConfirmation(tx, keyOf(me), keyOf(other));
    return me;
  });
  const match = (await repo.matchesOf(db, me)).find((r) => profileRefOf(r) === ref);
  if (!match) throw new AppError('NOT_FOUND');
  return toMatch(match, cipher);
}

/**
 * Does an online task of the event (daily check-in, the day's question): once per task and Beijing day, earning the
 * event programme's per-activity points × the task's units under an idempotent key (a retry earns nothing more).
 */
export async function doTask(
  db: Kysely<DB>,
  member: MemberPrincipal,
  eventId: number,
  body: TaskBody,
  now = new Date(),
): Promise<TaskResult> {
  return db.transaction().execute(async (tx) => {
    const { part } = await participantIn(tx, member, eventId);
    if (part.points_programme_id === null) throw new AppError('MATCHMAKING_NO_POINTS');
    const day = dayOf(now);
    const who = { regionId: member.regionId, eventId, memberId: member.memberId, task: body.task, day };
    const done = await repo.taskDone(tx, who);
    if (done) return { task: body.task, day, points: done.points, replayed: true };
    const award = await awardForActivity(
      tx,
      {
        programmeId: part.points_programme_id,
        memberId: member.memberId,
        source: 'event',
        sourceRef: `matchmaking:${eventId}`,
        key: `matchmaking:${eventId}:${body.task}:${day}:${member.regionId}-${member.memberId}`,
        units: TASK_UNITS[body.task],
      },
      now,
    );
    const fresh = await repo.insertTaskDone(tx, { ...who, points: award.amount });
    if (fresh) await memberWrote(tx, member, 'matchmaking.task', { eventId, orgPath: part.org_path });
    return { task: body.task, day, points: award.amount, replayed: !fresh || award.replayed };
  });
}
