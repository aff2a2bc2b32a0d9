import type { Id, Timestamp } from '../../db/schema.js';

/** A named non-member of an event (0047_event_guests.sql): the phone sealed, blind-indexed and masked like a member's. */
export type EventGuestTable = {
  region_id: number;
  id: Id;
  event_id: number;
  org_id: number;
  org_path: string;
  name: string;
  phone_enc: string;
  phone_bidx: string;
  phone_masked: string;
  note: string;
  created_by: number;
  created_at: Timestamp;
  removed_at: string | null;
};

declare module '../../db/schema.js' {
  interface DB {
    event_guest: EventGuestTable;
  }
}
