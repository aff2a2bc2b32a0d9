import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildOrg, buildTree, createTestContext, signInMember, type TestContext } from '../../testing/harness.js';
import { regionOfPath } from '../../auth/tree.js';
import type { EventDetail, MemberRegistration } from '../../../common/events.js';
import type { AllocationExport, DrawExport, EventDraws, PublicEventDraws, RankingExport } from '../../../common/events.draw.js';
import type { ProgrammeDetail } from '../../../common/points.programmes.js';
import { openSession } from './events.fixtures.js';
import { verifyAnyExportText } from './draw.ranking.js';
import { freezeDueDraws } from './events.draw.service.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
}, 120_000);
afterAll(async () => ctx?.close());

/** `n` members of the union written directly (the application flow is tested elsewhere), named 抽签会员<g>. */
async function insertMembers(orgId: number, n: number): Promise<number[]> {
  const db = ctx.database.db;
  const org = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const tag = `d${process.pid}-${++serial}`;
  const { rows } = await sql<{ id: number }>`
    INSERT INTO member (region_id, name, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date, status,
                        org_id, org_path, join_date)
    SELECT ${regionOfPath(org.path)}, '抽签会员' || g, 'x', ${tag} || '-' || g, '1101**********' || lpad(g::text, 4, '0'), 'male',
           DATE '1990-01-01', 'member', ${org.id}, ${org.path}::ltree, CURRENT_DATE
      FROM generate_series(1, ${n}) g
    RETURNING id`.execute(db);
  return rows.map((r) => r.id);
}

async function createEvent(selection: string, sessions: object[]): Promise<EventDetail> {
  const r = await ctx.call('POST', '/api/events', {
    orgId: tree.dcStreet.id,
    kind: 'matchmaking',
    title: `青年职工交友活动${++serial}`,
    selection,
    sessions,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<EventDetail>();
}

async function bulk(eventId: number, sessionId: number, memberIds: number[]) {
  for (let i = 0; i < memberIds.length; i += 500) {
    const r = await ctx.call('POST', `/api/events/${eventId}/registrations/bulk`, {
      sessionId,
      key: `draw${++serial}`,
      memberIds: memberIds.slice(i, i + 500),
    });
    expect(r.statusCode, r.body).toBe(200);
  }
}

/** Moves every window of the event into the past (or back open). */
async function setWindow(eventId: number, open: boolean) {
  await sql`UPDATE event_session SET opens_at = now() - interval '2 hours',
              closes_at = ${open ? sql`now() + interval '1 day'` : sql`now() - interval '1 second'`}
            WHERE event_id = ${eventId}`.execute(ctx.database.db);
}

const code = (r: { json<T>(): T }) => r.json<{ code: string }>().code;

/** The registrations of a session in waitlist order, as entry ids. */
async function waitlistOf(sessionId: number): Promise<string[]> {
  const { rows } = await sql<{ region_id: number; id: number }>`
    SELECT region_id, id FROM event_registration WHERE session_id = ${sessionId} AND status = 'waitlisted' ORDER BY waitlist_seq`.execute(
    ctx.database.db,
  );
  return rows.map((r) => `${r.region_id}-${r.id}`);
}

async function exportOf(eventId: number, drawId: number): Promise<string> {
  const r = await ctx.call('GET', `/api/public/events/${eventId}/draws/${drawId}/export`, undefined, '');
  expect(r.statusCode, r.body).toBe(200);
  return r.body;
}

/** Writes the export to a temp file and verifies it with the function `npm run cli -- verify-draw <file>` calls. */
function verifyFile(text: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'draw-')), 'draw.json');
  fs.writeFileSync(file, text);
  return verifyAnyExportText(fs.readFileSync(file, 'utf8'));
}

