import { sql } from 'kysely';
import type { OtpChallengeTable } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import type { Insertable } from 'kysely';

export async function insertChallenge(db: Executor, row: Insertable<OtpChallengeTable>): Promise<void> {
  await db.insertInto('otp_challenge').values(row).execute();
}

/**
 * Challenges asked for in the last hour for one phone and from one address, and seconds since the phone's newest
 * one for the same purpose (signing in and then consenting are two codes a minute apart at most).
 */
export async function recentChallenges(db: Executor, phoneBidx: string, ip: string, purpose: OtpChallengeTable['purpose']) {
  const { rows } = await sql<{ phone_hour: number; ip_hour: number; last_age: number | null }>`
    SELECT
      (SELECT count(*)::int FROM otp_challenge WHERE phone_bidx = ${phoneBidx} AND created_at > now() - interval '1 hour') AS phone_hour,
      (SELECT count(*)::int FROM otp_challenge WHERE ip = ${ip} AND created_at > now() - interval '1 hour') AS ip_hour,
      (SELECT extract(epoch FROM now() - max(created_at))::float8 FROM otp_challenge
        WHERE phone_bidx = ${phoneBidx} AND purpose = ${purpose} AND created_at > now() - interval '1 hour') AS last_age`.execute(db);
  return rows[0]!;
}

/**
 * Uses up a challenge whose code matches: the guard (not consumed, not expired, under the try limit, the same
 * purpose and subject) and the update are one statement, so a code opens at most once.
 */
export async function consumeChallenge(
  db: Executor,
  c: { regionId: number; id: string; codeHash: string; purpose: OtpChallengeTable['purpose']; subjectId: number | null; maxTries: number },
): Promise<{ member_id: number | null } | undefined> {
  return db
    .updateTable('otp_challenge')
    .set({ consumed_at: sql`now()`, attempts: sql`attempts + 1` })
    .where('region_id', '=', c.regionId)
    .where('id', '=', c.id)
    .where('code_hash', '=', c.codeHash)
    .where('purpose', '=', c.purpose)
    .where(sql<boolean>`subject_id IS NOT DISTINCT FROM ${c.subjectId}::bigint`)
    .where('consumed_at', 'is', null)
    .where('attempts', '<', c.maxTries)
    .where(sql<boolean>`expires_at > now()`)
    .where('member_id', 'is not', null)
    .returning('member_id')
    .executeTakeFirst();
}

/** Counts a wrong try against a live challenge; returns the member it was for, if any (for the audit entry). */
export async function countFailedTry(db: Executor, regionId: number, id: string, maxTries: number) {
  return db
    .updateTable('otp_challenge')
    .set({ attempts: sql`attempts + 1` })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('attempts', '<', maxTries)
    .returning(['member_id', 'attempts'])
    .executeTakeFirst();
}

export async function deleteOldChallenges(db: Executor): Promise<number> {
  const result = await db
    .deleteFrom('otp_challenge')
    .where(sql<boolean>`created_at < now() - interval '2 days'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
