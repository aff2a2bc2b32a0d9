import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { regionOfPath } from '../auth/tree.js';
import { insertEvent, insertNodes, insertSessions } from '../modules/events/events.repo.js';
import type { PiiCipher } from '../crypto/pii.js';
import { maskPhone } from '../../common/identity.js';
import { storeGrouping } from '../modules/events/events.grouping.service.js';

export const TECH_LINE_TITLE = '“科技+杏福”职工走进科技企业';
export const MATCHMAKING_TITLE = '燕缘际会·青年职工交友联谊';
/** 33 trips (班次) to 15 tech firms, 1,500 workers in all (the seed pages' figures). */
export const TECH_LINE = { sessions: 33, workers: 1500, firms: 15 } as const;
/** 800 sign-ups from 126 units for 300 places, chosen by points ranking. */
export const MATCHMAKING = { signUps: 800, units: 126, places: 300 } as const;
export const PSYCHOLOGY_CLASS_TITLE = '职工心理健康团体辅导课';
/** The psychology class split its 48 sign-ups at random into 6 groups; the seed is fixed so the demo stays the same. */
export const PSYCHOLOGY_CLASS = { signUps: 48, groups: 6, capacity: 50, seed: 'gonghui-demo 心理健康 2026' } as const;

const FIRMS = [
  '百度科技园',
  '联想全球总部',
  '小米科技园',
  '字节跳动（中关村）',
  '京东方科技集团',
  '中关村软件园',
  '新浪总部大厦',
  '网易北京研发中心',
  '快手总部',
  '美团（望京）',
  '滴滴出行总部',
  '寒武纪科技',
  '商汤科技北京',
  '旷视科技',
  '华为北京研究所',
] as const;

type Node = { id: number; path: string };

/**
 * The demo's events (issue #13): 海淀区总工会's “科技+杏福” line — 33 trips to 15 tech firms carrying 1,500 workers —
 * and the matchmaking event 燕缘际会 (800 sign-ups from 126 units for 300 places, ranked by points; the cadre runs the
 * selection, so they wait as entries) — and a 心理健康 class whose 48 sign-ups are grouped at random into 6 groups of 8.
 * Idempotent: the events are made once (in seedDemo), the sign-ups once the demo members of 海淀 exist (again after
 * the members are in). Bulk statements: a cold start stays fast.
 */
export async function seedEvents(db: Kysely<DB> | Transaction<DB>): Promise<void> {
  const haidian = await haidianOf(db);
  if (!haidian) return;
  const tech = await ensureEvent(db, haidian, TECH_LINE_TITLE, async (tx) => {
    const id = await insertHaidianEvent(tx, haidian, {
      kind: 'outing',
      title: TECH_LINE_TITLE,
      description: '组织海淀区职工乘班车走进15家科技企业，参观研发中心、体验新技术，并开展青年职工联谊。',
      selection: 'first_come',
    });
    // 33 trips from May to July 2026, three a week; 18 of 46 seats and 15 of 45 (1,518 seats for 1,500 workers).
    const sessions = Array.from({ length: TECH_LINE.sessions }, (_, i) => {
      const day = new Date(Date.UTC(2026, 4, 6 + Math.floor(i / 3) * 7 + (i % 3) * 2));
      const on = day.toISOString().slice(0, 10);
      return {
        startsAt: `${on}T09:00:00+08:00`,
        endsAt: `${on}T16:00:00+08:00`,
        place: `${FIRMS[i % FIRMS.length]}（班次 ${i + 1}）`,
        capacity: i < 18 ? 46 : 45,
        opensAt: '2026-04-20T09:00:00+08:00',
        closesAt: `${on}T00:00:00+08:00`,
      };
    });
    await insertSessions(tx, id, sessions);
    return id;
  });
  const match = await ensureEvent(db, haidian, MATCHMAKING_TITLE, async (tx) => {
    const id = await insertHaidianEvent(tx, haidian, {
      kind: 'matchmaking',
      title: MATCHMAKING_TITLE,
      description: '面向单身青年职工的线上报名、线下联谊活动：按活动积分排名确定300名线下参加人员。',
      selection: 'points_ranking',
    });
    await insertSessions(tx, id, [
      {
        startsAt: '2026-12-19T14:00:00+08:00',
        endsAt: '2026-12-19T18:00:00+08:00',
        place: '中关村国家自主创新示范区展示中心',
        capacity: MATCHMAKING.places,
        opensAt: '2026-11-01T09:00:00+08:00',
        closesAt: '2026-11-30T00:00:00+08:00',
      },
    ]);
    return id;
  });
  const psychology = await ensureEvent(db, haidian, PSYCHOLOGY_CLASS_TITLE, async (tx) => {
    const id = await insertHaidianEvent(tx, haidian, {
      kind: 'care',
      title: PSYCHOLOGY_CLASS_TITLE,
      description: '心理咨询师带领的团体辅导：报名职工随机分为6组，每组8人，开展情绪管理与压力疏导练习。',
      selection: 'first_come',
    });
    await insertSessions(tx, id, [
      {
        startsAt: '2026-11-14T14:00:00+08:00',
        endsAt: '2026-11-14T17:00:00+08:00',
        place: '海淀区职工心理驿站',
        capacity: PSYCHOLOGY_CLASS.capacity,
        opensAt: '2026-10-20T09:00:00+08:00',
        closesAt: '2026-11-13T00:00:00+08:00',
      },
    ]);
    return id;
  });
  await signUpTechLine(db, tech, haidian);
  await enterMatchmaking(db, match, haidian);
  await signUpPsychologyClass(db, psychology, haidian);
}

