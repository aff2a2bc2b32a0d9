import type { Id, Timestamp } from '../../db/schema.js';
import type { GroupingSeedSource } from '../../../common/events.grouping.js';

/** A random grouping of a session (0046): what recomputes it. Never changed; a new grouping is a new row. */
export type EventGroupingTable = {
  id: Id;
  event_id: number;
  session_id: number;
  groups: number;
  people: number;
  seed: string;
  seed_source: GroupingSeedSource;
  list_hash: string;
  /** NULL: made by the demo data. */
  created_by: number | null;
  created_at: Timestamp;
};

/** One person of a grouping: their registration, group (1-based) and key. */
export type EventGroupingMemberTable = {
  region_id: number;
  grouping_id: number;
  registration_id: number;
  group_no: number;
  key: string;
};

declare module '../../db/schema.js' {
  interface DB {
    event_grouping: EventGroupingTable;
    event_grouping_member: EventGroupingMemberTable;
  }
}