describe('events: a lottery anyone can verify, wired to the database', () => {
  it('800 entries from 20 units for 300 places with quotas: 300 confirmed, 500 waitlisted in key order, verifiable', async () => {
    const units = [];
    for (let i = 0; i < 20; i++) units.push(await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union'));
    const members: number[] = [];
    for (const u of units) members.push(...(await insertMembers(u.id, 40)));
    const event = await createEvent('lottery', [openSession(300, '北京工人体育馆')]);
    const sessionId = event.sessions[0]!.id;

    // Nothing can be frozen or drawn before the plan and the close of the window.
    expect(code(await ctx.call('POST', `/api/events/${event.id}/draw/freeze`))).toBe('EVENT_DRAW_NO_PLAN');
    expect(code(await ctx.call('POST', `/api/events/${event.id}/draw/seed`, { seed: '1 2 3' }))).toBe('EVENT_DRAW_NOT_FROZEN');
    const quotas = units.slice(0, 3).map((u) => ({ sessionId, orgId: u.id, quota: 15 }));
    const plan = await ctx.call('POST', `/api/events/${event.id}/draw/plan`, {
      seedSource: '中国福利彩票双色球 2026-12-03 开奖号码',
      quotas,
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json<EventDraws>().plan).toMatchObject({ seedSource: '中国福利彩票双色球 2026-12-03 开奖号码' });

    await bulk(event.id, sessionId, members);
    // An entry is no place: nobody is confirmed before the draw.
    const before = (await ctx.call('GET', `/api/events/${event.id}`)).json<EventDetail>().sessions[0]!;
    expect(before).toMatchObject({ confirmed: 0, waitlisted: 0 });
    expect(code(await ctx.call('POST', `/api/events/${event.id}/draw/freeze`))).toBe('EVENT_DRAW_WINDOW_OPEN');

    await setWindow(event.id, false);
    expect(await freezeDueDraws(ctx.database.db)).toBeGreaterThanOrEqual(1);
    const frozen = (await ctx.call('GET', `/api/events/${event.id}/draws`)).json<EventDraws>();
    expect(frozen.draws).toHaveLength(1);
    expect(frozen.draws[0]).toMatchObject({ sessionId, mode: 'lottery', entries: 800, seed: null });
    expect(frozen.draws[0]!.frozenHash).toMatch(/^[0-9a-f]{64}$/);
    // Frozen: the plan is fixed, and a sign-up is refused even with the window open again.
    expect(code(await ctx.call('POST', `/api/events/${event.id}/draw/plan`, { seedSource: '换一个来源', quotas: [] }))).toBe(
      'EVENT_DRAW_FROZEN',
    );
    await setWindow(event.id, true);
    const late = await insertMembers(units[0]!.id, 1);
    const refused = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, { sessionId, key: 'late', memberIds: late });
    expect(code(refused)).toBe('EVENT_DRAW_FROZEN');
    await setWindow(event.id, false);

    const seeded = await ctx.call('POST', `/api/events/${event.id}/draw/seed`, { seed: ' 03 07 12 19 25 31  + 09 ' });
    expect(seeded.statusCode, seeded.body).toBe(200);
    expect(seeded.json<EventDraws>().draws[0]).toMatchObject({ seed: '03 07 12 19 25 31 + 09', confirmed: 300, waitlisted: 500 });
    expect(code(await ctx.call('POST', `/api/events/${event.id}/draw/seed`, { seed: '1 2 3' }))).toBe('EVENT_DRAW_DONE');
    expect((await ctx.call('GET', `/api/events/${event.id}`)).json<EventDetail>().sessions[0]).toMatchObject({
      capacity: 300,
      confirmed: 300,
      waitlisted: 500,
    });

    const text = await exportOf(event.id, frozen.draws[0]!.id);
    const published = JSON.parse(text) as DrawExport;
    expect(published.frozenHash).toBe(frozen.draws[0]!.frozenHash);
    expect(published.result.winners.filter((w) => w.basis === 'quota')).toHaveLength(45);
    expect(await waitlistOf(sessionId)).toEqual(published.result.waitlist.map((w) => w.entryId));
    expect(verifyFile(text)).toEqual([]);
    const tampered = JSON.parse(text) as DrawExport;
    tampered.entries[0] = { ...tampered.entries[0]!, maskedName: '王*' };
    expect(verifyFile(JSON.stringify(tampered)).length).toBeGreaterThan(0);

    // The public page: masked names, keys, the seed and the hash — no one's full name.
    const page = await ctx.call('GET', `/api/public/events/${event.id}/draws`, undefined, '');
    expect(page.statusCode).toBe(200);
    const shown = page.json<PublicEventDraws>();
    expect(shown.draws[0]).toMatchObject({ seed: '03 07 12 19 25 31 + 09', frozenHash: published.frozenHash });
    expect(shown.draws[0]!.rows).toHaveLength(800);
    // Each draw's session is named on the page by its time and place, as the event holds them.
    const held = (await ctx.call('GET', `/api/events/${event.id}`)).json<EventDetail>().sessions[0]!;
    expect(shown.sessions).toEqual([{ id: sessionId, startsAt: held.startsAt, endsAt: held.endsAt, place: '北京工人体育馆' }]);
    expect(page.body).not.toMatch(/抽签会员\d/);

    // A freed place goes to the first of the waitlist, in key order.
    const { rows } = await sql<{ id: number }>`
      SELECT id FROM event_registration WHERE session_id = ${sessionId} AND status = 'confirmed' ORDER BY id LIMIT 1`.execute(
      ctx.database.db,
    );
    const cancel = await ctx.call('POST', `/api/events/${event.id}/registrations/${rows[0]!.id}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(await waitlistOf(sessionId)).toEqual(published.result.waitlist.slice(1).map((w) => w.entryId));

    // Another district's cadre sees nothing; a reader of the street may look, not freeze or seed.
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/events/${event.id}/draws`, undefined, xicheng.cookie)).statusCode).toBe(404);
    expect((await ctx.call('POST', `/api/events/${event.id}/draw/freeze`, undefined, xicheng.cookie)).statusCode).toBe(404);
    expect((await ctx.call('POST', `/api/events/${event.id}/draw/seed`, { seed: '1' }, xicheng.cookie)).statusCode).toBe(404);
    const reader = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    expect((await ctx.call('GET', `/api/events/${event.id}/draws`, undefined, reader.cookie)).statusCode).toBe(200);
    expect((await ctx.call('POST', `/api/events/${event.id}/draw/freeze`, undefined, reader.cookie)).statusCode).toBe(403);
  }, 300_000);

  it('a member enters a lottery on the phone: an entry, not a place; refused once the window closed', async () => {
    const event = await createEvent('lottery', [openSession(1)]);
    const m = await buildMember(ctx, tree.dcUnion.id, { name: '手机会员' });
    const cookie = await signInMember(ctx, m.idNumber, m.phone, '10.8.0.1');
    const r = await ctx.call('POST', '/api/portal/events/registrations', { sessionId: event.sessions[0]!.id, key: 'e-1' }, cookie);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json<MemberRegistration>()).toMatchObject({ status: 'entered', waitlistPosition: null });
    // The member may withdraw the entry before the draw.
    const withdrawn = await ctx.call(
      'POST',
      `/api/portal/events/registrations/${r.json<MemberRegistration>().id}/cancel`,
      undefined,
      cookie,
    );
    expect(withdrawn.json<MemberRegistration>()).toMatchObject({ status: 'cancelled', cancelReason: 'self' });
    await setWindow(event.id, false);
    const other = await buildMember(ctx, tree.dcUnion.id);
    const late = await ctx.call(
      'POST',
      '/api/portal/events/registrations',
      { sessionId: event.sessions[0]!.id, key: 'e-2' },
      await signInMember(ctx, other.idNumber, other.phone, '10.8.0.2'),
    );
    expect(code(late)).toBe('EVENT_WINDOW_CLOSED');
  });
});