/** 48 members of 海淀's units confirmed for the class, then grouped 6 × 8 through the grouping service (fixed seed). */
async function signUpPsychologyClass(db: Kysely<DB> | Transaction<DB>, eventId: number, haidian: Node): Promise<void> {
  if (await hasRegistrations(db, eventId)) return;
  const session = await db.selectFrom('event_session').select('id').where('event_id', '=', eventId).executeTakeFirstOrThrow();
  const members = await membersOf(db, haidian, PSYCHOLOGY_CLASS.signUps, 'm.id');
  if (members.length < PSYCHOLOGY_CLASS.signUps) return;
  // The sign-ups and their grouping in one transaction: a second run finds both or neither.
  const write = async (tx: Transaction<DB>) => {
    await insertRegistrations(
      tx,
      eventId,
      'seed:xl',
      members.map((m) => ({ ...m, sessionId: session.id, status: 'confirmed' })),
    );
    await storeGrouping(tx, { id: eventId }, session.id, { groups: PSYCHOLOGY_CLASS.groups, seed: PSYCHOLOGY_CLASS.seed, createdBy: null });
  };
  await (db.isTransaction ? write(db as Transaction<DB>) : db.transaction().execute(write));
}

async function ensureEvent(
  db: Kysely<DB> | Transaction<DB>,
  owner: Node,
  title: string,
  make: (tx: Transaction<DB>) => Promise<number>,
): Promise<number> {
  const found = await db.selectFrom('event').select('id').where('org_id', '=', owner.id).where('title', '=', title).executeTakeFirst();
  if (found) return found.id;
  return db.isTransaction ? make(db as Transaction<DB>) : db.transaction().execute(make);
}

/** 1,500 members of 海淀's units, one each, filling the trips in order; nothing when the sign-ups are already there. */
async function signUpTechLine(db: Kysely<DB> | Transaction<DB>, eventId: number, haidian: Node): Promise<void> {
  if (await hasRegistrations(db, eventId)) return;
  const sessions = await db.selectFrom('event_session').select(['id', 'capacity']).where('event_id', '=', eventId).orderBy('id').execute();
  const members = await membersOf(db, haidian, TECH_LINE.workers, 'm.id');
  if (members.length < TECH_LINE.workers) return;
  // Fill the trips in order, leaving the last seats of each free: 1,500 over 33 trips.
  const base = Math.floor(TECH_LINE.workers / sessions.length);
  const extra = TECH_LINE.workers - base * sessions.length;
  const rows: Registration[] = [];
  let next = 0;
  for (const [i, s] of sessions.entries()) {
    const take = Math.min(s.capacity, base + (i < extra ? 1 : 0));
    for (const m of members.slice(next, next + take)) rows.push({ ...m, sessionId: s.id, status: 'confirmed' });
    next += take;
  }
  await insertRegistrations(db, eventId, 'seed:xf', rows);
}

