import type { ColumnType, Generated } from 'kysely';
import type { ApplicationStatus } from '../../common/applications.js';
import type { Role } from '../../common/auth.js';
import type { IndustrySection } from '../../common/employers.js';
import type { EmploymentForm, MemberStatus } from '../../common/members.js';
import type { JointType, OrgKind } from '../../common/orgs.js';
import type { MeetingKind, UnionisationStage } from '../../common/outreach.js';
import type { TransferStatus } from '../../common/transfers.js';

/** Table types for Kysely, as the type parsers in client.ts return them (int8 → number, timestamptz → ISO string). */
export type Timestamp = ColumnType<string, string | undefined, string>;
export type Id = Generated<number>;

export type OrgUnitTable = {
  id: Id;
  parent_id: number | null;
  path: string;
  kind: OrgKind;
  joint_type: JointType | null;
  name: string;
  name_pinyin: ColumnType<string, string | undefined, string>;
  region_code: string | null;
  zone_id: number | null;
  child_count: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
};

export type CollaborationZoneTable = {
  id: Id;
  org_id: number;
  org_path: string;
  name: string;
  created_at: Timestamp;
};

export type EmployerTable = {
  id: Id;
  name: string;
  uscc: string | null;
  headcount: number;
  industry: IndustrySection;
  address: string | null;
  street_org_id: number;
  union_org_id: number | null;
  org_path: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
  unionisation_stage: ColumnType<UnionisationStage, UnionisationStage | undefined, UnionisationStage>;
  unionisation_meeting_id: number | null;
  unionisation_updated_at: string | null;
};

export type OrgCoverageTable = {
  org_id: number;
  grassroots_unions: ColumnType<number, number | undefined, number>;
  branches: ColumnType<number, number | undefined, number>;
  employers: ColumnType<number, number | undefined, number>;
  employers_covered: ColumnType<number, number | undefined, number>;
  employees: ColumnType<number, number | undefined, number>;
  employees_covered: ColumnType<number, number | undefined, number>;
  employers_100plus: ColumnType<number, number | undefined, number>;
  employers_100plus_covered: ColumnType<number, number | undefined, number>;
  members: ColumnType<number, number | undefined, number>;
  members_incomplete: ColumnType<number, number | undefined, number>;
  id_rows_submitted: ColumnType<number, number | undefined, number>;
  ids_invalid: ColumnType<number, number | undefined, number>;
  ids_duplicate: ColumnType<number, number | undefined, number>;
  members_secondary: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
};

export type AppUserTable = {
  id: Id;
  username: string;
  display_name: string;
  password_hash: string;
  is_disabled: ColumnType<boolean, boolean | undefined, boolean>;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
};

/** Failed sign-ins per (username, IP); username '' holds the IP's total. */
export type LoginThrottleTable = {
  username: string;
  ip: string;
  failures: number;
  last_failure_at: ColumnType<string, string | undefined, string>;
  blocked_until: string | null;
};

export type RoleGrantTable = {
  id: Id;
  user_id: number;
  org_id: number;
  org_path: string;
  role: Role;
  created_at: Timestamp;
};

export type UserSessionTable = {
  id_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
};

export type AuditLogTable = {
  region_id: number;
  id: Id;
  at: Timestamp;
  user_id: number | null;
  username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  org_path: string | null;
  /** Since migration 0015: the organisations the entry belongs to (resolved through their current path). */
  org_ids: ColumnType<number[] | null, number[] | null | undefined, never>;
  result: 'ok' | 'denied' | 'failed';
  ip: string | null;
  detail: ColumnType<unknown, string | null, string | null>;
};

