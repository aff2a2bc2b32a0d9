import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/executor.js';
import type { Config } from '../config.js';
import { AppError } from '../../common/errors.js';
import '../../common/portal.errors.js';
import { hashSessionId } from './auth.service.js';

/** The member pages' own cookie: a member session opens no cadre route, and a cadre session no member page. */
export const MEMBER_SESSION_COOKIE = 'gh_msid';

/** A worker signed in on the phone pages by a one-time code sent to the phone on their member record. */
export type MemberPrincipal = { memberId: number; regionId: number; ip: string };

/** The cookie carries the member's region in front of 256 random bits, so the session look-up goes to one shard. */
function parseCookie(value: string): { regionId: number; idHash: string } | null {
  const match = /^(\d{1,18})\.[A-Za-z0-9_-]{43}$/.exec(value);
  return match ? { regionId: Number(match[1]), idHash: hashSessionId(value) } : null;
}

export async function openMemberSession(
  db: Executor,
  config: Config,
  m: { memberId: number; regionId: number; ip: string },
): Promise<string> {
  const value = `${m.regionId}.${randomBytes(32).toString('base64url')}`;
  await db
    .insertInto('member_session')
    .values({
      region_id: m.regionId,
      id_hash: hashSessionId(value),
      member_id: m.memberId,
      expires_at: sql<string>`now() + make_interval(mins => ${config.memberSessionAbsoluteMinutes})`,
      ip: m.ip,
    })
    .execute();
  return value;
}

/** The member behind a cookie, or undefined when unknown, idle too long or past its absolute lifetime. */
export async function resolveMember(db: Executor, config: Config, cookie: string, ip: string): Promise<MemberPrincipal | undefined> {
  const parsed = parseCookie(cookie);
  if (!parsed) return undefined;
  const row = await db
    .updateTable('member_session')
    .set({ last_seen_at: sql`now()` })
    .where('region_id', '=', parsed.regionId)
    .where('id_hash', '=', parsed.idHash)
    .where(sql<boolean>`expires_at > now()`)
    .where(sql<boolean>`last_seen_at > now() - make_interval(mins => ${config.memberSessionIdleMinutes})`)
    .returning(['member_id', 'region_id'])
    .executeTakeFirst();
  return row ? { memberId: row.member_id, regionId: row.region_id, ip } : undefined;
}

export async function endMemberSession(db: Executor, cookie: string): Promise<void> {
  const parsed = parseCookie(cookie);
  if (!parsed) return;
  await db.deleteFrom('member_session').where('region_id', '=', parsed.regionId).where('id_hash', '=', parsed.idHash).execute();
}

/** Ends every session of a member (their phone on record changed, their membership lapsed). */
export async function endSessionsOfMember(db: Executor, regionId: number, memberId: number): Promise<void> {
  await db.deleteFrom('member_session').where('region_id', '=', regionId).where('member_id', '=', memberId).execute();
}

export async function deleteExpiredMemberSessions(db: Executor, idleMinutes: number): Promise<number> {
  const result = await db
    .deleteFrom('member_session')
    .where((eb) => eb.or([sql<boolean>`expires_at <= now()`, sql<boolean>`last_seen_at <= now() - make_interval(mins => ${idleMinutes})`]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The signed-in member, or a 401 telling the worker to sign in with a code. */
export function requireMember(request: FastifyRequest): MemberPrincipal {
  if (!request.member) throw new AppError('MEMBER_UNAUTHENTICATED');
  return request.member;
}