/** 800 entries from 126 of 海淀's units, waiting for the cadre's ranking (entries: nobody holds a place before it). */
async function enterMatchmaking(db: Kysely<DB> | Transaction<DB>, eventId: number, haidian: Node): Promise<void> {
  if (await hasRegistrations(db, eventId)) return;
  const session = await db.selectFrom('event_session').select('id').where('event_id', '=', eventId).executeTakeFirstOrThrow();
  // The 126 units with most members; one entry from each first, then the rest in turn.
  const { rows } = await sql<Member & { rank: number }>`
    WITH units AS (
      SELECT org_id FROM member WHERE region_id = ${regionOfPath(haidian.path)} AND status = 'member' AND org_path <@ ${haidian.path}::ltree
       GROUP BY org_id ORDER BY count(*) DESC, org_id LIMIT ${MATCHMAKING.units})
    SELECT m.region_id, m.id, m.org_id, m.org_path::text AS org_path,
           row_number() OVER (PARTITION BY m.org_id ORDER BY m.id DESC)::int AS rank
      FROM member m JOIN units u ON u.org_id = m.org_id
     WHERE m.region_id = ${regionOfPath(haidian.path)} AND m.status = 'member'
     ORDER BY rank, m.org_id
     LIMIT ${MATCHMAKING.signUps}`.execute(db);
  if (rows.length < MATCHMAKING.signUps || new Set(rows.map((r) => r.org_id)).size < MATCHMAKING.units) return;
  await insertRegistrations(
    db,
    eventId,
    'seed:yy',
    rows.map(({ rank: _rank, ...m }) => ({ ...m, sessionId: session.id, status: 'entered' })),
  );
}

type Member = { region_id: number; id: number; org_id: number; org_path: string };
type Registration = Member & { sessionId: number; status: 'confirmed' | 'entered' };

async function hasRegistrations(db: Kysely<DB>, eventId: number): Promise<boolean> {
  return !!(await db.selectFrom('event_registration').select('id').where('event_id', '=', eventId).limit(1).executeTakeFirst());
}

async function membersOf(db: Kysely<DB>, node: Node, limit: number, order: 'm.id'): Promise<Member[]> {
  return db
    .selectFrom('member as m')
    .select(['m.region_id', 'm.id', 'm.org_id', sql<string>`m.org_path::text`.as('org_path')])
    .where('m.region_id', '=', regionOfPath(node.path))
    .where('m.status', '=', 'member')
    .where(sql<boolean>`m.org_path <@ ${node.path}::ltree`)
    .orderBy(order)
    .limit(limit)
    .execute();
}

/**
 * The registrations in one statement, each session's held places raised with them (the same seat count as a sign-up),
 * their confirmations marked as seeded.
 */
async function insertRegistrations(db: Kysely<DB>, eventId: number, keyPrefix: string, rows: readonly Registration[]): Promise<void> {
  const write = async (tx: Transaction<DB>) => {
    await sql`
      INSERT INTO event_registration (region_id, event_id, session_id, member_id, org_id, org_path, status, waitlist_seq, request_key)
      SELECT r.region_id, ${eventId}::bigint, r.session_id, r.member_id, r.org_id, r.org_path::ltree, r.status,
             NULL, ${keyPrefix} || ':' || r.member_id
        FROM unnest(${rows.map((r) => r.region_id)}::bigint[], ${rows.map((r) => r.sessionId)}::bigint[],
                    ${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.org_id)}::bigint[],
                    ${rows.map((r) => r.org_path)}::text[], ${rows.map((r) => r.status)}::text[])
             WITH ORDINALITY AS r(region_id, session_id, member_id, org_id, org_path, status, n)
       ORDER BY r.n`.execute(tx);
    await sql`
      UPDATE event_session s SET confirmed = c.n
        FROM (SELECT session_id, count(*)::int AS n FROM event_registration
               WHERE event_id = ${eventId} AND status IN ('offered', 'confirmed', 'attended') GROUP BY session_id) c
       WHERE s.id = c.session_id`.execute(tx);
    await markSeeded(tx, eventId);
  };
  await (db.isTransaction ? write(db as Transaction<DB>) : db.transaction().execute(write));
}

