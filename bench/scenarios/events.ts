/**
 * Events (活动, issue #13) on a fresh store, each figure beside a baseline measured in the same run.
 *
 * ── First-come sign-ups through HTTP at 50 connections ─────────────────────────────────────────────────────────
 * Members of one union under 东城, each signed in on the phone pages (a member session opened for each, as the
 * one-time code sign-in leaves it), fire `POST /api/portal/events/registrations` with body `{ sessionId, key }`:
 * every request a different member (its own `gh_msid` cookie) and a fresh idempotency key. A FIXED NUMBER of
 * sign-ups (BENCH_EVENTS_SIGNUPS; 2,000 by default, 500 with --quick), not a duration: each member signs up once per
 * event. Two figures: (a) a session whose capacity holds everyone (all confirmed), after a tenth more as an
 * unmeasured warm-up; (b) a session of 300 places: the first 300 confirmed, the rest to the waitlist. Load generator:
 * autocannon at 50 connections in a child process (bench/lib/load-list.ts, programmatic because each request carries
 * its own body and cookie). Baseline: the bare primary-key route of http.ts (`SELECT * FROM org_unit WHERE id = $1`)
 * on the same database, the same number of requests at 50 connections, run before and after, the better kept.
 * Afterwards the counts must be exact: (a) every member confirmed, (b) 300 confirmed and the rest waitlisted.
 *
 * ── Check-in sync of 1,500 offline scans ─────────────────────────────────────────────────────────────────────────
 * As events.checkin.test.ts: 1,300 members signed up in bulk on a session whose event awards 5 分 per attendance,
 * the scanner's pack downloaded, then 100 registrations cancelled while the scanner is offline; the 1,500 scans are
 * 1,200 valid tickets, 200 of them scanned again on a second phone and the 100 cancelled ones. One
 * `POST /api/events/:id/sessions/:sessionId/check-in/sync` with all 1,500 (timed from the request to the parsed
 * answer), then the same 1,500 re-sent (a phone that lost the answer: nothing counted or awarded twice). Baseline:
 * 1,500 primary-key reads of those registrations one after another on the same database (the floor of touching
 * each scan's row once). Afterwards: 1,200 accepted, 200 duplicates, 100 cancelled while offline, the re-sync answers
 * identical, 1,200 attended and 1,200 attendance awards.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { buildApp } from '../../src/server/app.js';
import { regionOfPath } from '../../src/server/auth/tree.js';
import { openMemberSession, MEMBER_SESSION_COOKIE } from '../../src/server/auth/member-session.js';
import { loadMasterSecret } from '../../src/server/crypto/pii.js';
import { createProgramme, fundProgramme } from '../../src/server/modules/points/programmes.service.js';
import { createTicketSigner } from '../../src/server/modules/events/events.tickets.js';
import type { ScanInput } from '../../src/common/events.checkin.js';
import { actorOn } from '../lib/actors.js';
import { figure, freshStore, say, type Engine, type Figure, type Section } from '../lib/context.js';
import { runList, type ListResult } from '../lib/load-list.js';
import setupUnion from '../setup-union.js';
import { bareApp, signIn } from './http.js';
import { apiCall } from '../lib/call.js';

export type EventsOptions = {
  /** Sign-ups measured per figure (a fixed number of requests, each a different member). */
  signups: number;
  connections: number;
};

const WAITLIST_CAPACITY = 300;
const CHECKIN = { members: 1300, cancelled: 100, duplicates: 200 } as const;
const TIMEOUT_SECONDS = 120;

const EventCreated = z.object({ id: z.number(), sessions: z.array(z.object({ id: z.number() })).min(1) });
const BulkResult = z.object({ items: z.array(z.object({ outcome: z.string(), registrationId: z.number().nullable() })) });
const Pack = z.object({ tickets: z.array(z.object({ registrationId: z.number() })) });
const SyncAnswer = z.object({ items: z.array(z.object({ scanId: z.string(), outcome: z.string() })) });

