import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, type OrgScope } from '../../auth/scope.js';

export type ReachPeriod = { underPath: string; from: string; to: string };

const dayStart = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const dayAfter = (day: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/**
 * Every person reached in the period, once per (region, person) — a member by id, a guest (0047) by their phone's blind
 * index, so one gig worker named on several events counts once — and attributed to the union of the registration or
 * attendance: confirmed or attended registrations of event sessions, and training attendance (read here, not through
 * the training module, because the one distinct count must span both).
 */
function reachedPeople(scope: OrgScope, p: ReachPeriod): RawBuilder<unknown> {
  return sql`
    SELECT r.region_id, coalesce('m' || r.member_id, 'g' || g.phone_bidx) AS person, r.org_path, 'event' AS source
      FROM event_registration r JOIN event_session s ON s.id = r.session_id
      LEFT JOIN event_guest g ON g.region_id = r.region_id AND g.id = r.guest_id
     WHERE r.status IN ('confirmed', 'attended') AND r.org_path <@ ${p.underPath}::ltree
       AND ${inScope(scope, sql.ref('r.org_path'))}
       AND s.starts_at >= ${dayStart(p.from)} AND s.starts_at < ${dayAfter(p.to)}
    UNION ALL
    SELECT a.region_id, 'm' || a.member_id AS person, a.org_path, 'training' AS source
      FROM training_attendance a JOIN training_session s ON s.id = a.training_session_id
     WHERE s.status <> 'cancelled' AND a.org_path <@ ${p.underPath}::ltree
       AND ${inScope(scope, sql.ref('a.org_path'))}
       AND s.starts_at >= ${dayStart(p.from)} AND s.starts_at < ${dayAfter(p.to)}`;
}

/** Distinct people reached, in all and by source. */
export async function countReached(db: Executor, scope: OrgScope, p: ReachPeriod) {
  const { rows } = await sql<{ people: number | string; event_people: number | string; training_people: number | string }>`
    SELECT count(DISTINCT (x.region_id, x.person)) AS people,
           count(DISTINCT (x.region_id, x.person)) FILTER (WHERE x.source = 'event') AS event_people,
           count(DISTINCT (x.region_id, x.person)) FILTER (WHERE x.source = 'training') AS training_people
      FROM (${reachedPeople(scope, p)}) x`.execute(db);
  return {
    people: Number(rows[0]?.people ?? 0),
    eventPeople: Number(rows[0]?.event_people ?? 0),
    trainingPeople: Number(rows[0]?.training_people ?? 0),
  };
}

/** People reached per child of the subtree's top, each once within the child. */
export async function reachedByChild(db: Executor, scope: OrgScope, p: ReachPeriod) {
  const { rows } = await sql<{ org_id: number | string; org_name: string; people: number | string }>`
    SELECT o.id AS org_id, o.name AS org_name, c.people
      FROM (SELECT ltree2text(subpath(x.org_path, nlevel(${p.underPath}::ltree), 1))::bigint AS child,
                   count(DISTINCT (x.region_id, x.person)) AS people
              FROM (${reachedPeople(scope, p)}) x
             WHERE nlevel(x.org_path) > nlevel(${p.underPath}::ltree)
             GROUP BY 1) c
      JOIN org_unit o ON o.id = c.child
     ORDER BY c.people DESC, o.id
     LIMIT 100`.execute(db);
  return rows.map((r) => ({ orgId: Number(r.org_id), orgName: r.org_name, people: Number(r.people) }));
}

/** Sign-ups of the period's sessions, and the attendance of those already over. */
export async function signUpsAndAttendance(db: Executor, scope: OrgScope, p: ReachPeriod) {
  const { rows } = await sql<{ sign_ups: number | string; attended: number | string; expected: number | string }>`
    SELECT count(*) AS sign_ups,
           count(*) FILTER (WHERE r.status = 'attended') AS attended,
           count(*) FILTER (WHERE r.status IN ('attended', 'no_show') OR (r.status = 'confirmed' AND s.ends_at <= now())) AS expected
      FROM event_registration r JOIN event_session s ON s.id = r.session_id
     WHERE r.org_path <@ ${p.underPath}::ltree AND ${inScope(scope, sql.ref('r.org_path'))}
       AND s.starts_at >= ${dayStart(p.from)} AND s.starts_at < ${dayAfter(p.to)}`.execute(db);
  return {
    signUps: Number(rows[0]?.sign_ups ?? 0),
    attended: Number(rows[0]?.attended ?? 0),
    expected: Number(rows[0]?.expected ?? 0),
  };
}