export const GIG_EVENT_TITLE = '新就业形态劳动者专场·职工之家开放日';
/** Named gig workers (非会员) of the 海淀 open day: not yet in a union, invited by 海淀区总工会; the first is signed up. */
export const GIG_GUESTS = [
  { name: '刘师傅', phone: '13700108001', note: '外卖骑手' },
  { name: '马师傅', phone: '13700108002', note: '外卖骑手' },
  { name: '杨师傅', phone: '13700108003', note: '快递员' },
  { name: '何师傅', phone: '13700108004', note: '快递员' },
] as const;

/**
 * The demo's named non-members (#13): an open first-come event of 海淀 for gig workers, four of them named with sealed
 * phones (the cipher is the app's, so the loader that holds it calls this), one signed up. Idempotent: the event and
 * its guests are made once.
 */
export async function seedEventGuests(db: Kysely<DB>, cipher: PiiCipher): Promise<void> {
  const haidian = await haidianOf(db);
  if (!haidian) return;
  const eventId = await ensureEvent(db, haidian, GIG_EVENT_TITLE, async (tx) => {
    const id = await insertHaidianEvent(tx, haidian, {
      kind: 'care',
      title: GIG_EVENT_TITLE,
      description: '面向外卖骑手、快递员等新就业形态劳动者：职工之家开放、免费体检与入会咨询，未入会的劳动者也可由工会登记报名。',
      selection: 'first_come',
    });
    await insertSessions(tx, id, [
      {
        startsAt: '2027-03-20T14:00:00+08:00',
        endsAt: '2027-03-20T17:00:00+08:00',
        place: '海淀区职工之家（新就业形态劳动者服务站）',
        capacity: 60,
        opensAt: '2026-11-01T09:00:00+08:00',
        closesAt: '2027-03-19T00:00:00+08:00',
      },
    ]);
    return id;
  });
  const named = await db.selectFrom('event_guest').select('id').where('event_id', '=', eventId).limit(1).executeTakeFirst();
  if (named) return;
  await db.transaction().execute(async (tx) => {
    const region = regionOfPath(haidian.path);
    const ids: number[] = [];
    for (const g of GIG_GUESTS) {
      const row = await tx
        .insertInto('event_guest')
        .values({
          region_id: region,
          event_id: eventId,
          org_id: haidian.id,
          org_path: haidian.path,
          name: g.name,
          phone_enc: cipher.encrypt(g.phone),
          phone_bidx: cipher.blindIndex('phone', g.phone),
          phone_masked: maskPhone(g.phone),
          note: g.note,
          created_by: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    const session = await tx.selectFrom('event_session').select('id').where('event_id', '=', eventId).executeTakeFirstOrThrow();
    await tx
      .insertInto('event_registration')
      .values({
        region_id: region,
        event_id: eventId,
        session_id: session.id,
        guest_id: ids[0]!,
        org_id: haidian.id,
        org_path: haidian.path,
        status: 'confirmed',
        request_key: 'seed:gig:1',
      })
      .execute();
    await markSeeded(tx, eventId);
    await tx
      .updateTable('event_session')
      .set({ confirmed: sql`confirmed + 1` })
      .where('id', '=', session.id)
      .execute();
  });
}

/** Sign-ups made before the platform ran: the notification scan sends them no confirmation (0048). */
async function markSeeded(tx: Kysely<DB>, eventId: number): Promise<void> {
  await sql`
    INSERT INTO event_notification (region_id, registration_id, kind, outcome)
    SELECT region_id, id, 'confirmed', 'seeded' FROM event_registration WHERE event_id = ${eventId} AND status = 'confirmed'
    ON CONFLICT DO NOTHING`.execute(tx);
}

/** 海淀区总工会, the owner of every demo event (undefined before the tree is loaded). */
async function haidianOf(db: Kysely<DB>): Promise<Node | undefined> {
  return db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('kind', '=', 'district_federation')
    .where('region_code', '=', '110108')
    .executeTakeFirst();
}

/** A demo event of 海淀, open to its whole subtree, places given at once (promotion auto). */
async function insertHaidianEvent(
  tx: Kysely<DB>,
  haidian: Node,
  e: Pick<Parameters<typeof insertEvent>[1], 'kind' | 'title' | 'description' | 'selection'>,
): Promise<number> {
  const id = await insertEvent(tx, {
    ...e,
    org_id: haidian.id,
    org_path: haidian.path,
    region_id: regionOfPath(haidian.path),
    promotion: 'auto',
    offer_hours: null,
  });
  await insertNodes(tx, 'event_audience', id, [haidian]);
  return id;
}
