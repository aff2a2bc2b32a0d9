import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { participantStatuses, type ConsentField, type MatchSettingsBody, type MatchTask } from '../../../common/matchmaking.js';
import type { ProfileKey } from './matchmaking.rules.js';
import './matchmaking.tables.js';

/**
 * SQL of matchmaking (联谊). Member reads start from the member's own (region, id); another person's profile is read
 * only inside the same event. Cadre reads take an event already read in the caller's scope.
 */

export function settingOf(db: Executor, eventId: number) {
  return db.selectFrom('matchmaking_setting').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}
export type SettingRow = NonNullable<Awaited<ReturnType<typeof settingOf>>>;

export async function upsertSetting(tx: Executor, eventId: number, s: MatchSettingsBody): Promise<void> {
  await tx
    .insertInto('matchmaking_setting')
    .values({ event_id: eventId, enabled: s.enabled, retention_days: s.retentionDays, daily_interest_limit: s.dailyInterestLimit })
    .onConflict((oc) =>
      oc.column('event_id').doUpdateSet({
        enabled: s.enabled,
        retention_days: s.retentionDays,
        daily_interest_limit: s.dailyInterestLimit,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** The member (signed in) with their union. */
export function memberRow(db: Executor, member: { regionId: number; memberId: number }) {
  return db
    .selectFrom('member')
    .select(['id', 'region_id', 'org_path', 'name', 'status'])
    .where('region_id', '=', member.regionId)
    .where('id', '=', member.memberId)
    .executeTakeFirst();
}

/** The member's place at the event: a registration of a participant (participantStatuses), with the event's path. */
export function participation(db: Executor, member: { regionId: number; memberId: number }, eventId: number) {
  return db
    .selectFrom('event_registration as r')
    .innerJoin('event as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.event_id', 'r.org_path', 'e.org_path as event_path', 'e.points_programme_id'])
    .where('r.region_id', '=', member.regionId)
    .where('r.member_id', '=', member.memberId)
    .where('r.event_id', '=', eventId)
    .where('r.status', 'in', [...participantStatuses])
    .orderBy('r.id')
    .limit(1)
    .executeTakeFirst();
}
export type Participation = NonNullable<Awaited<ReturnType<typeof participation>>>;

export const profileColumns = [
  'p.region_id',
  'p.id',
  'p.event_id',
  'p.member_id',
  'p.org_path',
  'p.nickname',
  'p.birth_year',
  'p.height_cm',
  'p.education',
  'p.hometown',
  'p.hobbies',
  'p.self_intro',
  'p.photo_url',
  'p.sensitive_enc',
  'p.visible',
] as const;

export function myProfile(db: Executor, member: { regionId: number; memberId: number }, eventId: number, forUpdate = false) {
  let q = db
    .selectFrom('matchmaking_profile as p')
    .select(profileColumns)
    .where('p.region_id', '=', member.regionId)
    .where('p.member_id', '=', member.memberId)
    .where('p.event_id', '=', eventId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type ProfileRow = NonNullable<Awaited<ReturnType<typeof myProfile>>>;

export type ProfileValues = {
  nickname: string;
  birth_year: number | null;
  height_cm: number | null;
  education: ProfileRow['education'];
  hometown: string | null;
  hobbies: string | null;
  self_intro: string | null;
  photo_url: string | null;
  sensitive_enc: string | null;
  visible: string[];
};

export async function insertProfile(
  tx: Executor,
  p: { regionId: number; eventId: number; memberId: number; orgPath: string },
  v: ProfileValues,
): Promise<void> {
  await tx
    .insertInto('matchmaking_profile')
    .values({ region_id: p.regionId, event_id: p.eventId, member_id: p.memberId, org_path: p.orgPath, ...v })
    // Two first saves at once: the second updates what the first inserted.
    .onConflict((oc) => oc.columns(['region_id', 'event_id', 'member_id']).doUpdateSet({ ...v, updated_at: sql`now()` }))
    .execute();
}

export async function updateProfile(tx: Executor, p: ProfileKey, v: ProfileValues): Promise<void> {
  await tx
    .updateTable('matchmaking_profile')
    .set({ ...v, updated_at: sql`now()` })
    .where('region_id', '=', p.regionId)
    .where('id', '=', p.id)
    .execute();
}

export function consentsOf(db: Executor, p: ProfileKey) {
  return db
    .selectFrom('matchmaking_consent')
    .select(['field', 'text_version', 'consented_at'])
    .where('region_id', '=', p.regionId)
    .where('profile_id', '=', p.id)
    .orderBy('field')
    .execute();
}

/** Keeps exactly the consents given (a consent not restated is withdrawn); a new text version is a new consent time. */
export async function replaceConsents(
  tx: Executor,
  p: ProfileKey,
  consents: readonly { field: ConsentField; textVersion: string }[],
): Promise<void> {
  let del = tx.deleteFrom('matchmaking_consent').where('region_id', '=', p.regionId).where('profile_id', '=', p.id);
  if (consents.length > 0)
    del = del.where(
      'field',
      'not in',
      consents.map((c) => c.field),
    );
  await del.execute();
  for (const c of consents)
    await tx
      .insertInto('matchmaking_consent')
      .values({ region_id: p.regionId, profile_id: p.id, field: c.field, text_version: c.textVersion })
      .onConflict((oc) =>
        oc
          .columns(['region_id', 'profile_id', 'field'])
          .doUpdateSet({ text_version: c.textVersion, consented_at: sql`now()` })
          .where('matchmaking_consent.text_version', '<>', c.textVersion),
      )
      .execute();
}

const pair = (a: string, b: string, k: ProfileKey) => sql<boolean>`(${sql.ref(a)} = ${k.regionId} AND ${sql.ref(b)} = ${k.id})`;

/** Deletes everything of one profile: consents, interests and blocks both ways, confirmations, counters, the profile. */
export async function deleteProfile(tx: Executor, p: ProfileKey): Promise<void> {
  await tx.deleteFrom('matchmaking_consent').where('region_id', '=', p.regionId).where('profile_id', '=', p.id).execute();
  await tx.deleteFrom('matchmaking_interest_day').where('region_id', '=', p.regionId).where('profile_id', '=', p.id).execute();
  await tx
    .deleteFrom('matchmaking_interest')
    .where((eb) => eb.or([pair('region_id', 'profile_id', p), pair('to_region_id', 'to_profile_id', p)]))
    .execute();
  await tx
    .deleteFrom('matchmaking_block')
    .where((eb) => eb.or([pair('region_id', 'profile_id', p), pair('blocked_region_id', 'blocked_profile_id', p)]))
    .execute();
  await tx
    .deleteFrom('matchmaking_contact_confirm')
    .where((eb) => eb.or([pair('region_id', 'profile_id', p), pair('other_region_id', 'other_profile_id', p)]))
    .execute();
  await tx.deleteFrom('matchmaking_profile').where('region_id', '=', p.regionId).where('id', '=', p.id).execute();
}

export async function logWithdrawal(tx: Executor, eventId: number, kind: 'self' | 'retention', profiles: number): Promise<void> {
  await tx.insertInto('matchmaking_withdrawal').values({ event_id: eventId, kind, profiles }).execute();
}

/** Neither has blocked the other (as a condition on the profile aliased `p`, seen by `me`). */
const unblocked = (me: ProfileKey) => sql<boolean>`NOT EXISTS (
  SELECT 1 FROM matchmaking_block b
   WHERE (b.region_id = ${me.regionId} AND b.profile_id = ${me.id} AND b.blocked_region_id = p.region_id AND b.blocked_profile_id = p.id)
      OR (b.region_id = p.region_id AND b.profile_id = p.id AND b.blocked_region_id = ${me.regionId} AND b.blocked_profile_id = ${me.id}))`;

const interestOf = (me: ProfileKey) => sql<boolean>`EXISTS (
  SELECT 1 FROM matchmaking_interest i
   WHERE i.region_id = ${me.regionId} AND i.profile_id = ${me.id} AND i.to_region_id = p.region_id AND i.to_profile_id = p.id)`;
const interestIn = (me: ProfileKey) => sql<boolean>`EXISTS (
  SELECT 1 FROM matchmaking_interest i
   WHERE i.region_id = p.region_id AND i.profile_id = p.id AND i.to_region_id = ${me.regionId} AND i.to_profile_id = ${me.id})`;

/** The other profiles of my event, neither side blocked, after a (region, id), with my own interest in each. */
export function browse(db: Executor, me: ProfileRow, after: ProfileKey | undefined, limit: number) {
  const key = { regionId: me.region_id, id: me.id };
  let q = db
    .selectFrom('matchmaking_profile as p')
    .select(profileColumns)
    .select(interestOf(key).as('interested'))
    .where('p.event_id', '=', me.event_id)
    .where(sql<boolean>`NOT (p.region_id = ${me.region_id} AND p.id = ${me.id})`)
    .where(unblocked(key));
  if (after) q = q.where(sql<boolean>`(p.region_id, p.id) > (${after.regionId}, ${after.id})`);
  return q.orderBy('p.region_id').orderBy('p.id').limit(limit).execute();
}

/**
 * Another profile of my event, by its key (blocked or not: the caller decides what to answer), held FOR SHARE until
 * the caller's transaction ends: a withdrawal running at the same time waits, then deletes what was written to it.
 */
export function otherProfile(db: Executor, me: ProfileRow, other: ProfileKey) {
  return db
    .selectFrom('matchmaking_profile as p')
    .select(profileColumns)
    .select(unblocked({ regionId: me.region_id, id: me.id }).as('unblocked'))
    .where('p.region_id', '=', other.regionId)
    .where('p.id', '=', other.id)
    .where('p.event_id', '=', me.event_id)
    .where(sql<boolean>`NOT (p.region_id = ${me.region_id} AND p.id = ${me.id})`)
    .forShare()
    .executeTakeFirst();
}

export async function hasInterest(db: Executor, from: ProfileKey, to: ProfileKey): Promise<boolean> {
  const row = await db
    .selectFrom('matchmaking_interest')
    .select('profile_id')
    .where('region_id', '=', from.regionId)
    .where('profile_id', '=', from.id)
    .where('to_region_id', '=', to.regionId)
    .where('to_profile_id', '=', to.id)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes one of today's interests of the profile: the guarded UPDATE (used < the day's limit) is the rate limit,
 * CHECK (used <= day_limit) the last line. Answers the count used, or undefined when the limit is reached.
 */
export async function takeInterestToday(tx: Executor, me: ProfileKey, day: string, limit: number): Promise<number | undefined> {
  const { rows } = await sql<{ used: number }>`
    INSERT INTO matchmaking_interest_day AS d (region_id, profile_id, day, used, day_limit)
    VALUES (${me.regionId}, ${me.id}, ${day}::date, 1, ${limit})
    ON CONFLICT (region_id, profile_id, day) DO UPDATE SET used = d.used + 1, day_limit = EXCLUDED.day_limit
     WHERE d.used < EXCLUDED.day_limit
    RETURNING used`.execute(tx);
  return rows[0]?.used;
}

export async function usedToday(db: Executor, me: ProfileKey, day: string): Promise<number> {
  const row = await db
    .selectFrom('matchmaking_interest_day')
    .select('used')
    .where('region_id', '=', me.regionId)
    .where('profile_id', '=', me.id)
    .where('day', '=', day)
    .executeTakeFirst();
  return row?.used ?? 0;
}

export async function insertInterest(tx: Executor, me: ProfileRow, to: ProfileKey): Promise<void> {
  await tx
    .insertInto('matchmaking_interest')
    .values({ region_id: me.region_id, profile_id: me.id, event_id: me.event_id, to_region_id: to.regionId, to_profile_id: to.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Removes the pair's contact confirmations, both ways (a match that ends forgets them). */
export async function forgetConfirmations(tx: Executor, a: ProfileKey, b: ProfileKey): Promise<void> {
  await tx
    .deleteFrom('matchmaking_contact_confirm')
    .where((eb) =>
      eb.or([
        eb.and([pair('region_id', 'profile_id', a), pair('other_region_id', 'other_profile_id', b)]),
        eb.and([pair('region_id', 'profile_id', b), pair('other_region_id', 'other_profile_id', a)]),
      ]),
    )
    .execute();
}

export async function deleteInterest(tx: Executor, from: ProfileKey, to: ProfileKey): Promise<void> {
  await tx
    .deleteFrom('matchmaking_interest')
    .where('region_id', '=', from.regionId)
    .where('profile_id', '=', from.id)
    .where('to_region_id', '=', to.regionId)
    .where('to_profile_id', '=', to.id)
    .execute();
}

export async function insertBlock(tx: Executor, me: ProfileRow, other: ProfileKey): Promise<void> {
  await tx
    .insertInto('matchmaking_block')
    .values({
      region_id: me.region_id,
      profile_id: me.id,
      event_id: me.event_id,
      blocked_region_id: other.regionId,
      blocked_profile_id: other.id,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Lifts the block I placed on another profile (a block the other placed on me is theirs, and stays). */
export async function deleteBlock(tx: Executor, me: ProfileKey, other: ProfileKey): Promise<void> {
  await tx
    .deleteFrom('matchmaking_block')
    .where('region_id', '=', me.regionId)
    .where('profile_id', '=', me.id)
    .where('blocked_region_id', '=', other.regionId)
    .where('blocked_profile_id', '=', other.id)
    .execute();
}

/** The profiles I blocked (only my own blocks, never whether anyone blocked me), newest first. */
export function myBlocks(db: Executor, me: ProfileRow) {
  return db
    .selectFrom('matchmaking_block as b')
    .innerJoin('matchmaking_profile as p', (j) =>
      j.onRef('p.region_id', '=', 'b.blocked_region_id').onRef('p.id', '=', 'b.blocked_profile_id'),
    )
    .select(['p.region_id', 'p.id', 'p.nickname'])
    .where('b.region_id', '=', me.region_id)
    .where('b.profile_id', '=', me.id)
    .where('p.event_id', '=', me.event_id)
    .orderBy('b.created_at', 'desc')
    .orderBy('p.region_id')
    .orderBy('p.id')
    .limit(500)
    .execute();
}

/** When the event's last session ends (null without sessions). */
export async function lastSessionEndsAt(db: Executor, eventId: number): Promise<Date | null> {
  const row = await db
    .selectFrom('event_session')
    .select(sql<string | Date | null>`max(ends_at)`.as('ends'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row?.ends ? new Date(row.ends) : null;
}

/** My mutual matches: profiles of my event whose interest in me answers mine; with the confirmations and contact. */
export function matchesOf(db: Executor, me: ProfileRow) {
  const key = { regionId: me.region_id, id: me.id };
  return db
    .selectFrom('matchmaking_profile as p')
    .innerJoin('member as m', (j) => j.onRef('m.region_id', '=', 'p.region_id').onRef('m.id', '=', 'p.member_id'))
    .select(profileColumns)
    .select(['m.name as member_name', 'm.phone_enc'])
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM matchmaking_contact_confirm c WHERE c.region_id = ${me.region_id} AND c.profile_id = ${me.id}
        AND c.other_region_id = p.region_id AND c.other_profile_id = p.id)`.as('confirmed_by_me'),
    )
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM matchmaking_contact_confirm c WHERE c.region_id = p.region_id AND c.profile_id = p.id
        AND c.other_region_id = ${me.region_id} AND c.other_profile_id = ${me.id})`.as('confirmed_by_them'),
    )
    .where('p.event_id', '=', me.event_id)
    .where(interestOf(key))
    .where(interestIn(key))
    .where(unblocked(key))
    .orderBy('p.region_id')
    .orderBy('p.id')
    .limit(500)
    .execute();
}

export async function insertConfirmation(tx: Executor, me: ProfileKey, other: ProfileKey): Promise<void> {
  await tx
    .insertInto('matchmaking_contact_confirm')
    .values({ region_id: me.regionId, profile_id: me.id, other_region_id: other.regionId, other_profile_id: other.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Records a task done once per member, event, task and day; false when it was already done that day. */
export async function insertTaskDone(
  tx: Executor,
  t: { regionId: number; eventId: number; memberId: number; task: MatchTask; day: string; points: number },
): Promise<boolean> {
  const rows = await tx
    .insertInto('matchmaking_task_done')
    .values({ region_id: t.regionId, event_id: t.eventId, member_id: t.memberId, task: t.task, day: t.day, points: t.points })
    .onConflict((oc) => oc.doNothing())
    .returning('member_id')
    .execute();
  return rows.length > 0;
}

export function taskDone(db: Executor, t: { regionId: number; eventId: number; memberId: number; task: MatchTask; day: string }) {
  return db
    .selectFrom('matchmaking_task_done')
    .select(['points'])
    .where('region_id', '=', t.regionId)
    .where('event_id', '=', t.eventId)
    .where('member_id', '=', t.memberId)
    .where('task', '=', t.task)
    .where('day', '=', t.day)
    .executeTakeFirst();
}