export type MemberTable = {
  region_id: number;
  id: Id;
  name: string;
  name_pinyin: ColumnType<string, string | undefined, string>;
  id_number_enc: string;
  id_number_bidx: string;
  id_number_masked: string;
  phone_enc: string | null;
  phone_bidx: string | null;
  phone_masked: string | null;
  gender: 'male' | 'female';
  birth_date: string;
  employer_id: number | null;
  employer_name: string | null;
  employment_form: EmploymentForm;
  status: MemberStatus;
  org_id: number;
  org_path: string;
  join_date: string;
  card_no: string | null;
  card_version: ColumnType<number, number | undefined, number>;
  card_status: ColumnType<'none' | 'active' | 'revoked', 'none' | 'active' | 'revoked' | undefined, 'none' | 'active' | 'revoked'>;
  card_issued_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
};

export type MemberAffiliationTable = {
  region_id: number;
  member_id: number;
  org_id: number;
  org_path: string;
  since: ColumnType<string, string | undefined, string>;
};

export type MemberStatusHistoryTable = {
  region_id: number;
  id: Id;
  member_id: number;
  at: Timestamp;
  event: 'joined' | 'transferred' | 'lapsed' | 'rejoined' | 'updated';
  from_org_id: number | null;
  org_id: number;
  org_path: string;
  actor_id: number | null;
  reason: string | null;
};

export type OutreachMeetingTable = {
  id: Id;
  org_id: number;
  org_path: string;
  kind: MeetingKind;
  title: string;
  held_on: string;
  venue: string | null;
  is_online: ColumnType<boolean, boolean | undefined, boolean>;
  parent_meeting_id: number | null;
  created_at: Timestamp;
};

export type MemberApplicationTable = {
  region_id: number;
  id: Id;
  tracking_code: string;
  source: 'self' | 'meeting' | 'roster' | 'cadre';
  meeting_id: number | null;
  name: string;
  id_number_enc: string;
  id_number_bidx: string;
  id_number_masked: string;
  phone_enc: string;
  phone_bidx: string;
  phone_masked: string;
  gender: 'male' | 'female';
  birth_date: string;
  employer_id: number | null;
  employer_name: string | null;
  employment_form: EmploymentForm;
  org_id: number;
  org_path: string;
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined, ApplicationStatus>;
  reject_reason: string | null;
  member_id: number | null;
  created_at: Timestamp;
  decided_at: string | null;
  decided_by: number | null;
};

export type MemberTransferTable = {
  region_id: number;
  id: Id;
  member_id: number;
  from_org_id: number;
  from_org_path: string;
  to_org_id: number;
  to_org_path: string;
  status: ColumnType<TransferStatus, 'pending' | undefined, TransferStatus>;
  requested_via: 'union' | 'member' | 'application' | 'roster';
  requested_by: number | null;
  application_id: number | null;
  requested_at: Timestamp;
  auto_confirm_at: string;
  decided_at: string | null;
  decided_by: number | null;
  decision_note: string | null;
  consent: ColumnType<'code' | 'paper' | null, 'code' | 'paper' | null | undefined, 'code' | 'paper' | null>;
  consented_at: ColumnType<string | null, string | null | undefined, string | null>;
  consent_ref: ColumnType<string | null, string | null | undefined, string | null>;
  consent_recorded_by: ColumnType<number | null, number | null | undefined, number | null>;
  released_at: ColumnType<string | null, string | null | undefined, string | null>;
  released_by: ColumnType<number | null, number | null | undefined, number | null>;
};

export type ImportJobTable = {
  region_id: number;
  id: Id;
  kind: 'members';
  org_id: number;
  org_path: string;
  file_name: string;
  file_path: string;
  file_sha256: string;
  file_bytes: number;
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', 'queued' | undefined, 'queued' | 'running' | 'done' | 'failed'>;
  rows_read: ColumnType<number, number | undefined, number>;
  imported: ColumnType<number, number | undefined, number>;
  rejected: ColumnType<number, number | undefined, number>;
  duplicates: ColumnType<number, number | undefined, number>;
  ids_invalid: ColumnType<number, number | undefined, number>;
  ids_duplicate: ColumnType<number, number | undefined, number>;
  elsewhere: ColumnType<number, number | undefined, number>;
  held: ColumnType<number, number | undefined, number>;
  attached: ColumnType<number, number | undefined, number>;
  error_file: string | null;
  file_sealed: ColumnType<boolean, boolean | undefined, boolean>;
  error_file_sealed: ColumnType<boolean, boolean | undefined, boolean>;
  error_file_expired_at: string | null;
  error_code: string | null;
  error_params: ColumnType<unknown, string | null | undefined, string | null>;
  created_by: number | null;
  created_at: Timestamp;
  started_at: string | null;
  finished_at: string | null;
};

