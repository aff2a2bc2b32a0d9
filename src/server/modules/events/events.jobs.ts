import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { runEvery, type JobLog } from '../../http/periodic.js';
import { expireOffers, fillAfterWindow } from './events.promotion.js';

/** How often the server expires waitlist offers that ran out and fills places freed when a window closed. */
export const EVENTS_JOB_INTERVAL_MS = 60_000;

/**
 * Runs the offer expiry and the window-close fill every EVENTS_JOB_INTERVAL_MS, one run at a time. Started when the
 * server listens (never in tests, which inject and call `expireOffers` / `fillAfterWindow` themselves), stopped when
 * the app closes. Idempotent: an offer expires once, a place is taken by the guarded update, and two processes claim
 * different rows (SKIP LOCKED).
 */
export function scheduleEventJobs(db: Kysely<DB>, log: JobLog, intervalMs = EVENTS_JOB_INTERVAL_MS): { stop(): void } {
  return runEvery(
    intervalMs,
    async () => {
      const expired = await expireOffers(db);
      if (expired > 0) log.info({ expired }, 'events: waitlist offers expired and passed on');
      const filled = await fillAfterWindow(db);
      if (filled > 0) log.info({ filled }, 'events: places left when a window closed given to the waitlist');
    },
    log,
    'events offer expiry failed',
  );
}
