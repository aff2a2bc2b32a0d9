import type { Id, Timestamp } from '../../db/schema.js';

/** A member's spending code (0030_merchants.sql). */
export type PointsSpendCodeTable = {
  region_id: number;
  id: Id;
  member_id: number;
  nonce: string;
  code_hash: string;
  expires_at: string;
  created_at: Timestamp;
  /** The charge that used the code (0035_spend_code_use.sql): its transfer key and book. */
  used_key: string | null;
  used_programme_id: number | null;
};

declare module '../../db/schema.js' {
  interface DB {
    points_spend_code: PointsSpendCodeTable;
  }
}
