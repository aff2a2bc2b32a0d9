import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../../db/schema.js';
import type { AccountKind, ExpiryRule, MerchantStatus, ProgrammeStatus, TransferKind, TransferOp } from '../../../common/points.js';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type PointsProgrammeTable = {
  id: Id;
  org_id: number;
  org_path: string;
  region_id: number;
  name: string;
  description: Defaulted<string>;
  earn_rules: ColumnType<unknown, string | undefined, string>;
  cap_day: number | null;
  cap_month: number | null;
  cap_year: number | null;
  expiry_rule: ExpiryRule;
  expiry_months: number | null;
  status: Defaulted<ProgrammeStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PointsMerchantTable = {
  id: Id;
  org_id: number;
  org_path: string;
  name: string;
  uscc: string | null;
  contact_name: string | null;
  status: Defaulted<MerchantStatus>;
  created_at: Timestamp;
};

export type PointsShopTable = {
  id: Id;
  merchant_id: number;
  name: string;
  address: string;
  lat: number | null;
  lng: number | null;
  district_code: string | null;
  opening_hours: string | null;
  created_at: Timestamp;
};

export type PointsMerchantProgrammeTable = { merchant_id: number; programme_id: number; since: Timestamp };

export type PointsCatalogueItemTable = {
  id: Id;
  merchant_id: number;
  name: string;
  points: number;
  active: Defaulted<boolean>;
  created_at: Timestamp;
};

export type PointsMerchantCashierTable = { user_id: number; merchant_id: number; created_at: Timestamp };

export type PointsAccountTable = {
  region_id: number;
  id: Id;
  programme_id: number;
  kind: AccountKind;
  member_id: number | null;
  merchant_id: number | null;
  balance: Defaulted<number>;
  pending_debits: Defaulted<number>;
  pending_credits: Defaulted<number>;
  version: Defaulted<number>;
  created_at: Timestamp;
};

export type PointsTransferTable = {
  region_id: number;
  id: Id;
  transfer_key: string;
  request_hash: string;
  programme_id: number;
  kind: TransferKind;
  op: TransferOp;
  debit_account_id: number;
  credit_account_id: number;
  amount: number;
  pending_id: number | null;
  timeout_at: string | null;
  reversal_of: number | null;
  source: string | null;
  source_ref: string | null;
  catalogue_item_id: number | null;
  reason: string | null;
  member_id: number | null;
  merchant_id: number | null;
  actor_user_id: number | null;
  created_at: Timestamp;
};

export type PointsEntryTable = {
  region_id: number;
  id: Id;
  transfer_id: number;
  account_id: number;
  delta: number;
  balance_after: number;
  account_version: number;
  created_at: Timestamp;
};

export type PointsLotTable = {
  region_id: number;
  id: Id;
  account_id: number;
  transfer_id: number;
  amount: number;
  remaining: number;
  expires_at: string | null;
  created_at: Timestamp;
};

export type PointsLotUseTable = { region_id: number; id: Id; lot_id: number; transfer_id: number; amount: number };

declare module '../../db/schema.js' {
  interface DB {
    points_programme: PointsProgrammeTable;
    points_merchant: PointsMerchantTable;
    points_shop: PointsShopTable;
    points_merchant_programme: PointsMerchantProgrammeTable;
    points_catalogue_item: PointsCatalogueItemTable;
    points_merchant_cashier: PointsMerchantCashierTable;
    points_account: PointsAccountTable;
    points_transfer: PointsTransferTable;
    points_entry: PointsEntryTable;
    points_lot: PointsLotTable;
    points_lot_use: PointsLotUseTable;
  }
}
