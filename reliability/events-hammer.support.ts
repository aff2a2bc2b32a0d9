/**
 * Helpers of the events hammer: a copy of the migrated PGlite template, a crowd of members signed in on the phone
 * pages with a first-come event open to them, sign-ups over HTTP, and the registrations counted in SQL.
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { DB } from '../src/server/db/schema.js';
import type { Config } from '../src/server/config.js';
import { TEST_ADMIN_PASSWORD } from '../src/server/testing/template.js';
import { login } from '../src/server/testing/harness.js';
import { MEMBER_SESSION_COOKIE, openMemberSession } from '../src/server/auth/member-session.js';
import { regionOfPath } from '../src/server/auth/tree.js';
import { openSession } from '../src/server/modules/events/events.fixtures.js';
import type { EventDetail, MemberRegistration } from '../src/common/events.js';

export type Crowd = { eventId: number; sessionId: number; members: { id: number; cookie: string }[] };

/**
 * A district → street → union (through the API as admin), `count` members of the union with a member session each,
 * and a first-come event of the street with one session of `places` open now. The members are written directly and
 * their sessions opened directly (the code sign-in is tested in portal.test.ts); every request of the hammer then
 * carries a real member cookie.
 */
export async function prepareCrowd(app: FastifyInstance, db: Kysely<DB>, config: Config, count: number, places: number): Promise<Crowd> {
  const cookie = await login(app, 'admin', TEST_ADMIN_PASSWORD);
  const post = async <T>(url: string, payload: object): Promise<T> => {
    const response = await app.inject({ method: 'POST', url, payload, headers: { cookie } });
    if (response.statusCode !== 201) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };
  const district = await post<{ id: number }>('/api/orgs', { parentId: 1, kind: 'district_federation', name: '东城区总工会（活动压测）' });
  const street = await post<{ id: number }>('/api/orgs', {
    parentId: district.id,
    kind: 'street_federation',
    name: '东华门街道总工会（活动压测）',
  });
  const union = await post<{ id: number }>('/api/orgs', { parentId: street.id, kind: 'grassroots_union', name: '活动压测工会' });
  const unionRow = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', union.id).executeTakeFirstOrThrow();
  const region = regionOfPath(unionRow.path);
  const { rows } = await sql<{ id: number }>`
    INSERT INTO member (region_id, name, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date, status,
                        org_id, org_path, join_date)
    SELECT ${region}, '压测会员' || g, 'x', 'events-hammer-' || g, '1101**********' || lpad(g::text, 4, '0'), 'male',
           DATE '1990-01-01', 'member', ${unionRow.id}, ${unionRow.path}::ltree, CURRENT_DATE
      FROM generate_series(1, ${count}) g
    RETURNING id`.execute(db);
  const members: Crowd['members'] = [];
  for (const r of rows) {
    const value = await openMemberSession(db, config, { memberId: r.id, regionId: region, ip: '127.0.0.1' });
    members.push({ id: r.id, cookie: `${MEMBER_SESSION_COOKIE}=${value}` });
  }
  const event = await post<EventDetail>('/api/events', {
    orgId: street.id,
    kind: 'matchmaking',
    title: '青年职工交友活动（并发压测）',
    sessions: [openSession(places, '北京工人体育馆')],
  });
  return { eventId: event.id, sessionId: event.sessions[0]!.id, members };
}

/** An answer of the server: its status and body, or `null` when the connection failed before one arrived. */
export type Answer = { status: number; registration: MemberRegistration | undefined; body: string } | null;

/** POSTs a member's request over the network; a failed connection (refused, reset, killed server) answers null. */
export async function postAs(base: string, cookie: string, url: string, payload?: object): Promise<Answer> {
  try {
    const response = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { cookie, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
    const body = await response.text();
    const ok = response.status === 200 || response.status === 201;
    return { status: response.status, registration: ok ? (JSON.parse(body) as MemberRegistration) : undefined, body };
  } catch {
    return null;
  }
}

export type Counts = {
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  other: number;
  rows: number;
  /** The session's own counter of confirmed places. */
  counter: number;
  capacity: number;
  /** People with more than one active registration (waitlisted, offered, confirmed) in the session. */
  twice: number;
  /** Request keys that made more than one registration. */
  keysTwice: number;
};

/** The session's registrations counted in SQL. */
export async function countsOf(db: Kysely<DB>, sessionId: number): Promise<Counts> {
  const { rows } = await sql<Counts>`
    SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
           count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
           count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
           count(*) FILTER (WHERE status NOT IN ('confirmed', 'waitlisted', 'cancelled'))::int AS other,
           count(*)::int AS rows,
           (SELECT confirmed FROM event_session WHERE id = ${sessionId}) AS counter,
           (SELECT capacity FROM event_session WHERE id = ${sessionId}) AS capacity,
           (SELECT count(*)::int FROM (SELECT member_id FROM event_registration
              WHERE session_id = ${sessionId} AND status IN ('waitlisted', 'offered', 'confirmed')
              GROUP BY member_id HAVING count(*) > 1) d) AS twice,
           (SELECT count(*)::int FROM (SELECT member_id, request_key FROM event_registration
              WHERE session_id = ${sessionId} GROUP BY member_id, request_key HAVING count(*) > 1) k) AS "keysTwice"
      FROM event_registration WHERE session_id = ${sessionId}`.execute(db);
  return rows[0]!;
}

/** Status of each registration id of the session. */
export async function statusById(db: Kysely<DB>, sessionId: number): Promise<Map<number, string>> {
  const rows = await db.selectFrom('event_registration').select(['id', 'status']).where('session_id', '=', sessionId).execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}
