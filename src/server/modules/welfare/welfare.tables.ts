import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../../db/schema.js';
import type { CampaignKind, HandoutKind, ItemUnit, LocationKind, MoveKind, ScanMode } from '../../../common/welfare.js';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Day = ColumnType<string, string, string>;

export type WelfareCampaignTable = {
  id: Id;
  org_id: number;
  org_path: string;
  region_id: number;
  kind: CampaignKind;
  name: string;
  description: Defaulted<string>;
  starts_on: Day;
  ends_on: Day;
  voucher_from: string | null;
  voucher_to: string | null;
  created_at: Timestamp;
  closed_at: ColumnType<string | null, string | null | undefined, string | null>;
  closed_by: ColumnType<number | null, number | null | undefined, number | null>;
};

export type WelfareCampaignNodeTable = { campaign_id: number; org_id: number; org_path: string };

export type WelfareItemTable = {
  id: Id;
  campaign_id: number;
  name: string;
  unit: ItemUnit;
  planned_qty: number;
  budget_fen: Defaulted<number>;
  is_voucher: Defaulted<boolean>;
  created_at: Timestamp;
};

export type WelfareCampaignMerchantTable = { campaign_id: number; merchant_id: number };

export type WelfareLocationTable = {
  region_id: number;
  id: Id;
  campaign_id: number;
  kind: LocationKind;
  org_id: number;
  org_path: string;
  name: Defaulted<string>;
  created_at: Timestamp;
};

export type WelfareBalanceTable = { region_id: number; location_id: number; item_id: number; qty: Defaulted<number> };

export type WelfareHandoutTable = {
  region_id: number;
  id: Id;
  campaign_id: number;
  handout_key: string;
  request_hash: string;
  kind: HandoutKind;
  person_bidx: string | null;
  member_region_id: number | null;
  member_id: number | null;
  name_enc: string | null;
  name_masked: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  collector_name: string | null;
  batch_count: number | null;
  photo_file: string | null;
  location_id: number;
  org_id: number;
  org_path: string;
  actor_user_id: number | null;
  created_at: Timestamp;
};

export type WelfareMoveTable = {
  region_id: number;
  id: Id;
  campaign_id: number;
  move_key: string;
  request_hash: string;
  kind: MoveKind;
  from_location_id: number | null;
  to_location_id: number;
  item_id: number;
  qty: number;
  receipt_of: number | null;
  handout_id: number | null;
  note: string | null;
  actor_user_id: number | null;
  created_at: Timestamp;
};

export type WelfareVoucherTable = {
  region_id: number;
  id: Id;
  campaign_id: number;
  item_id: number;
  handout_id: number;
  serial: string;
  valid_from: string;
  valid_to: string;
  created_at: Timestamp;
};

export type WelfareRedemptionTable = {
  region_id: number;
  id: Id;
  voucher_id: number;
  campaign_id: number;
  merchant_id: number;
  cashier_user_id: number;
  scanned_at: string;
  mode: ScanMode;
  created_at: Timestamp;
};

export type WelfareScanFlagTable = {
  region_id: number;
  id: Id;
  voucher_id: number;
  campaign_id: number;
  merchant_id: number;
  cashier_user_id: number;
  scanned_at: string;
  mode: ScanMode;
  redemption_id: number;
  created_at: Timestamp;
};

/** The photo of a batch hand-out (0034_handout_photo.sql): a sealed file, one per hand-out, never changed. */
export type WelfareHandoutPhotoTable = {
  region_id: number;
  handout_id: number;
  file_path: string;
  mime: string;
  bytes: number;
  sha256: string;
  actor_user_id: number | null;
  created_at: Timestamp;
};
declare module '../../db/schema.js' {
  interface DB {
    welfare_handout_photo: WelfareHandoutPhotoTable;
    welfare_campaign: WelfareCampaignTable;
    welfare_campaign_node: WelfareCampaignNodeTable;
    welfare_item: WelfareItemTable;
    welfare_campaign_merchant: WelfareCampaignMerchantTable;
    welfare_location: WelfareLocationTable;
    welfare_balance: WelfareBalanceTable;
    welfare_handout: WelfareHandoutTable;
    welfare_move: WelfareMoveTable;
    welfare_voucher: WelfareVoucherTable;
    welfare_redemption: WelfareRedemptionTable;
    welfare_scan_flag: WelfareScanFlagTable;
  }
}
