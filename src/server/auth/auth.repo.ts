import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function recordFailedLogin(db: Executor, userId: number, maxFailures: number, lockoutMinutes: number) {
  return db
    .updateTable('app_user')
    .set({
      failed_logins: sql`failed_logins + 1`,
      locked_until: sql`CASE WHEN failed_logins + 1 >= ${maxFailures}
                          THEN now() + make_interval(mins => ${lockoutMinutes}) ELSE locked_until END`,
    })
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
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
    .select(['s.id_hash', 's.user_id', 's.last_seen_at', 'u.username', 'u.display_name'])
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
