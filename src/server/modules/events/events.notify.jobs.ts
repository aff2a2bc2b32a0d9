import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { runEvery, type JobLog } from '../../http/periodic.js';
import { sendEventNotifications, type NotifyDeps } from './events.notify.js';

/** How often the server sends the event messages that are due (confirmations, offers, reminders). */
export const EVENT_NOTIFY_INTERVAL_MS = 60_000;

/**
 * Sends due event notifications every EVENT_NOTIFY_INTERVAL_MS, one run at a time (the pattern of events.jobs.ts).
 * Started when the server listens, never in tests (they call `sendEventNotifications` with a clock). Idempotent: one
 * message per registration and kind (unique key, event_notification).
 */
export function scheduleEventNotifications(
  db: Kysely<DB>,
  deps: NotifyDeps,
  log: JobLog,
  intervalMs = EVENT_NOTIFY_INTERVAL_MS,
): { stop(): void } {
  return runEvery(
    intervalMs,
    async () => {
      const sent = await sendEventNotifications(db, deps);
      if (sent.confirmed + sent.offer + sent.reminder > 0) log.info(sent, 'events: notifications sent');
    },
    log,
    'events notifications failed',
  );
}
