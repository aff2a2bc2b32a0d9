import type { Timestamp } from '../../db/schema.js';

/** Which message a registration was sent (one of each at most, 0041_event_notifications.sql). */
export type EventNotificationKind = 'confirmed' | 'offer' | 'reminder';

export type EventNotificationTable = {
  region_id: number;
  registration_id: number;
  kind: EventNotificationKind;
  /** 'seeded': a demo registration, not to be told (0048). */
  outcome: 'sent' | 'no_phone' | 'seeded';
  created_at: Timestamp;
};

declare module '../../db/schema.js' {
  interface DB {
    event_notification: EventNotificationTable;
  }
}