describe('events: ranking by points earned, and preferences across sessions', () => {
  it('picks by points earned in the window; ties go to the earlier sign-up; the rest wait in rank order', async () => {
    const programme = await ctx.call('POST', '/api/points/programmes', {
      orgId: tree.dongcheng.id,
      name: '交友积分',
      description: '志愿服务积分',
      earnRules: { volunteerHour: 10, eventAttendance: 5, training: 5, manual: true },
      capDay: null,
      capMonth: null,
      expiryRule: 'end_of_next_year',
    });
    expect(programme.statusCode, programme.body).toBe(201);
    const p = programme.json<ProgrammeDetail>();
    expect((await ctx.call('POST', `/api/points/programmes/${p.id}/fund`, { key: `f${++serial}`, amount: 5000 })).statusCode).toBe(200);
    const ids = await insertMembers(tree.dcUnion.id, 6);
    const points = [10, 30, 0, 20, 20, 5];
    for (const [i, id] of ids.entries())
      if (points[i]! > 0) {
        const a = await ctx.call('POST', `/api/points/programmes/${p.id}/awards`, {
          source: 'manual',
          key: `a${++serial}`,
          memberId: id,
          points: points[i],
          reason: '社区志愿服务',
        });
        expect(a.statusCode, a.body).toBeLessThan(300);
      }
    const event = await createEvent('points_ranking', [openSession(2)]);
    const sessionId = event.sessions[0]!.id;
    const noWindow = await ctx.call('POST', `/api/events/${event.id}/draw/plan`, { seedSource: '积分排名，同分先报名者优先' });
    expect(code(noWindow)).toBe('EVENT_DRAW_INVALID');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const plan = await ctx.call('POST', `/api/events/${event.id}/draw/plan`, {
      seedSource: '积分排名，同分先报名者优先',
      ranking: { programmeId: p.id, from: '2026-01-01', to: today },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    // One at a time, so the sign-up order is the order of the list.
    for (const id of ids) await bulk(event.id, sessionId, [id]);
    await setWindow(event.id, false);
    const frozen = await ctx.call('POST', `/api/events/${event.id}/draw/freeze`);
    expect(frozen.statusCode, frozen.body).toBe(200);
    const seeded = await ctx.call('POST', `/api/events/${event.id}/draw/seed`, { seed: 'ranking-seed' });
    expect(seeded.json<EventDraws>().draws[0]).toMatchObject({ confirmed: 2, waitlisted: 4 });
    const text = await exportOf(event.id, seeded.json<EventDraws>().draws[0]!.id);
    expect(verifyFile(text)).toEqual([]);
    const exp = JSON.parse(text) as RankingExport;
    const forged = JSON.parse(text) as RankingExport;
    forged.result.ranked[0] = { ...forged.result.ranked[0]!, earned: 1 };
    expect(verifyFile(JSON.stringify(forged)).length).toBeGreaterThan(0);
    expect(exp.result.ranked.map((r) => r.earned)).toEqual([30, 20, 20, 10, 5, 0]);
    const { rows } = await sql<{ member_id: number; status: string }>`
      SELECT member_id, status FROM event_registration WHERE session_id = ${sessionId}`.execute(ctx.database.db);
    const status = new Map(rows.map((r) => [r.member_id, r.status]));
    // 30 first; of the two with 20 the one who signed up earlier; the other heads the waitlist.
    expect([ids[1], ids[3], ids[4]].map((id) => status.get(id!))).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(await waitlistOf(sessionId)).toEqual(exp.result.waitlist.map((w) => w.entryId));
    expect(exp.result.waitlist).toHaveLength(4);
  }, 120_000);

  it('allocates preferences: never over capacity, never a session not chosen, verifiable', async () => {
    const event = await createEvent('preferences', [openSession(2, '一号班次'), openSession(1, '二号班次'), openSession(1, '三号班次')]);
    const [s1, s2, s3] = event.sessions.map((s) => s.id) as [number, number, number];
    const people = [];
    for (let i = 0; i < 6; i++) {
      const m = await buildMember(ctx, tree.dcUnion.id, { name: `志愿会员${i}` });
      people.push(await signInMember(ctx, m.idNumber, m.phone, `10.7.0.${i + 1}`));
    }
    const rankings = [[s1, s2], [s2], [s2, s3], [s1], [s3, s1], [s2, s1]];
    for (const [i, cookie] of people.entries()) {
      const r = await ctx.call(
        'POST',
        '/api/portal/events/preferences',
        { eventId: event.id, sessionIds: rankings[i], key: `p${i}` },
        cookie,
      );
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json<MemberRegistration>().status).toBe('entered');
    }
    const twice = await ctx.call(
      'POST',
      '/api/portal/events/preferences',
      { eventId: event.id, sessionIds: [s3], key: 'p-again' },
      people[0],
    );
    expect(code(twice)).toBe('EVENT_ALREADY_REGISTERED');
    expect(
      code(await ctx.call('POST', '/api/portal/events/preferences', { eventId: event.id, sessionIds: [s1, s1], key: 'dup' }, people[1])),
    ).toBe('EVENT_PREFERENCES_INVALID');
    expect(
      code(
        await ctx.call('POST', `/api/events/${event.id}/draw/plan`, {
          seedSource: '北京市体育彩票 2026-12-03 排列五开奖号码',
          quotas: [{ sessionId: s1, orgId: tree.dcUnion.id, quota: 1 }],
        }),
      ),
    ).toBe('EVENT_DRAW_INVALID');
    expect(
      (await ctx.call('POST', `/api/events/${event.id}/draw/plan`, { seedSource: '北京市体育彩票 2026-12-03 排列五开奖号码' })).statusCode,
    ).toBe(200);
    await setWindow(event.id, false);
    expect((await ctx.call('POST', `/api/events/${event.id}/draw/freeze`)).statusCode).toBe(200);
    expect(code(await ctx.call('POST', `/api/events/${event.id}/draw/freeze`))).toBe('EVENT_DRAW_FROZEN');
    const seeded = await ctx.call('POST', `/api/events/${event.id}/draw/seed`, { seed: '8 1 4 6 2' });
    expect(seeded.statusCode, seeded.body).toBe(200);
    const draw = seeded.json<EventDraws>().draws[0]!;
    expect(draw).toMatchObject({ sessionId: null, mode: 'preferences', confirmed: 4, waitlisted: 2 });
    const text = await exportOf(event.id, draw.id);
    expect(verifyFile(text)).toEqual([]);
    const exp = JSON.parse(text) as AllocationExport;
    const { rows } = await sql<{ region_id: number; id: number; session_id: number; status: string; choices: string[] }>`
      SELECT region_id, id, session_id, status, choices::text[] AS choices FROM event_registration WHERE event_id = ${event.id}`.execute(
      ctx.database.db,
    );
    for (const r of rows) {
      expect(r.choices).toContain(String(r.session_id));
      const turn = exp.result.turns.find((t) => t.entryId === `${r.region_id}-${r.id}`)!;
      expect(r.status).toBe(turn.sessionId === null ? 'waitlisted' : 'confirmed');
      if (turn.sessionId !== null) expect(String(r.session_id)).toBe(turn.sessionId);
    }
    const detail = (await ctx.call('GET', `/api/events/${event.id}`)).json<EventDetail>();
    for (const s of detail.sessions) expect(s.confirmed).toBeLessThanOrEqual(s.capacity);
    expect(detail.sessions.map((s) => s.confirmed)).toEqual([2, 1, 1]);
  }, 120_000);
});
