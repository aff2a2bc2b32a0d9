import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../../db/schema.js';
import type { ContestStatus } from '../../../common/contests.js';

type Json = ColumnType<unknown, string, string>;
/** numeric columns: written as numbers, read back as strings (client.ts keeps numeric exact). */
type Numeric = ColumnType<string, number, number>;

/** Kysely types of 0051_contests.sql (and the columns 0056 adds). */
export type ContestTable = {
  id: Id;
  org_id: number;
  org_path: string;
  event_id: number | null;
  name: string;
  status: ContestStatus;
  normalisation: 'none' | 'robust-z';
  panel_size: number;
  showcase_size: number | null;
  notice_days: number;
  notice_ends_at: string | null;
  /** 0056: the balanced design declared before scoring (null: none declared). */
  balanced_design: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type ContestCriterionTable = {
  id: Id;
  contest_id: number;
  position: number;
  name: string;
  weight: Numeric;
  max_score: Numeric;
  decimals: number;
  tie_break_rank: number | null;
};
export type ContestEntryTable = {
  id: Id;
  contest_id: number;
  org_id: number;
  org_path: string;
  title: string;
  performers: Json;
  attachments: Json;
  created_at: Timestamp;
};
export type ContestJudgeTable = {
  id: Id;
  contest_id: number;
  user_id: number;
  org_id: number;
  org_path: string;
  is_chief: boolean;
  created_at: Timestamp;
};
export type ContestConflictTable = {
  judge_id: number;
  entry_id: number;
  reason: string;
  /** 0056: the user who recorded it (null for rows older than the column). */
  declared_by: number | null;
  created_at: Timestamp;
};
export type ContestAssignmentTable = { id: Id; contest_id: number; judge_id: number; entry_id: number };
export type ContestSheetTable = {
  id: Id;
  assignment_id: number;
  status: 'draft' | 'submitted';
  scores: Json;
  submitted_at: string | null;
  updated_at: Timestamp;
};
export type ContestAmendmentTable = {
  id: Id;
  sheet_id: number;
  criterion_id: number;
  old_score: Numeric;
  new_score: Numeric;
  reason: string;
  user_id: number;
  created_at: Timestamp;
};
export type ContestTierTable = {
  id: Id;
  contest_id: number;
  position: number;
  kind: 'ladder' | 'criterion' | 'unit';
  name: string;
  quota: number;
  criterion_id: number | null;
  unit_rule: 'best-entry-rank' | 'award-rate' | null;
};
export type ContestChiefDecisionTable = { contest_id: number; context: string; ordered_ids: Json; user_id: number; created_at: Timestamp };
export type ContestResultTable = {
  id: Id;
  contest_id: number;
  result: string;
  sha256: string;
  rule: string;
  published_at: Timestamp;
  notice_ends_at: string;
  published_by: number;
};
export type ContestAwardTable = { id: Id; result_id: number; tier_id: number; entry_id: number | null; org_id: number; org_path: string };
export type ContestAppealTable = {
  id: Id;
  contest_id: number;
  entry_id: number;
  org_path: string;
  text: string;
  status: 'open' | 'answered';
  answer: string | null;
  filed_by: number;
  answered_by: number | null;
  created_at: Timestamp;
  answered_at: string | null;
};

declare module '../../db/schema.js' {
  interface DB {
    contest: ContestTable;
    contest_criterion: ContestCriterionTable;
    contest_entry: ContestEntryTable;
    contest_judge: ContestJudgeTable;
    contest_conflict: ContestConflictTable;
    contest_assignment: ContestAssignmentTable;
    contest_sheet: ContestSheetTable;
    contest_amendment: ContestAmendmentTable;
    contest_tier: ContestTierTable;
    contest_chief_decision: ContestChiefDecisionTable;
    contest_result: ContestResultTable;
    contest_award: ContestAwardTable;
    contest_appeal: ContestAppealTable;
  }
}
