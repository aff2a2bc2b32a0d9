import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { EventDetail } from '../../../common/events.js';
import type {
  BlockList,
  BrowseList,
  InterestResult,
  MatchList,
  MatchStats,
  MyProfileAnswer,
  TaskResult,
} from '../../../common/matchmaking.js';
import { dayOf } from '../../../common/beijing-time.js';
import { programmeAt } from '../points/merchants.fixtures.js';
import { openSession } from '../events/events.fixtures.js';
import { matchmakingEvent, participant, profileOf, send } from './matchmaking.fixtures.js';
import { purgePastRetention } from './matchmaking.service.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let event: EventDetail;
type Person = Awaited<ReturnType<typeof participant>> & { ref: string };
let a: Person;
let b: Person;
let c: Person;

const portal = (id: number, path: string) => `/api/portal/matchmaking/events/${id}${path}`;
const cadre = (id: number, path: string) => `/api/events/${id}/matchmaking${path}`;

async function person(name: string, nickname: string, extra: object = {}): Promise<Person> {
  const p = await participant(ctx, event, tree.dcUnion.id, name);
  const ref = await profileOf(ctx, event.id, p.cookie, { nickname, hometown: '东城', hobbies: '爬山', visible: ['hometown'], ...extra });
  return { ...p, ref };
}

const browse = async (p: Person, id = event.id) => {
  const r = await send(ctx, 'GET', portal(id, '/profiles'), undefined, p.cookie);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<BrowseList>();
};
const matches = async (p: Person) => {
  const r = await send(ctx, 'GET', portal(event.id, '/matches'), undefined, p.cookie);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<MatchList>();
};
const interest = (p: Person, ref: string) => send(ctx, 'POST', portal(event.id, '/interests'), { profileRef: ref }, p.cookie);
/** Every answer a cadre can get about the event, concatenated: none may carry an interest. */
async function everythingCadresSee(): Promise<string> {
  const bodies = await Promise.all([
    send(ctx, 'GET', cadre(event.id, '/settings')),
    send(ctx, 'GET', cadre(event.id, '/stats')),
    send(ctx, 'GET', cadre(event.id, '/ranking?places=10')),
    send(ctx, 'POST', cadre(event.id, '/profile-views'), { registrationId: a.registrationId, reason: '核实投诉内容' }),
    send(ctx, 'POST', cadre(event.id, '/profile-views'), { registrationId: b.registrationId, reason: '核实投诉内容' }),
    send(ctx, 'GET', `/api/audit?orgId=${tree.dcStreet.id}&limit=200`),
  ]);
  for (const r of bodies) expect(r.statusCode, r.body).toBe(200);
  return bodies.map((r) => r.body).join('\n');
}

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  const programme = await programmeAt(ctx.database.db, tree.dcStreet.id);
  await sql`UPDATE points_programme SET earn_rules = '{"eventAttendance": 5}'::jsonb WHERE id = ${programme.id}`.execute(ctx.database.db);
  event = await matchmakingEvent(ctx, tree.dcStreet.id, { pointsProgrammeId: programme.id, settings: { dailyInterestLimit: 3 } });
  a = await person('燕甲', '小甲');
  b = await person('燕乙', '小乙');
  c = await person('燕丙', '小丙');
}, 120_000);
afterAll(async () => ctx?.close());

