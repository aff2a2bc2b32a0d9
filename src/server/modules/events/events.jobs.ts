import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { runEvery, type JobLog } from '../../http/periodic.js';
import { expireOffers } from './events.promotion.js';

/** How often the server expires waitlist offers that ran out. */
export const EVENTS_JOB_INTERVAL_MS = 60_000;

/**
 * Runs the offer expiry every EVENTS_JOB_INTERVAL_MS, one run at a time. Started when the server listens (never in
 * tests, which inject and call `expireOffers` themselves), stopped when the app closes. Idempotent: an offer expires
 * once, and two processes claim different rows (SKIP LOCKED).
 */
export function scheduleEventJobs(db: Kysely<DB>, log: JobLog, intervalMs = EVENTS_JOB_INTERVAL_MS): { stop(): void } {
  return runEvery(
    intervalMs,
    async () => {
      const expired = await expireOffers(db);
      if (expired > 0) log.info({ expired }, 'events: waitlist offers expired and passed on');
    },
    log,
    'events offer expiry failed',
  );
}
