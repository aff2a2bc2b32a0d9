import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../../db/schema.js';
import type { LedgerImportStatus } from '../../../common/ledger.import.js';

/** A jsonb column: written as its JSON text, read as the parsed value. */
type Json = ColumnType<unknown, string, string>;

/** The tables of 0058_ledger_import.sql. */
export type LedgerImportTable = {
  id: Id;
  org_id: number;
  org_path: string;
  file_name: string | null;
  source_text: string;
  created_by: number | null;
  created_at: Timestamp;
};

export type LedgerImportProposalTable = {
  import_id: number;
  position: number;
  proposal: Json;
  status: ColumnType<LedgerImportStatus, LedgerImportStatus | undefined, LedgerImportStatus>;
  entry_id: number | null;
  decided_by: number | null;
  decided_at: ColumnType<string | null, string | null | undefined, string | null>;
};

declare module '../../db/schema.js' {
  interface DB {
    ledger_import: LedgerImportTable;
    ledger_import_proposal: LedgerImportProposalTable;
  }
}