describe('matchmaking profiles (联谊资料)', () => {
  it('refuses a sensitive field without its own consent, seals it with one, and withdraws it with the consent', async () => {
    const url = portal(event.id, '/profile');
    const refused = await send(ctx, 'PUT', url, { nickname: '小甲', maritalHistory: 'divorced', visible: [], consents: [] }, a.cookie);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json<{ code: string }>().code).toBe('MATCHMAKING_CONSENT_REQUIRED');
    const saved = await send(
      ctx,
      'PUT',
      url,
      {
        nickname: '小甲',
        hometown: '东城',
        hobbies: '爬山',
        maritalHistory: 'divorced',
        visible: ['hometown', 'maritalHistory'],
        consents: [{ field: 'maritalHistory', textVersion: 'v1' }],
      },
      a.cookie,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const mine = saved.json<MyProfileAnswer>().profile!;
    expect(mine.maritalHistory).toBe('divorced');
    expect(mine.consents.map((x) => [x.field, x.textVersion])).toEqual([['maritalHistory', 'v1']]);
    const raw = await sql<{
      sensitive_enc: string | null;
    }>`SELECT sensitive_enc FROM matchmaking_profile WHERE member_id = ${a.memberId}`.execute(ctx.database.db);
    expect(raw.rows[0]!.sensitive_enc).not.toBeNull();
    expect(raw.rows[0]!.sensitive_enc).not.toContain('divorced');
    // B sees the nickname and what A made visible, nothing else, and never a phone.
    const seen = (await browse(b)).items.find((p) => p.profileRef === a.ref)!;
    expect(seen).toEqual({ profileRef: a.ref, nickname: '小甲', hometown: '东城', maritalHistory: 'divorced', interested: false });
    expect(JSON.stringify(await browse(b))).not.toContain(a.phone);
    // The consent not restated is withdrawn, and the field with it.
    const withdrawn = await send(ctx, 'PUT', url, { nickname: '小甲', hometown: '东城', visible: ['hometown'], consents: [] }, a.cookie);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<MyProfileAnswer>().profile).toMatchObject({ maritalHistory: null, consents: [] });
  });

  it('answers 404 to a member not signed up to the event, and lets a member of another event see none of its profiles', async () => {
    const other = await matchmakingEvent(ctx, tree.dcStreet.id);
    const p = await participant(ctx, other, tree.dcUnion.id, '别场会员');
    await profileOf(ctx, other.id, p.cookie, { nickname: '别场', visible: [] });
    expect((await send(ctx, 'GET', portal(event.id, '/profiles'), undefined, p.cookie)).statusCode).toBe(404);
    expect((await send(ctx, 'GET', portal(event.id, '/profile'), undefined, p.cookie)).statusCode).toBe(404);
    expect((await send(ctx, 'POST', portal(event.id, '/interests'), { profileRef: a.ref }, p.cookie)).statusCode).toBe(404);
    const theirs = await send(ctx, 'GET', portal(other.id, '/profiles'), undefined, p.cookie);
    expect(theirs.json<BrowseList>().items).toEqual([]);
    // An interest across events is "not found" too.
    expect((await interest(a, theirs.json<BrowseList>().items[0]?.profileRef ?? '1-999999')).statusCode).toBe(404);
  });

  it('keeps a one-sided interest invisible to the target, a third member and every cadre route', async () => {
    const r = await interest(a, b.ref);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<InterestResult>()).toMatchObject({ interested: true, mutual: false });
    expect((await browse(a)).items.find((p) => p.profileRef === b.ref)?.interested).toBe(true);
    expect((await browse(b)).items.find((p) => p.profileRef === a.ref)?.interested).toBe(false);
    expect((await matches(b)).items).toEqual([]);
    expect((await matches(a)).items).toEqual([]);
    expect(JSON.stringify(await browse(c))).not.toMatch(/"interested":true/);
    const seen = await everythingCadresSee();
    expect(seen).not.toContain(b.ref);
    expect(seen).not.toContain(a.ref);
    const stats = (await send(ctx, 'GET', cadre(event.id, '/stats'))).json<MatchStats>();
    expect(stats).toMatchObject({ profiles: 3, mutualMatches: 0 });
  });

  it('makes a mutual interest visible to both, and shows contact details only after both confirm', async () => {
    const r = await interest(b, a.ref);
    expect(r.json<InterestResult>()).toMatchObject({ interested: true, mutual: true });
    expect((await matches(a)).items.map((m) => [m.profileRef, m.contact])).toEqual([[b.ref, null]]);
    expect((await matches(b)).items.map((m) => [m.profileRef, m.contact])).toEqual([[a.ref, null]]);
    expect((await send(ctx, 'GET', cadre(event.id, '/stats'))).json<MatchStats>().mutualMatches).toBe(1);

    const first = await send(ctx, 'POST', portal(event.id, '/matches/confirm'), { profileRef: b.ref }, a.cookie);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ confirmedByMe: true, contact: null });
    expect((await matches(b)).items[0]).toMatchObject({ confirmedByMe: false, contact: null });
    expect(JSON.stringify(await matches(b))).not.toContain(a.phone);

    const second = await send(ctx, 'POST', portal(event.id, '/matches/confirm'), { profileRef: a.ref }, b.cookie);
    expect(second.json()).toMatchObject({ confirmedByMe: true, contact: { name: '燕甲', phone: a.phone } });
    expect((await matches(a)).items[0]!.contact).toEqual({ name: '燕乙', phone: b.phone });
    // Confirming on what is not a match is "not found".
    expect((await send(ctx, 'POST', portal(event.id, '/matches/confirm'), { profileRef: c.ref }, a.cookie)).statusCode).toBe(404);
  });

  it('ends a match when one side withdraws the interest, and forgets both confirmations', async () => {
    const withdrawn = await send(ctx, 'POST', portal(event.id, '/interests/withdraw'), { profileRef: a.ref }, b.cookie);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await matches(a)).items).toEqual([]);
    expect((await matches(b)).items).toEqual([]);
    const again = await interest(b, a.ref);
    expect(again.json<InterestResult>()).toMatchObject({ mutual: true });
    expect((await matches(a)).items[0]).toMatchObject({ profileRef: b.ref, confirmedByMe: false, contact: null });
  });

  it('blocks silently both ways: a pending interest disappears and the blocked person sees nothing different', async () => {
    const before = await interest(c, a.ref);
    expect(before.json<InterestResult>()).toMatchObject({ interested: true, mutual: false });
    const blocked = await send(ctx, 'POST', portal(event.id, '/blocks'), { profileRef: c.ref }, a.cookie);
    expect(blocked.statusCode, blocked.body).toBe(200);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM matchmaking_interest i JOIN matchmaking_profile p
      ON p.region_id = i.region_id AND p.id = i.profile_id WHERE p.member_id = ${c.memberId}`.execute(ctx.database.db);
    expect(rows.rows[0]!.n).toBe(0);
    expect((await browse(a)).items.map((p) => p.profileRef)).not.toContain(c.ref);
    expect((await browse(c)).items.map((p) => p.profileRef)).not.toContain(a.ref);
    // C tries again: the same answer as any one-sided interest, and nothing is stored.
    const again = await interest(c, a.ref);
    expect(again.statusCode).toBe(200);
    expect(Object.keys(again.json<InterestResult>()).sort()).toEqual(Object.keys(before.json<InterestResult>()).sort());
    expect(again.json<InterestResult>()).toMatchObject({ interested: true, mutual: false });
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM matchmaking_interest i JOIN matchmaking_profile p
      ON p.region_id = i.region_id AND p.id = i.profile_id WHERE p.member_id = ${c.memberId}`.execute(ctx.database.db);
    expect(after.rows[0]!.n).toBe(0);
  });

  it('lifts a block silently: only my own blocks are listed and lifted, and no interest comes back by itself', async () => {
    const blocks = async (p: Person) => (await send(ctx, 'GET', portal(event.id, '/blocks'), undefined, p.cookie)).json<BlockList>();
    const lift = (p: Person, ref: string) => send(ctx, 'POST', portal(event.id, '/blocks/lift'), { profileRef: ref }, p.cookie);
    expect((await blocks(a)).items).toEqual([{ profileRef: c.ref, nickname: '小丙' }]);
    // The blocked side learns nothing: no list entry, and lifting a block it never placed answers the same and changes nothing.
    expect((await blocks(c)).items).toEqual([]);
    const notMine = await lift(c, a.ref);
    expect(notMine.statusCode, notMine.body).toBe(200);
    expect(notMine.json()).toEqual({ profileRef: a.ref, done: true });
    expect((await browse(c)).items.map((p) => p.profileRef)).not.toContain(a.ref);
    expect((await blocks(a)).items).toHaveLength(1);

    const lifted = await lift(a, c.ref);
    expect(lifted.json()).toEqual({ profileRef: c.ref, done: true });
    expect((await blocks(a)).items).toEqual([]);
    expect((await browse(a)).items.find((p) => p.profileRef === c.ref)).toMatchObject({ interested: false });
    expect((await browse(c)).items.find((p) => p.profileRef === a.ref)).toMatchObject({ interested: false });
    // C's interest from before the block stays gone: A's interest alone is one-sided, both must express it again.
    expect((await interest(a, c.ref)).json<InterestResult>()).toMatchObject({ mutual: false });
    expect((await matches(c)).items).toEqual([]);
    expect((await interest(c, a.ref)).json<InterestResult>()).toMatchObject({ mutual: true });
    expect((await matches(a)).items.map((m) => m.profileRef)).toContain(c.ref);
    // A profile that is not of the event is not found, as for a block.
    expect((await lift(a, '1-999999')).statusCode).toBe(404);
  });

  it('tells the member how long the data is kept: the event’s days after its last session, and the day of deletion', async () => {
    const r = await send(ctx, 'GET', portal(event.id, '/profile'), undefined, b.cookie);
    const ends = new Date(event.sessions[0]!.endsAt);
    expect(r.json<MyProfileAnswer>().retention).toEqual({
      retentionDays: 30,
      lastSessionEndsAt: ends.toISOString(),
      deleteOn: dayOf(new Date(ends.getTime() + 30 * 86_400_000)),
    });
    await send(ctx, 'PUT', cadre(event.id, '/settings'), { enabled: true, retentionDays: 7, dailyInterestLimit: 3 });
    const after = (await send(ctx, 'GET', portal(event.id, '/profile'), undefined, b.cookie)).json<MyProfileAnswer>();
    expect(after.retention).toMatchObject({ retentionDays: 7, deleteOn: dayOf(new Date(ends.getTime() + 7 * 86_400_000)) });
    await send(ctx, 'PUT', cadre(event.id, '/settings'), { enabled: true, retentionDays: 30, dailyInterestLimit: 3 });
  });

  it('lets an entry waiting for the points ranking take part: a profile and the tasks that rank it', async () => {
    const programme = await ctx.database.db
      .selectFrom('event')
      .select('points_programme_id as id')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    const created = await send(ctx, 'POST', '/api/events', {
      orgId: tree.dcStreet.id,
      kind: 'matchmaking',
      title: '燕缘际会·积分排名',
      selection: 'points_ranking',
      pointsProgrammeId: programme.id,
      sessions: [openSession(300, '中关村展示中心')],
    });
    expect(created.statusCode, created.body).toBeLessThan(300);
    const ranked = created.json<EventDetail>();
    await send(ctx, 'PUT', cadre(ranked.id, '/settings'), { enabled: true, retentionDays: 30, dailyInterestLimit: 3 });
    const p = await participant(ctx, ranked, tree.dcUnion.id, '燕排名');
    const status = await sql<{ status: string }>`SELECT status FROM event_registration WHERE id = ${p.registrationId}`.execute(
      ctx.database.db,
    );
    expect(status.rows).toEqual([{ status: 'entered' }]);
    expect(await profileOf(ctx, ranked.id, p.cookie, { nickname: '排名中', visible: [] })).toMatch(/^\d+-\d+$/);
    const task = await send(ctx, 'POST', portal(ranked.id, '/tasks'), { task: 'checkin' }, p.cookie);
    expect(task.statusCode, task.body).toBe(200);
    expect(task.json<TaskResult>()).toMatchObject({ points: 5, replayed: false });
    const stats = (await send(ctx, 'GET', cadre(ranked.id, '/stats'))).json<MatchStats>();
    expect(stats).toMatchObject({ participants: 1, profiles: 1 });
  });

  it('limits interests per day with the counter', async () => {
    const d = await person('燕丁', '小丁');
    const others = [await person('燕戊', '小戊'), await person('燕己', '小己'), await person('燕庚', '小庚'), b];
    const answers = [];
    for (const o of others) answers.push((await interest(d, o.ref)).statusCode);
    expect(answers).toEqual([200, 200, 200, 429]);
  });

  it('awards task points once per task and day in the event programme, and ranks participants by them', async () => {
    const task = (body: object) => send(ctx, 'POST', portal(event.id, '/tasks'), body, b.cookie);
    const first = await task({ task: 'checkin' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<TaskResult>()).toMatchObject({ points: 5, replayed: false });
    expect((await task({ task: 'checkin' })).json<TaskResult>()).toMatchObject({ points: 5, replayed: true });
    expect((await task({ task: 'question' })).statusCode).toBe(400);
    expect((await task({ task: 'question', answer: '周末一起爬香山' })).json<TaskResult>()).toMatchObject({ points: 10, replayed: false });
    const ledger = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM points_transfer WHERE transfer_key LIKE ${`matchmaking:${event.id}:%`}`.execute(ctx.database.db);
    expect(ledger.rows[0]!.n).toBe(2);
    const ranking = await send(ctx, 'GET', cadre(event.id, '/ranking?places=1'));
    expect(ranking.statusCode, ranking.body).toBe(200);
    const items = ranking.json<{ items: { registrationId: number; earned: number; selected: boolean }[] }>().items;
    expect(items[0]).toMatchObject({ registrationId: b.registrationId, earned: 15, selected: true });
    expect(items.filter((i) => i.selected)).toHaveLength(1);
  });

  it('shows staff one profile only with a written reason, kept in the audit log', async () => {
    const url = cadre(event.id, '/profile-views');
    expect((await send(ctx, 'POST', url, { registrationId: a.registrationId })).statusCode).toBe(400);
    expect((await send(ctx, 'POST', url, { registrationId: a.registrationId, reason: '' })).statusCode).toBe(400);
    const seen = await send(ctx, 'POST', url, { registrationId: a.registrationId, reason: '会员投诉骚扰，核实资料' });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ nickname: '小甲' });
    expect(seen.body).not.toContain(a.phone);
    const audit = await sql<{ detail: unknown }>`SELECT detail FROM audit_log WHERE action = 'matchmaking.profile.staff_view'`.execute(
      ctx.database.db,
    );
    expect(JSON.stringify(audit.rows)).toContain('会员投诉骚扰，核实资料');
  });

  it('answers 404 to a cadre of another district, and 403 to a reader changing the settings', async () => {
    const outsider = (await actorWith(ctx, 'federation_admin', tree.xicheng.id)).cookie;
    for (const [method, path, payload] of [
      ['GET', '/settings', undefined],
      ['PUT', '/settings', { enabled: false, retentionDays: 1, dailyInterestLimit: 1 }],
      ['GET', '/stats', undefined],
      ['GET', '/ranking', undefined],
      ['POST', '/profile-views', { registrationId: a.registrationId, reason: '越权查看资料' }],
    ] as const)
      expect((await send(ctx, method, cadre(event.id, path), payload, outsider)).statusCode).toBe(404);
    const reader = (await actorWith(ctx, 'read_only', tree.dcStreet.id)).cookie;
    const put = await send(ctx, 'PUT', cadre(event.id, '/settings'), { enabled: false, retentionDays: 1, dailyInterestLimit: 1 }, reader);
    expect(put.statusCode).toBe(403);
  });

  it('deletes on withdrawal: the profile, its consents, interests both ways and confirmations; a bare line stays', async () => {
    const r = await send(ctx, 'POST', portal(event.id, '/profile/withdraw'), undefined, a.cookie);
    expect(r.json()).toEqual({ withdrawn: true });
    const left = await sql<{ t: string; n: number }>`
      SELECT 'profile' AS t, count(*)::int AS n FROM matchmaking_profile WHERE member_id = ${a.memberId}
      UNION ALL SELECT 'interest', count(*)::int FROM matchmaking_interest
        WHERE (region_id, profile_id) IN (SELECT region_id, id FROM matchmaking_profile WHERE member_id = ${b.memberId})
      UNION ALL SELECT 'interest_in', count(*)::int FROM matchmaking_interest i
        WHERE NOT EXISTS (SELECT 1 FROM matchmaking_profile p WHERE p.region_id = i.to_region_id AND p.id = i.to_profile_id)
      UNION ALL SELECT 'confirm', count(*)::int FROM matchmaking_contact_confirm c
        WHERE NOT EXISTS (SELECT 1 FROM matchmaking_profile p WHERE p.region_id = c.other_region_id AND p.id = c.other_profile_id)
      UNION ALL SELECT 'confirm_of_b', count(*)::int FROM matchmaking_contact_confirm
        WHERE (region_id, profile_id) IN (SELECT region_id, id FROM matchmaking_profile WHERE member_id = ${b.memberId})
      UNION ALL SELECT 'block', count(*)::int FROM matchmaking_block b
        WHERE NOT EXISTS (SELECT 1 FROM matchmaking_profile p WHERE p.region_id = b.region_id AND p.id = b.profile_id)
           OR NOT EXISTS (SELECT 1 FROM matchmaking_profile p WHERE p.region_id = b.blocked_region_id AND p.id = b.blocked_profile_id)
      UNION ALL SELECT 'consent', count(*)::int FROM matchmaking_consent c
        WHERE NOT EXISTS (SELECT 1 FROM matchmaking_profile p WHERE p.region_id = c.region_id AND p.id = c.profile_id)`.execute(
      ctx.database.db,
    );
    expect(Object.fromEntries(left.rows.map((x) => [x.t, x.n]))).toEqual({
      profile: 0,
      interest: 0,
      interest_in: 0,
      confirm: 0,
      confirm_of_b: 0,
      block: 0,
      consent: 0,
    });
    expect((await matches(b)).items).toEqual([]);
    const log = await sql<{
      kind: string;
      profiles: number;
    }>`SELECT kind, profiles FROM matchmaking_withdrawal WHERE event_id = ${event.id}`.execute(ctx.database.db);
    expect(log.rows).toEqual([{ kind: 'self', profiles: 1 }]);
    expect((await send(ctx, 'GET', portal(event.id, '/profile'), undefined, a.cookie)).json()).toMatchObject({ profile: null });
  });

  it('purges everything of an event past its retention, and nothing before', async () => {
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM matchmaking_profile WHERE event_id = ${event.id}`.execute(ctx.database.db))
        .rows[0]!.n;
    const held = await count();
    expect(held).toBeGreaterThan(0);
    expect(await purgePastRetention(ctx.database.db, new Date())).toBe(0);
    expect(await count()).toBe(held);
    // The session ends 400 days from now (openSession), the retention is 30 days.
    await purgePastRetention(ctx.database.db, new Date(Date.now() + 440 * 86_400_000));
    expect(await count()).toBe(0);
    const tasks = await sql<{ n: number }>`SELECT count(*)::int AS n FROM matchmaking_task_done WHERE event_id = ${event.id}`.execute(
      ctx.database.db,
    );
    expect(tasks.rows[0]!.n).toBe(0);
    const log = await sql<{ kind: string; profiles: number }>`
      SELECT kind, profiles FROM matchmaking_withdrawal WHERE event_id = ${event.id} ORDER BY id`.execute(ctx.database.db);
    expect(log.rows.at(-1)).toEqual({ kind: 'retention', profiles: held });
  });
});
