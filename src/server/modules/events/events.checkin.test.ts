import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, signInMember, type TestContext } from '../../testing/harness.js';
import { regionOfPath } from '../../auth/tree.js';
import { loadMasterSecret } from '../../crypto/pii.js';
import type { BulkSignUpResult, EventDetail, Registration } from '../../../common/events.js';
import type { CheckinPack, ScanInput, SyncResult, Ticket } from '../../../common/events.checkin.js';
import { programmeAt } from '../points/merchants.fixtures.js';
import { openSession } from './events.fixtures.js';
import { createTicketSigner, type TicketSigner } from './events.tickets.js';

const MEMBERS = 1300;
const CANCELLED = 100;
const DUPLICATES = 200;

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let signer: TicketSigner;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  signer = createTicketSigner(loadMasterSecret({ secret: ctx.app.deps.config.secret, dataDir: ctx.app.deps.config.dataDir }));
}, 120_000);
afterAll(async () => ctx?.close());

/** `n` members of the union U written directly (the application flow is tested elsewhere). */
async function members(n: number, label: string): Promise<number[]> {
  const db = ctx.database.db;
  const union = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', tree.dcUnion.id).executeTakeFirstOrThrow();
  const { rows } = await sql<{ id: number }>`
    INSERT INTO member (region_id, name, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date, status,
                        org_id, org_path, join_date)
    SELECT ${regionOfPath(union.path)}, '签到会员' || g, 'x', ${label} || '-' || g, '1101**********' || lpad(g::text, 4, '0'), 'male',
           DATE '1990-01-01', 'member', ${union.id}, ${union.path}::ltree, CURRENT_DATE
      FROM generate_series(1, ${n}) g
    RETURNING id`.execute(db);
  return rows.map((r) => r.id);
}

async function eventWith(capacity: number, extra: object = {}): Promise<EventDetail> {
  const r = await ctx.call('POST', '/api/events', {
    orgId: tree.dcStreet.id,
    kind: 'culture',
    title: `签到测试${randomUUID().slice(0, 6)}`,
    sessions: [openSession(capacity)],
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<EventDetail>();
}

async function signUpAll(event: EventDetail, ids: number[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const r = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
      sessionId: event.sessions[0]!.id,
      key: `c${i}`,
      memberIds: ids.slice(i, i + 500),
    });
    expect(r.statusCode, r.body).toBe(200);
    out.push(...r.json<BulkSignUpResult>().items.map((x) => x.registrationId!));
  }
  return out;
}

const scan = (token: string, device = 'phone-1'): ScanInput => ({
  scanId: randomUUID(),
  token,
  scannedAt: new Date().toISOString(),
  deviceId: device,
});

async function sync(event: EventDetail, scans: ScanInput[], cookie?: string) {
  return ctx.call('POST', `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/check-in/sync`, { scans }, cookie);
}

