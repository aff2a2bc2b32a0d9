import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { runEvery, type JobLog } from '../../http/periodic.js';
import { freezeDueDraws } from './events.draw.service.js';

/** How often the server freezes the entries of draw sessions whose window has closed. */
export const DRAW_FREEZE_INTERVAL_MS = 60_000;

/**
 * Freezes due draws every DRAW_FREEZE_INTERVAL_MS, one run at a time (the pattern of events.jobs.ts). Started when the
 * server listens, never in tests (they call `freezeDueDraws`). Idempotent: a session is frozen once (unique index).
 */
export function scheduleDrawFreeze(db: Kysely<DB>, log: JobLog, intervalMs = DRAW_FREEZE_INTERVAL_MS): { stop(): void } {
  return runEvery(
    intervalMs,
    async () => {
      const frozen = await freezeDueDraws(db);
      if (frozen > 0) log.info({ frozen }, 'events: draw entries frozen at window close');
    },
    log,
    'events draw freeze failed',
  );
}
