import type { Timestamp } from '../../db/schema.js';

/** The closing of an event (0040_event_closing.sql): the summary a cadre writes when the event is over. */
export type EventClosingTable = {
  event_id: number;
  summary: string;
  closed_by: number;
  closed_at: Timestamp;
};

declare module '../../db/schema.js' {
  interface DB {
    event_closing: EventClosingTable;
  }
}
