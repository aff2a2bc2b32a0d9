import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { runEvery, type JobLog } from '../../http/periodic.js';
import { purgePastRetention } from './matchmaking.service.js';

/** How often the server purges matchmaking data past its retention. */
export const MATCHMAKING_JOB_INTERVAL_MS = 60 * 60_000;

/**
 * Runs the retention purge every MATCHMAKING_JOB_INTERVAL_MS on the events module's periodic runner, one run at a
 * time; started when the server listens (tests call `purgePastRetention` themselves). Idempotent: a purged event
 * has nothing left to purge.
 */
export function scheduleMatchmakingJobs(db: Kysely<DB>, log: JobLog, intervalMs = MATCHMAKING_JOB_INTERVAL_MS): { stop(): void } {
  return runEvery(
    intervalMs,
    async () => {
      const purged = await purgePastRetention(db);
      if (purged > 0) log.info({ purged }, 'matchmaking: profiles past retention deleted');
    },
    log,
    'matchmaking retention purge failed',
  );
}
