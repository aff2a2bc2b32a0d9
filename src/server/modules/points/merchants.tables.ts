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
};

declare module '../../db/schema.js' {
  interface DB {
    points_spend_code: PointsSpendCodeTable;
  }
}
