import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../../db/schema.js';
import type { LedgerKind, LedgerModule, LedgerSource, PeopleBasis } from '../../../common/ledger.js';

/** numeric: read as its exact decimal text, written as a number. */
type Numeric = ColumnType<string, number, number>;

/** The tables of 0054_ledger.sql. */
export type LedgerEntryTable = {
  id: Id;
  org_id: number;
  org_path: string;
  kind: LedgerKind;
  title: string;
  summary: string | null;
  date_from: string;
  date_to: string | null;
  place: string | null;
  people_reached: number | null;
  people_basis: PeopleBasis | null;
  source: LedgerSource;
  module: LedgerModule | null;
  module_record_id: number | null;
  other_organisers: ColumnType<string[], string[] | undefined, string[]>;
  source_snippet: string | null;
  source_ref: string | null;
  source_text: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
};

export type LedgerEntryOrgTable = { entry_id: number; org_id: number; org_path: string };

export type LedgerFigureTable = {
  id: Id;
  entry_id: number;
  position: number;
  value: Numeric;
  unit: string;
  counts: string;
  approximate: boolean;
  snippet: string | null;
};

export type LedgerEntryMemberTable = { region_id: number; entry_id: number; member_id: number };

declare module '../../db/schema.js' {
  interface DB {
    ledger_entry: LedgerEntryTable;
    ledger_entry_org: LedgerEntryOrgTable;
    ledger_figure: LedgerFigureTable;
    ledger_entry_member: LedgerEntryMemberTable;
  }
}
