import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The throttle rows of a sign-in: the (username, IP) pair and the IP's total (username ''). */
export async function findLoginThrottle(db: Executor, username: string, ip: string) {
  return db
    .selectFrom('login_throttle')
    .select(['username', sql<boolean>`blocked_until IS NOT NULL AND blocked_until > now()`.as('is_blocked')])
    .where('ip', '=', ip)
    .where('username', 'in', [username, ''])
    .execute();
}

/**
 * Counts a failed sign-in for a throttle row; from `maxFailures` on, the row is refused for `blockMinutes`,
 * doubled for each further failure (at most a day). A quiet day forgets earlier failures.
 */
export async function recordLoginFailure(db: Executor, row: { username: string; ip: string; maxFailures: number; blockMinutes: number }) {
  const failures = sql<number>`CASE WHEN login_throttle.last_failure_at < now() - interval '1 day' THEN 1 ELSE login_throttle.failures + 1 END`;
  const block = (n: typeof failures | number) =>
    sql<string | null>`CASE WHEN (${n})::int >= ${row.maxFailures}::int
          THEN now() + least(make_interval(mins => ${row.blockMinutes}::int) * power(2, least((${n})::int - ${row.maxFailures}::int, 10)),
                             interval '1 day')
          ELSE NULL END`;
  await db
    .insertInto('login_throttle')
    .values({ username: row.username, ip: row.ip, failures: 1, blocked_until: block(1) })
    .onConflict((oc) =>
      oc.columns(['username', 'ip']).doUpdateSet({ failures, last_failure_at: sql`now()`, blocked_until: block(failures) }),
    )
    .execute();
}

/** A successful sign-in forgets the failures of its (username, IP) pair; the IP's total stays. */
export async function clearLoginFailures(db: Executor, username: string, ip: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).where('ip', '=', ip).execute();
}

/** An administrator's password reset forgets every throttled (username, IP) pair of the account. */
export async function clearLoginFailuresOfUsername(db: Executor, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).execute();
}

export async function recordSuccessfulLogin(db: Executor, userId: number): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null, last_login_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(
  db: Executor,
  session: { idHash: string; userId: number; absoluteHours: number; ip: string; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      expires_at: sql<string>`now() + make_interval(hours => ${session.absoluteHours})`,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

/** The live session and its enabled user; idle and absolute expiry are checked in the query. */
export async function findLiveSession(db: Executor, idHash: string, idleMinutes: number) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id_hash', 's.user_id', 's.last_seen_at', 'u.username', 'u.display_name', 'u.must_change_password'])
    .select(sql<boolean>`s.last_seen_at < now() - interval '1 minute'`.as('needs_touch'))
    .where('s.id_hash', '=', idHash)
    .where('u.is_disabled', '=', false)
    .where(sql<boolean>`s.expires_at > now()`)
    .where(sql<boolean>`s.last_seen_at > now() - make_interval(mins => ${idleMinutes})`)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, idHash: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: sql`now()` })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

/** Ends every session of a user but the one given (the caller's own, after a password change). */
export async function deleteOtherSessionsOfUser(db: Executor, userId: number, keepIdHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).where('id_hash', '<>', keepIdHash).execute();
}

export async function setPassword(db: Executor, userId: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: false, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function deleteExpiredSessions(db: Executor, idleMinutes: number): Promise<number> {
  const result = await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([sql<boolean>`expires_at <= now()`, sql<boolean>`last_seen_at <= now() - make_interval(mins => ${idleMinutes})`]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listGrantsOfUser(db: Executor, userId: number) {
  return db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.org_id', 'o.path', 'g.role', 'o.name', 'o.kind'])
    .where('g.user_id', '=', userId)
    .orderBy('g.id')
    .execute();
}
