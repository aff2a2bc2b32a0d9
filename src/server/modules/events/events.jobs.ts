import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { expireOffers } from './events.promotion.js';

type Log = { info(details: object, message: string): void; error(details: object, message: string): void };

/** How often the server expires waitlist offers that ran out. */
export const EVENTS_JOB_INTERVAL_MS = 60_000;

/**
 * Runs the offer expiry every EVENTS_JOB_INTERVAL_MS, one run at a time. Started when the server listens (never in
 * tests, which inject and call `expireOffers` themselves), stopped when the app closes. Idempotent: an offer expires
 * once, and two processes claim different rows (SKIP LOCKED).
 */
export function scheduleEventJobs(db: Kysely<DB>, log: Log, intervalMs = EVENTS_JOB_INTERVAL_MS): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireOffers(db)
      .then((expired) => {
        if (expired > 0) log.info({ expired }, 'events: waitlist offers expired and passed on');
      })
      .catch((error: unknown) => log.error({ err: error }, 'events offer expiry failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
