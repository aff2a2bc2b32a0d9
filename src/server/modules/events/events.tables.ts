import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../../db/schema.js';
import type { CancelReason, EventKind, EventStatus, PromotionMode, RegistrationStatus, SelectionMode } from '../../../common/events.js';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type EventTable = {
  id: Id;
  org_id: number;
  org_path: string;
  region_id: number;
  kind: EventKind;
  title: string;
  description: Defaulted<string>;
  selection: SelectionMode;
  promotion: PromotionMode;
  offer_hours: number | null;
  status: Defaulted<EventStatus>;
  created_at: Timestamp;
  points_programme_id: Defaulted<number | null>;
};

export type EventAudienceTable = { event_id: number; org_id: number; org_path: string };

/** A co-organising node of an event (0042): manages its own members' part of it. */
export type EventCoOrganiserTable = { event_id: number; org_id: number; org_path: string };

export type EventSessionTable = {
  id: Id;
  event_id: number;
  starts_at: string;
  ends_at: string;
  place: string;
  capacity: number;
  confirmed: Defaulted<number>;
  opens_at: string;
  closes_at: string;
  created_at: Timestamp;
  /** Σ places and Σ taken of the session's quotas (0044), kept beside `confirmed` for the open-place guard. */
  quota_places: Defaulted<number>;
  quota_taken: Defaulted<number>;
};

/** A unit's quota of a first-come session (0044): places reserved for its subtree's members, and how many are taken. */
export type EventSessionQuotaTable = { session_id: number; org_id: number; org_path: string; places: number; taken: Defaulted<number> };

export type EventRegistrationTransitionTable = { from_status: string; to_status: string };

export type EventRegistrationTable = {
  region_id: number;
  id: Id;
  event_id: number;
  session_id: number;
  member_id: number;
  org_id: number;
  org_path: string;
  status: RegistrationStatus;
  waitlist_seq: number | null;
  offer_expires_at: string | null;
  request_key: string;
  signed_up_by: number | null;
  cancel_reason: CancelReason | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  ticket_version: Defaulted<number>;
  quota_org_id: Defaulted<number | null>;
};

declare module '../../db/schema.js' {
  interface DB {
    event: EventTable;
    event_audience: EventAudienceTable;
    event_co_organiser: EventCoOrganiserTable;
    event_session: EventSessionTable;
    event_session_quota: EventSessionQuotaTable;
    event_registration_transition: EventRegistrationTransitionTable;
    event_registration: EventRegistrationTable;
  }
}

export type EventCheckinTable = {
  region_id: number;
  scan_id: string;
  registration_id: number;
  session_id: number;
  org_path: string;
  outcome: 'accepted' | 'duplicate' | 'cancelled_while_offline';
  via: 'scan' | 'manual' | 'training';
  device_id: string | null;
  scanned_at: string;
  synced_at: Timestamp;
  /** NULL: a member's own check-in with a training room's code (0049). */
  checked_by: number | null;
};

declare module '../../db/schema.js' {
  interface DB {
    event_checkin: EventCheckinTable;
  }
}