export async function benchEvents(engine: Engine, options: EventsOptions): Promise<Section> {
  const { signups, connections } = options;
  if (!Number.isInteger(signups) || signups <= WAITLIST_CAPACITY)
    throw new Error(`events: sign-ups must be a whole number > ${WAITLIST_CAPACITY}`);
  const warmup = Math.max(50, Math.round(signups / 10));
  const store = await freshStore(engine, 'events');
  try {
    const unionId = await setupUnion(store.env);
    const database = await store.open();
    const { db } = database;
    const app = await buildApp(database, store.config, { logger: false });
    const bare = bareApp(database);
    try {
      const union = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', unionId).executeTakeFirstOrThrow();
      const district = await db
        .selectFrom('org_unit')
        .select(['id', 'path'])
        .where('id', '=', Number(union.path.split('.')[1]))
        .executeTakeFirstOrThrow();
      const regionId = regionOfPath(union.path);
      const memberCount = Math.max(warmup + signups, CHECKIN.members);
      say(`events: ${memberCount.toLocaleString('en')} members in ${union.path}`);
      await sql`
        INSERT INTO member (region_id, name, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date, status,
          org_id, org_path, join_date, employment_form)
        SELECT ${regionId}, '活动会员' || g, 'bench', 'bench-events-' || g, '110101********' || lpad((g % 10000)::text, 4, '0'),
          CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END, DATE '1990-01-01', 'member', ${union.id}, ${union.path}::ltree,
          DATE '2024-01-01', 'delivery_rider'
        FROM generate_series(1, ${memberCount}) g`.execute(db);
      const { rows: ids } = await sql<{ id: number }>`SELECT id FROM member WHERE org_id = ${union.id} ORDER BY id`.execute(db);

      const appBase = await app.listen({ port: 0, host: '127.0.0.1' });
      const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
      const adminPassword = store.config.adminPassword;
      if (!adminPassword) throw new Error('events: the store has no admin password (GONGHUI_ADMIN_PASSWORD)');
      const admin = await signIn(appBase, 'admin', adminPassword);
      const newEvent = async (title: string, capacity: number, extra: object = {}) =>
        EventCreated.parse(
          await apiCall('events', appBase, 'POST', '/api/events', admin, {
            orgId: district.id,
            kind: 'culture',
            title,
            sessions: [openSession(capacity)],
            ...extra,
          }),
        );

      // ── sign-ups ──
      say(`events: ${(warmup + signups).toLocaleString('en')} member sessions`);
      const cookies: string[] = [];
      for (let i = 0; i < warmup + signups; i += 50) {
        const batch = ids.slice(i, Math.min(i + 50, warmup + signups));
        const values = await Promise.all(
          batch.map((m) => openMemberSession(db, store.config, { memberId: m.id, regionId, ip: '127.0.0.1' })),
        );
        cookies.push(...values.map((v) => `${MEMBER_SESSION_COOKIE}=${v}`));
      }
      const roomy = await newEvent('职工观影活动（基准测试）', warmup + signups);
      const tight = await newEvent('职工春游活动（基准测试）', WAITLIST_CAPACITY);
      const signUpUrl = `${appBase}/api/portal/events/registrations`;
      const signUp = async (phase: string, sessionId: number, memberCookies: string[]): Promise<ListResult> => {
        say(`events: ${memberCookies.length.toLocaleString('en')} sign-ups, ${phase}`);
        return runList({
          url: signUpUrl,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          bodies: memberCookies.map((_, n) => JSON.stringify({ sessionId, key: `bench-${sessionId}-${n}` })),
          cookies: memberCookies,
          connections,
          amount: memberCookies.length,
          timeoutSeconds: TIMEOUT_SECONDS,
        });
      };
      const bareUrl = `${bareBase}/org/${district.id}`;
      const bareRun = async () => {
        say(`events: bare primary-key route, ${signups.toLocaleString('en')} requests`);
        return runList({ url: bareUrl, connections, amount: signups, timeoutSeconds: TIMEOUT_SECONDS });
      };
      const roomySession = roomy.sessions[0]!.id;
      const tightSession = tight.sessions[0]!.id;
      const warm = await signUp('warm-up', roomySession, cookies.slice(0, warmup));
      const bareFirst = await bareRun();
      const roomyRun = await signUp('capacity for all', roomySession, cookies.slice(warmup));
      const tightRun = await signUp(`capacity ${WAITLIST_CAPACITY}`, tightSession, cookies.slice(warmup));
      const bareLast = await bareRun();

      const counted = async (sessionId: number) => {
        const { rows } = await sql<{ status: string; n: number }>`
          SELECT status, count(*)::int AS n FROM event_registration WHERE session_id = ${sessionId} GROUP BY status`.execute(db);
        return Object.fromEntries(rows.map((r) => [r.status, r.n]));
      };
      const roomyCounts = await counted(roomySession);
      const tightCounts = await counted(tightSession);
      const roomyOk = roomyCounts.confirmed === warmup + signups && Object.keys(roomyCounts).length === 1;
      const tightOk = tightCounts.confirmed === WAITLIST_CAPACITY && tightCounts.waitlisted === signups - WAITLIST_CAPACITY;
      if (!roomyOk || !tightOk || [warm, roomyRun, tightRun].some((r) => r.non2xx + r.errors + r.timeouts > 0))
        throw new Error(`events: sign-ups not exact: ${JSON.stringify({ roomyCounts, tightCounts, roomyRun, tightRun, warm })}`);

      const bareRps = { name: 'bare Fastify PK route req/s', value: Math.max(bareFirst.requestsPerSecond, bareLast.requestsPerSecond) };
      const bareP99 = { name: 'bare Fastify PK route p99', value: Math.min(bareFirst.latencyMs.p99, bareLast.latencyMs.p99) };
      const n = signups.toLocaleString('en');
      const figures: Figure[] = [
        figure(`sign-ups, capacity for all (${n}) req/s`, roomyRun.requestsPerSecond, 'req/s', bareRps, 'higher'),
        figure(`sign-ups, capacity for all (${n}) p99`, roomyRun.latencyMs.p99, 'ms', bareP99, 'lower'),
        figure(`sign-ups, ${WAITLIST_CAPACITY} places + waitlist (${n}) req/s`, tightRun.requestsPerSecond, 'req/s', bareRps, 'higher'),
        figure(`sign-ups, ${WAITLIST_CAPACITY} places + waitlist (${n}) p99`, tightRun.latencyMs.p99, 'ms', bareP99, 'lower'),
      ];

      // ── check-in sync ──
      say('events: check-in, 1,300 sign-ups in bulk and the scanner pack');
      const actor = actorOn(district, 'union_cadre');
      const programme = await createProgramme(db, actor, {
        orgId: district.id,
        name: '活动签到积分',
        description: '',
        earnRules: { eventAttendance: 5 },
        capDay: null,
        capMonth: null,
        capYear: null,
        expiryRule: 'end_of_next_year',
        expiryMonths: null,
      });
      await fundProgramme(db, actor, programme.id, { key: 'bench:events:fund', amount: CHECKIN.members * 10 });
      const event = await newEvent('职工健步走（基准测试）', CHECKIN.members, { pointsProgrammeId: programme.id });
      const sessionId = event.sessions[0]!.id;
      const regs: number[] = [];
      const checkinIds = ids.slice(0, CHECKIN.members).map((m) => m.id);
      for (let i = 0; i < checkinIds.length; i += 500) {
        const done = BulkResult.parse(
          await apiCall('events', appBase, 'POST', `/api/events/${event.id}/registrations/bulk`, admin, {
            sessionId,
            key: `bench-checkin-${i}`,
            memberIds: checkinIds.slice(i, i + 500),
          }),
        );
        regs.push(...done.items.map((x) => x.registrationId ?? 0));
      }
      const pack = Pack.parse(
        await apiCall('events', appBase, 'GET', `/api/events/${event.id}/sessions/${sessionId}/check-in/pack`, admin),
      );
      if (pack.tickets.length !== CHECKIN.members || regs.includes(0))
        throw new Error(`events: ${pack.tickets.length} tickets in the pack`);
      const cancelled = regs.slice(0, CHECKIN.cancelled);
      for (const id of cancelled) await apiCall('events', appBase, 'POST', `/api/events/${event.id}/registrations/${id}/cancel`, admin);
      const signer = createTicketSigner(loadMasterSecret({ secret: store.config.secret, dataDir: store.config.dataDir }));
      const token = (id: number) => signer.sign({ r: regionId, i: id, s: sessionId, v: 1 });
      const scannedAt = new Date().toISOString();
      const scan = (id: number, deviceId: string): ScanInput => ({ scanId: randomUUID(), token: token(id), scannedAt, deviceId });
      const valid = regs.slice(CHECKIN.cancelled);
      const scans = [
        ...valid.map((id) => scan(id, 'phone-1')),
        ...valid.slice(0, CHECKIN.duplicates).map((id) => scan(id, 'phone-2')),
        ...cancelled.map((id) => scan(id, 'phone-1')),
      ];
      const syncUrl = `/api/events/${event.id}/sessions/${sessionId}/check-in/sync`;
      const timedSync = async () => {
        const started = performance.now();
        const answer = SyncAnswer.parse(await apiCall('events', appBase, 'POST', syncUrl, admin, { scans }));
        return { answer, seconds: (performance.now() - started) / 1000 };
      };
      say(`events: sync of ${scans.length.toLocaleString('en')} scans`);
      const first = await timedSync();
      say(`events: the same ${scans.length.toLocaleString('en')} scans again`);
      const again = await timedSync();
      const outcomes = (items: { outcome: string }[]) => {
        const out: Record<string, number> = {};
        for (const i of items) out[i.outcome] = (out[i.outcome] ?? 0) + 1;
        return out;
      };
      const firstOutcomes = outcomes(first.answer.items);
      const accepted = CHECKIN.members - CHECKIN.cancelled;
      const { rows: checked } = await sql<{ attended: number; awards: number }>`
        SELECT (SELECT count(*)::int FROM event_registration WHERE session_id = ${sessionId} AND status = 'attended') AS attended,
               (SELECT count(*)::int FROM points_transfer WHERE programme_id = ${programme.id}
                  AND transfer_key LIKE 'event-attendance:%') AS awards`.execute(db);
      if (
        scans.length !== 1500 ||
        firstOutcomes.accepted !== accepted ||
        firstOutcomes.duplicate !== CHECKIN.duplicates ||
        firstOutcomes.cancelled_while_offline !== CHECKIN.cancelled ||
        JSON.stringify(again.answer.items) !== JSON.stringify(first.answer.items) ||
        checked[0]?.attended !== accepted ||
        checked[0]?.awards !== accepted
      )
        throw new Error(`events: the sync is not exact: ${JSON.stringify({ firstOutcomes, checked: checked[0] })}`);

      say('events: the floor, 1,500 primary-key reads of the registrations');
      const readIds = [...valid, ...valid.slice(0, CHECKIN.duplicates), ...cancelled];
      const started = performance.now();
      for (const id of readIds) {
        await db
          .selectFrom('event_registration')
          .selectAll()
          .where('region_id', '=', regionId)
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      }
      const floorSeconds = (performance.now() - started) / 1000;
      const floor = { name: '1,500 PK reads one by one', value: readIds.length / floorSeconds };
      figures.push(
        figure(
          `check-in sync, ${scans.length.toLocaleString('en')} offline scans`,
          scans.length / first.seconds,
          'scans/s',
          floor,
          'higher',
        ),
        figure('the same scans re-synced (nothing new)', scans.length / again.seconds, 'scans/s', floor, 'higher'),
      );

      return {
        id: 'events',
        title: `Events: ${n} first-come sign-ups through HTTP (${connections} connections); check-in sync of ${scans.length.toLocaleString('en')} offline scans`,
        figures,
        details: {
          connections,
          signups,
          warmup,
          loadGenerator: 'autocannon (programmatic, bench/lib/load-list.ts) in a child process on the same machine',
          signUp: {
            route: 'POST /api/portal/events/registrations { sessionId, key } — each request its own member session and key',
            warmup: warm,
            capacityForAll: { capacity: warmup + signups, counts: roomyCounts, ...roomyRun },
            waitlist: { capacity: WAITLIST_CAPACITY, counts: tightCounts, ...tightRun },
          },
          bare: {
            route: 'GET /org/:id on a Fastify instance without plugins: SELECT * FROM org_unit WHERE id = $1',
            baseline: `${n} requests at ${connections} connections before and after the sign-ups; the higher req/s and lower p99 kept`,
            first: bareFirst,
            last: bareLast,
          },
          checkin: {
            route: 'POST /api/events/:id/sessions/:sessionId/check-in/sync with all scans in one body',
            scans: scans.length,
            registrations: CHECKIN.members,
            cancelledWhileOffline: CHECKIN.cancelled,
            secondPhoneDuplicates: CHECKIN.duplicates,
            attendancePoints: 5,
            outcomes: firstOutcomes,
            syncSeconds: +first.seconds.toFixed(3),
            resyncSeconds: +again.seconds.toFixed(3),
            floorSeconds: +floorSeconds.toFixed(3),
            attended: checked[0]?.attended,
            attendanceAwards: checked[0]?.awards,
          },
        },
      };
    } finally {
      await app.close();
      await bare.close();
      await database.close();
    }
  } finally {
    await store.drop();
  }
}

/** A session open for sign-up since an hour ago until a year ahead (as events.fixtures.ts's openSession). */
function openSession(capacity: number) {
  const hour = 3_600_000;
  const now = Date.now();
  return {
    startsAt: new Date(now + 400 * 24 * hour).toISOString(),
    endsAt: new Date(now + 400 * 24 * hour + 2 * hour).toISOString(),
    place: '劳动人民文化宫',
    capacity,
    opensAt: new Date(now - hour).toISOString(),
    closesAt: new Date(now + 365 * 24 * hour).toISOString(),
  };
}
