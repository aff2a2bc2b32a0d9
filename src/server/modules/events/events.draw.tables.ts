import type { ColumnType } from 'kysely';
import type { Id } from '../../db/schema.js';
import type { DrawMode } from '../../../common/events.draw.js';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** A jsonb column: written as its JSON text, read as the parsed value. */
type Json = ColumnType<unknown, string, string>;

export type EventDrawPlanTable = {
  event_id: number;
  seed_source: string;
  quotas: ColumnType<unknown, string | undefined, string>;
  programme_id: number | null;
  earned_from: string | null;
  earned_to: string | null;
  declared_at: Defaulted<string>;
};

export type EventDrawTable = {
  id: Id;
  event_id: number;
  session_id: number | null;
  mode: DrawMode;
  frozen: Json;
  frozen_hash: string;
  frozen_at: string;
  seed: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  result_hash: string | null;
  drawn_at: string | null;
};

declare module '../../db/schema.js' {
  interface DB {
    event_draw_plan: EventDrawPlanTable;
    event_draw: EventDrawTable;
  }
}
