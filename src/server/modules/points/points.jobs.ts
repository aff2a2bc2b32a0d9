import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { runEvery, type JobLog } from '../../http/periodic.js';
import { expireDue, voidTimedOut } from './points.ledger.js';

/** How often the server expires due lots and voids timed-out holds. */
export const POINTS_JOB_INTERVAL_MS = 60_000;

/**
 * One run of the points housekeeping: expire the lots whose expiry has passed, void the holds whose timeout has passed.
 * Both are idempotent in the ledger (keys `expire:lot:<id>`, `timeout:<id>`): running twice, or in two processes at
 * once, changes nothing more. Tests call this with the instant they want.
 */
export async function runPointsJobs(db: Kysely<DB>, now = new Date()): Promise<{ lots: number; points: number; voided: number }> {
  const expired = await expireDue(db, now);
  const { voided } = await voidTimedOut(db, now);
  return { ...expired, voided };
}

/**
 * Runs the housekeeping every POINTS_JOB_INTERVAL_MS, one run at a time (a slow run is not overlapped). Started when the
 * server listens (never in tests, which inject), stopped when the app closes.
 */
export function schedulePointsJobs(db: Kysely<DB>, log: JobLog, intervalMs = POINTS_JOB_INTERVAL_MS): { stop(): void } {
  return runEvery(
    intervalMs,
    async () => {
      const r = await runPointsJobs(db);
      if (r.lots + r.voided > 0) log.info(r, 'points: lots expired, holds voided');
    },
    log,
    'points housekeeping failed',
  );
}
