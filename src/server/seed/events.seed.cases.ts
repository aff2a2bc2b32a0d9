import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../deps.js';
import type { Database } from '../db/client.js';
import type { SeededDemo } from '../testing/seeded-demo.js';
import {
  GIG_EVENT_TITLE,
  GIG_GUESTS,
  MATCHMAKING,
  MATCHMAKING_TITLE,
  PSYCHOLOGY_CLASS,
  PSYCHOLOGY_CLASS_TITLE,
  seedEventGuests,
  seedEvents,
  TECH_LINE,
  TECH_LINE_TITLE,
} from './events.js';
import { sendEventNotifications } from '../modules/events/events.notify.js';
import { ticketSignerOf } from '../modules/events/events.tickets.js';
import { FINANCE_COURSE, seedTraining, TRAINING_PLAN } from './training.js';

/** The demo events and training on the seeded demo (demo.seed.test.ts), before matchmaking runs on 燕缘际会. */
export function eventsSeedCases(demo: () => SeededDemo): void {
  describe('the demo events and training at the seed pages’ scale', () => {
    let database: Database;

    beforeAll(async () => {
      database = demo().database;
      // What the background loader does once the members are in; twice, to show it adds nothing the second time.
      const { cipher } = createDeps(database, demo().config);
      await seedEvents(database.db);
      await seedEventGuests(database.db, cipher);
      await seedTraining(database.db);
      await seedEvents(database.db);
      await seedEventGuests(database.db, cipher);
      await seedTraining(database.db);
    }, 240_000);

    it('runs 海淀’s “科技+杏福” line: 33 trips to 15 firms carrying 1,500 confirmed workers of 海淀’s units', async () => {
      const { rows } = await sql<{
        owner: string;
        sessions: number;
        seats: number;
        held: number;
        confirmed: number;
        people: number;
        outside: number;
      }>`
      SELECT o.name AS owner,
             (SELECT count(*)::int FROM event_session s WHERE s.event_id = e.id) AS sessions,
             (SELECT sum(capacity)::int FROM event_session s WHERE s.event_id = e.id) AS seats,
             (SELECT sum(confirmed)::int FROM event_session s WHERE s.event_id = e.id) AS held,
             (SELECT count(*)::int FROM event_registration r WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed,
             (SELECT count(DISTINCT member_id)::int FROM event_registration r WHERE r.event_id = e.id) AS people,
             (SELECT count(*)::int FROM event_registration r WHERE r.event_id = e.id AND NOT r.org_path <@ o.path) AS outside
        FROM event e JOIN org_unit o ON o.id = e.org_id
       WHERE e.title = ${TECH_LINE_TITLE}`.execute(database.db);
      expect(rows).toEqual([
        {
          owner: '海淀区总工会',
          sessions: TECH_LINE.sessions,
          seats: rows[0]?.seats,
          held: 1500,
          confirmed: 1500,
          people: 1500,
          outside: 0,
        },
      ]);
      expect([TECH_LINE.sessions, TECH_LINE.workers]).toEqual([33, 1500]);
      expect(rows[0]!.seats).toBeGreaterThanOrEqual(1500);
      const firms = await sql<{ n: number }>`
      SELECT count(DISTINCT split_part(place, '（', 1))::int AS n FROM event_session s JOIN event e ON e.id = s.event_id
       WHERE e.title = ${TECH_LINE_TITLE}`.execute(database.db);
      expect(firms.rows[0]?.n).toBe(15);
    });

    it('sends no confirmation for the demo sign-ups on the first notification scan (they are marked seeded)', async () => {
      const deps = createDeps(database, demo().config);
      const confirmed = await database.db
        .selectFrom('event_registration')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('status', '=', 'confirmed')
        .executeTakeFirstOrThrow();
      expect(confirmed.n).toBeGreaterThanOrEqual(TECH_LINE.workers);
      const sent = await sendEventNotifications(
        database.db,
        { cipher: deps.cipher, messages: deps.messages, tickets: ticketSignerOf(deps.config) },
        new Date('2000-01-01T00:00:00Z'),
      );
      expect(sent.confirmed).toBe(0);
    });

    it('holds 燕缘际会’s 800 entries from 126 units for 300 places, waiting for the ranking', async () => {
      const { rows } = await sql<{
        kind: string;
        selection: string;
        places: number;
        held: number;
        entries: number;
        units: number;
        waiting: number;
      }>`
      SELECT e.kind, e.selection, s.capacity AS places, s.confirmed AS held,
             count(r.id)::int AS entries, count(DISTINCT r.org_id)::int AS units,
             count(r.id) FILTER (WHERE r.status = 'entered')::int AS waiting
        FROM event e JOIN event_session s ON s.event_id = e.id LEFT JOIN event_registration r ON r.session_id = s.id
       WHERE e.title = ${MATCHMAKING_TITLE}
       GROUP BY e.kind, e.selection, s.capacity, s.confirmed`.execute(database.db);
      expect(rows).toEqual([
        { kind: 'matchmaking', selection: 'points_ranking', places: 300, held: 0, entries: 800, units: 126, waiting: 800 },
      ]);
      expect(MATCHMAKING).toEqual({ signUps: 800, units: 126, places: 300 });
    });

    it('groups the 心理健康 class’s 48 confirmed sign-ups at random into 6 groups of 8, once however often the seed runs', async () => {
      const { rows } = await sql<{ kind: string; groupings: number; groups: number; people: number; confirmed: number }>`
      SELECT e.kind, count(DISTINCT g.id)::int AS groupings, max(g.groups)::int AS groups, max(g.people)::int AS people,
             (SELECT count(*)::int FROM event_registration r WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed
        FROM event e JOIN event_grouping g ON g.event_id = e.id
       WHERE e.title = ${PSYCHOLOGY_CLASS_TITLE}
       GROUP BY e.id, e.kind`.execute(database.db);
      expect(rows).toEqual([{ kind: 'care', groupings: 1, groups: 6, people: 48, confirmed: 48 }]);
      const sizes = await sql<{ group_no: number; n: number; registrations: number }>`
      SELECT m.group_no, count(*)::int AS n, count(DISTINCT m.registration_id)::int AS registrations
        FROM event_grouping_member m JOIN event_grouping g ON g.id = m.grouping_id JOIN event e ON e.id = g.event_id
       WHERE e.title = ${PSYCHOLOGY_CLASS_TITLE}
       GROUP BY m.group_no ORDER BY m.group_no`.execute(database.db);
      expect(sizes.rows.map((r) => [r.group_no, r.n])).toEqual([1, 2, 3, 4, 5, 6].map((g) => [g, 8]));
      expect(sizes.rows.reduce((sum, r) => sum + r.registrations, 0)).toBe(PSYCHOLOGY_CLASS.signUps);
    });

    it('plans 30 送教 sessions for the city with 劳模宣讲团 teachers, a finance course, and attendance at the held ones', async () => {
      const { rows } = await sql<{
        owner: string;
        planned: number;
        sessions: number;
        held: number;
        finance: number;
        model: number;
        attended: number;
      }>`
      SELECT o.name AS owner, p.planned_sessions AS planned,
             (SELECT count(*)::int FROM training_session s JOIN training_course c ON c.id = s.course_id WHERE c.plan_id = p.id) AS sessions,
             (SELECT count(*)::int FROM training_session s JOIN training_course c ON c.id = s.course_id
               WHERE c.plan_id = p.id AND s.status = 'held') AS held,
             (SELECT count(*)::int FROM training_course c WHERE c.plan_id = p.id AND c.title = ${FINANCE_COURSE}) AS finance,
             (SELECT count(*)::int FROM teacher t WHERE t.org_id = p.org_id AND t.kind = 'model_worker') AS model,
             (SELECT count(*)::int FROM training_attendance a JOIN training_session s ON s.id = a.training_session_id
                JOIN training_course c ON c.id = s.course_id WHERE c.plan_id = p.id) AS attended
        FROM training_plan p JOIN org_unit o ON o.id = p.org_id WHERE p.year = ${TRAINING_PLAN.year}`.execute(database.db);
      expect(rows).toEqual([
        {
          owner: '北京市总工会',
          planned: 30,
          sessions: 30,
          held: TRAINING_PLAN.held,
          finance: 1,
          model: 3,
          attended: TRAINING_PLAN.held * TRAINING_PLAN.perSession,
        },
      ]);
      const bookings = await sql<{ n: number }>`SELECT count(*)::int AS n FROM teacher_booking`.execute(database.db);
      expect(bookings.rows[0]?.n).toBe(30);
    });

    it('names four gig workers (非会员) on 海淀’s open day, phones sealed, one signed up', async () => {
      const event = await database.db
        .selectFrom('event')
        .select(['id', 'status', 'selection'])
        .where('title', '=', GIG_EVENT_TITLE)
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ status: 'open', selection: 'first_come' });
      const guests = await database.db.selectFrom('event_guest').selectAll().where('event_id', '=', event.id).orderBy('id').execute();
      expect(guests.map((g) => g.note)).toEqual(GIG_GUESTS.map((g) => g.note));
      for (const [i, g] of guests.entries()) {
        expect(JSON.stringify(g)).not.toContain(GIG_GUESTS[i]!.phone);
        expect(g.phone_masked).toBe(`137****${GIG_GUESTS[i]!.phone.slice(-4)}`);
      }
      const regs = await database.db
        .selectFrom('event_registration')
        .select(['guest_id', 'status'])
        .where('event_id', '=', event.id)
        .execute();
      expect(regs).toEqual([{ guest_id: guests[0]!.id, status: 'confirmed' }]);
    });
  });
}