export type MessageOutboxTable = {
  region_id: number;
  id: Id;
  phone_enc: string;
  phone_masked: string;
  purpose: 'sign_in_code' | 'consent_code' | 'transfer_notice' | 'event_confirmed' | 'event_offer' | 'event_reminder';
  body_zh: string;
  body_en: string;
  channel: 'outbox' | 'http';
  status: 'queued' | 'sent' | 'failed';
  created_at: Timestamp;
};

export type OtpChallengeTable = {
  region_id: number;
  id: string;
  purpose: 'sign_in' | 'transfer_consent';
  member_id: number | null;
  subject_id: number | null;
  phone_bidx: string;
  code_hash: string;
  ip: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  expires_at: string;
  consumed_at: string | null;
  created_at: Timestamp;
};

export type MemberSessionTable = {
  region_id: number;
  id_hash: string;
  member_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: string;
  ip: string | null;
};

export type ImportJobUnknownEmployerTable = {
  region_id: number;
  job_id: number;
  name_key: string;
  name: string;
  row_count: number;
};

export type ImportJobElsewhereTable = {
  region_id: number;
  job_id: number;
  member_region_id: number;
  member_id: number;
  row_no: number;
  transfer_id: number | null;
};

export type AppSettingTable = { key: string; value: string; updated_at: Timestamp };

export type SchemaMigrationTable = {
  version: number;
  name: string;
  applied_at: Timestamp;
};

/**
 * Every table, by name. An interface so that a module can add its tables from its own file by declaration merging
 * (`declare module '../../db/schema.js' { interface DB { my_table: MyTable } }`).
 */
export interface DB {
  org_unit: OrgUnitTable;
  collaboration_zone: CollaborationZoneTable;
  employer: EmployerTable;
  org_coverage: OrgCoverageTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  member: MemberTable;
  member_affiliation: MemberAffiliationTable;
  member_status_history: MemberStatusHistoryTable;
  outreach_meeting: OutreachMeetingTable;
  member_application: MemberApplicationTable;
  member_transfer: MemberTransferTable;
  import_job: ImportJobTable;
  import_job_elsewhere: ImportJobElsewhereTable;
  import_job_unknown_employer: ImportJobUnknownEmployerTable;
  message_outbox: MessageOutboxTable;
  otp_challenge: OtpChallengeTable;
  member_session: MemberSessionTable;
  app_setting: AppSettingTable;
  login_throttle: LoginThrottleTable;
  schema_migration: SchemaMigrationTable;
  org_path_column: OrgPathColumnTable;
  table_placement: TablePlacementTable;
  member_claim: MemberClaimTable;
}

/** The registry of columns holding an organisation path (migration 0018); subtree moves read it. */
export type OrgPathColumnTable = { table_name: string; column_name: string; follows_moves: boolean };

export type Placement = 'distributed' | 'reference' | 'coordinator';

/** Where each table lives once the database is distributed (migration 0019); db/layout.ts checks it, distribute reads it. */
export type TablePlacementTable = {
  table_name: string;
  placement: Placement;
  distribution_column: string | null;
  colocate_with: string | null;
  /** The path column that defines the region of a row (migration 0020), where a row's own path does. */
  region_path: string | null;
};

/** One person, one member, city-wide (migration 0020): the region and id under which an ID number's member lives. */
export type MemberClaimTable = {
  id_number_bidx: string;
  region_id: number;
  member_id: number;
  claimed_at: Timestamp;
};
