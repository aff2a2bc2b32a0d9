import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely, as the type parsers in client.ts return them (int8 → number, timestamptz → ISO string). */
type Timestamp = ColumnType<string, string | undefined, string>;
type Id = Generated<number>;

export type OrgUnitTable = {
  id: Id;
  parent_id: number | null;
  path: string;
  kind: string;
  joint_type: string | null;
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
  industry: string;
  address: string | null;
  street_org_id: number;
  union_org_id: number | null;
  org_path: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
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
};

export type RoleGrantTable = {
  id: Id;
  user_id: number;
  org_id: number;
  org_path: string;
  role: string;
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
  id: Id;
  at: Timestamp;
  user_id: number | null;
  username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  org_path: string | null;
  result: 'ok' | 'denied' | 'failed';
  ip: string | null;
  detail: ColumnType<unknown, string | null, string | null>;
};

export type SchemaMigrationTable = {
  version: number;
  name: string;
  applied_at: Timestamp;
};

export type DB = {
  org_unit: OrgUnitTable;
  collaboration_zone: CollaborationZoneTable;
  employer: EmployerTable;
  org_coverage: OrgCoverageTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  schema_migration: SchemaMigrationTable;
};