describe('events check-in: offline scans, manual check-in, attendance points', () => {
  it('syncs 1,500 offline scans into exact counts, idempotently, with points awarded once', async () => {
    const programme = await programmeAt(ctx.database.db, tree.dcStreet.id);
    await sql`UPDATE points_programme SET earn_rules = '{"eventAttendance": 5}'::jsonb WHERE id = ${programme.id}`.execute(ctx.database.db);
    const event = await eventWith(MEMBERS, { pointsProgrammeId: programme.id });
    const sessionId = event.sessions[0]!.id;
    const regionId = regionOfPath(
      (await ctx.database.db.selectFrom('org_unit').select('path').where('id', '=', tree.dcUnion.id).executeTakeFirstOrThrow()).path,
    );
    const regs = await signUpAll(event, await members(MEMBERS, 'checkin'));
    expect(regs).toHaveLength(MEMBERS);

    // The scanner downloads the pack, then goes offline; meanwhile the cadre cancels 100 registrations.
    const pack = (await ctx.call('GET', `/api/events/${event.id}/sessions/${sessionId}/check-in/pack`)).json<CheckinPack>();
    expect(pack.tickets).toHaveLength(MEMBERS);
    expect(pack.tickets[0]!.maskedName).not.toMatch(/^签到会员\d+$/u);
    const cancelled = regs.slice(0, CANCELLED);
    for (const id of cancelled) expect((await ctx.call('POST', `/api/events/${event.id}/registrations/${id}/cancel`)).statusCode).toBe(200);

    const token = (id: number) => signer.sign({ r: regionId, i: id, s: sessionId, v: 1 });
    const valid = regs.slice(CANCELLED);
    const scans = [
      ...valid.map((id) => scan(token(id))),
      ...valid.slice(0, DUPLICATES).map((id) => scan(token(id), 'phone-2')),
      ...cancelled.map((id) => scan(token(id))),
    ];
    expect(scans).toHaveLength(1500);
    const answers: SyncResult['items'] = [];
    for (let i = 0; i < scans.length; i += 500) {
      const r = await sync(event, scans.slice(i, i + 500));
      expect(r.statusCode, r.body).toBe(200);
      answers.push(...r.json<SyncResult>().items);
    }
    const count = (items: SyncResult['items'], outcome: string) => items.filter((a) => a.outcome === outcome).length;
    expect(count(answers, 'accepted')).toBe(MEMBERS - CANCELLED);
    expect(count(answers, 'duplicate')).toBe(DUPLICATES);
    expect(count(answers, 'cancelled_while_offline')).toBe(CANCELLED);

    const attended = async () =>
      (
        await ctx.database.db
          .selectFrom('event_registration')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('session_id', '=', sessionId)
          .where('status', '=', 'attended')
          .executeTakeFirstOrThrow()
      ).n;
    const awards = async () =>
      (
        await sql<{ n: number; total: number }>`SELECT count(*)::int AS n, coalesce(sum(amount), 0)::int AS total FROM points_transfer
          WHERE programme_id = ${programme.id} AND transfer_key LIKE 'event-attendance:%'`.execute(ctx.database.db)
      ).rows[0]!;
    expect(Number(await attended())).toBe(MEMBERS - CANCELLED);
    expect(await awards()).toEqual({ n: MEMBERS - CANCELLED, total: 5 * (MEMBERS - CANCELLED) });

    // The same scans synced again (a phone that lost the answer): the same answers, nothing counted or awarded twice.
    const again: SyncResult['items'] = [];
    for (let i = 0; i < scans.length; i += 500) again.push(...(await sync(event, scans.slice(i, i + 500))).json<SyncResult>().items);
    expect(again).toEqual(answers);
    expect(Number(await attended())).toBe(MEMBERS - CANCELLED);
    expect((await awards()).n).toBe(MEMBERS - CANCELLED);
    const session = (await ctx.call('GET', `/api/events/${event.id}`)).json<EventDetail>().sessions[0]!;
    expect(session.confirmed).toBe(MEMBERS - CANCELLED);
  }, 600_000);

  it('refuses a forged, altered or other session’s ticket; another district’s cadre gets 404, a reader 403', async () => {
    const event = await eventWith(5);
    const other = await eventWith(5);
    const [memberId] = await members(1, 'forged');
    const [reg] = await signUpAll(event, [memberId!]);
    const region = Number(
      (await ctx.database.db.selectFrom('event_registration').select('region_id').where('id', '=', reg!).executeTakeFirstOrThrow())
        .region_id,
    );
    const good = signer.sign({ r: region, i: reg!, s: event.sessions[0]!.id, v: 1 });
    const [prefix, body, sig] = good.split('.') as [string, string, string];
    const forgedBody = Buffer.from(JSON.stringify({ r: region, i: reg! + 1, s: event.sessions[0]!.id, v: 1 })).toString('base64url');
    const bad = [
      `${prefix}.${forgedBody}.${sig}`,
      `${prefix}.${body}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`,
      signer.sign({ r: region, i: reg!, s: other.sessions[0]!.id, v: 1 }),
      signer.sign({ r: region, i: reg!, s: event.sessions[0]!.id, v: 2 }),
      'not-a-ticket',
    ];
    const r = await sync(
      event,
      bad.map((t) => scan(t)),
    );
    expect(r.json<SyncResult>().items.map((i) => i.outcome)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);

    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await sync(event, [scan(good)], xicheng.cookie)).statusCode).toBe(404);
    expect(
      (await ctx.call('GET', `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/check-in/pack`, undefined, xicheng.cookie))
        .statusCode,
    ).toBe(404);
    expect((await ctx.call('POST', `/api/events/${event.id}/registrations/${reg}/check-in`, undefined, xicheng.cookie)).statusCode).toBe(
      404,
    );
    const reader = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    expect((await sync(event, [scan(good)], reader.cookie)).statusCode).toBe(403);
    expect((await ctx.call('POST', `/api/events/${event.id}/registrations/${reg}/check-in`, undefined, reader.cookie)).statusCode).toBe(
      403,
    );
    // Nothing above checked anyone in.
    expect((await sync(event, [scan(good)])).json<SyncResult>().items[0]!.outcome).toBe('accepted');
  });

  it('checks a person in by hand once, and gives a member their own confirmed ticket only', async () => {
    const event = await eventWith(1);
    const a = await buildMember(ctx, tree.dcUnion.id, { name: '持票会员' });
    const b = await buildMember(ctx, tree.dcUnion.id, { name: '候补会员' });
    const [ra, rb] = await signUpAll(event, [a.id, b.id]);
    const cookieA = await signInMember(ctx, a.idNumber, a.phone, '10.77.0.1');
    const cookieB = await signInMember(ctx, b.idNumber, b.phone, '10.77.0.2');
    const ticket = await ctx.call('GET', `/api/portal/events/registrations/${ra}/ticket`, undefined, cookieA);
    expect(ticket.statusCode, ticket.body).toBe(200);
    expect(signer.verify(ticket.json<Ticket>().token)).toMatchObject({ i: ra, s: event.sessions[0]!.id, v: 1 });
    expect(ticket.json<Ticket>().token).not.toContain('持票');
    // Someone else's ticket is not found; a waitlisted registration has none.
    expect((await ctx.call('GET', `/api/portal/events/registrations/${ra}/ticket`, undefined, cookieB)).statusCode).toBe(404);
    const waiting = await ctx.call('GET', `/api/portal/events/registrations/${rb}/ticket`, undefined, cookieB);
    expect(waiting.json<{ code: string }>().code).toBe('EVENT_TICKET_UNAVAILABLE');

    const done = await ctx.call('POST', `/api/events/${event.id}/registrations/${ra}/check-in`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Registration>().status).toBe('attended');
    const twice = await ctx.call('POST', `/api/events/${event.id}/registrations/${ra}/check-in`);
    expect(twice.json<{ code: string }>().code).toBe('EVENT_ALREADY_CHECKED_IN');
    // A later scan of the same ticket is flagged as a duplicate, never counted.
    expect((await sync(event, [scan(ticket.json<Ticket>().token)])).json<SyncResult>().items[0]!.outcome).toBe('duplicate');
    const waitlisted = await ctx.call('POST', `/api/events/${event.id}/registrations/${rb}/check-in`);
    expect(waitlisted.json<{ code: string }>().code).toBe('EVENT_REGISTRATION_FINAL');
  });

  it('two scanners syncing the same tickets in opposite orders at once: no deadlock, each ticket accepted once', async () => {
    const N = 200;
    const event = await eventWith(N);
    const sessionId = event.sessions[0]!.id;
    const regionId = regionOfPath(
      (await ctx.database.db.selectFrom('org_unit').select('path').where('id', '=', tree.dcUnion.id).executeTakeFirstOrThrow()).path,
    );
    const regs = await signUpAll(event, await members(N, 'two-scanners'));
    const tokens = regs.map((id) => signer.sign({ r: regionId, i: id, s: sessionId, v: 1 }));
    // Locks taken in scan order would cross here (PostgreSQL would abort one sync as a deadlock); one (region, id) order does not.
    const [first, second] = await Promise.all([
      sync(
        event,
        tokens.map((t) => scan(t, 'gate-east')),
      ),
      sync(
        event,
        [...tokens].reverse().map((t) => scan(t, 'gate-west')),
      ),
    ]);
    expect([first.statusCode, second.statusCode], first.body + second.body).toEqual([200, 200]);
    const outcomes = [...first.json<SyncResult>().items, ...second.json<SyncResult>().items].map((i) => i.outcome);
    expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(N);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(N);
    // Answered in the order each scanner sent them.
    expect(second.json<SyncResult>().items.map((i) => i.registrationId)).toEqual([...regs].reverse());
    const attended = await ctx.database.db
      .selectFrom('event_registration')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('session_id', '=', sessionId)
      .where('status', '=', 'attended')
      .executeTakeFirstOrThrow();
    expect(Number(attended.n)).toBe(N);
  });
});
