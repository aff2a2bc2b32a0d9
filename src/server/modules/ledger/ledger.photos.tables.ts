import type { Id } from '../../db/schema.js';
import type { Timestamp } from '../../db/schema.js';
import type { ImageMime } from '../../../common/images.js';

/** A photo of a ledger entry (0060): the image bytes in the row, with their type, size and hash. */
export type LedgerEntryPhotoTable = {
  id: Id;
  entry_id: number;
  org_path: string;
  caption: string | null;
  mime: ImageMime;
  bytes: Uint8Array;
  size: number;
  sha256: string;
  uploaded_by: number;
  uploaded_at: Timestamp;
};

declare module '../../db/schema.js' {
  interface DB {
    ledger_entry_photo: LedgerEntryPhotoTable;
  }
}
