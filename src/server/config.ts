import path from 'node:path';

/** Runtime settings, read once from the environment. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A new embedded store copies the cached empty cluster instead of running initdb (GONGHUI_PGLITE_TEMPLATE=0: off). */
  pgliteTemplate: boolean;
  /** The embedded engine's shared buffers in MB (GONGHUI_PGLITE_SHARED_BUFFERS_MB; db/client.ts says why 16). */
  pgliteSharedBuffersMb: number;
  adminPassword: string | undefined;
  /** Master secret for personal-data encryption; else a key file in dataDir. */
  secret: string | undefined;
  transferAutoConfirmDays: number;
  cardTokenSeconds: number;
  seedDemo: boolean;
  demoScale: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** How long a resolved session and its grants are reused before they are looked up again (0: every request). */
  sessionCacheSeconds: number;
  /** Minutes between the embedded engine's VACUUM/ANALYZE rounds (db/maintenance.ts); 0: none. */
  vacuumMinutes: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
  trustProxy: boolean;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
  publicRateLimitPerMinute: number;
  logLevel: string;

  // issue #8: one-time codes, member sessions, consent
  /** A provider's HTTP endpoint for text messages; without it messages go to the outbox the federation admin reads. */
  smsUrl: string | undefined;
  smsToken: string | undefined;
  /** Print each outbox message on the console (development; off when NODE_ENV=production). */
  printMessages: boolean;
  otpPerPhonePerHour: number;
  otpPerIpPerHour: number;
  memberSessionIdleMinutes: number;
  memberSessionAbsoluteMinutes: number;
  /** Look-ups of members by ID number (transfer requests) per cadre per hour. */
  transferLookupsPerHour: number;

  // issue #8: personal data in files
  /** Days an import's error file (rejected rows, with full ID numbers) is kept after the job ends. */
  importErrorFileDays: number;

  // issue #8: audit and limited reveal
  /** Repeats of one refused request by one caller within this window become one summary audit entry. */
  auditRefusalWindowSeconds: number;
  /** Distinct refusals an anonymous IP may write to the audit log per window; the rest are only counted. */
  auditAnonymousRefusalsPerWindow: number;
  /** Single reveals of an ID number or phone one user may make per hour. */
  revealPerHour: number;
  /** Full (unmasked) member exports one user may make per day. */
  fullExportsPerDay: number;

  // issue #8: sign-in and password hardening
  /** Failed sign-ins from one IP (over all usernames) before that IP is refused for a while. */
  maxFailedLoginsPerIp: number;
  /** NODE_ENV=production: the API documentation needs a session. */
  isProduction: boolean;

  // issue #14: certificates
  /** A CJK font file certificates are set in (`path` or `path#FaceName` for a .ttc); else Debian's Noto CJK if present. */
  certificateFont: string | undefined;
};

/**
 * The checkout the server runs from. This file is src/server/config.ts under tsx and dist/server/config.js in the
 * build `npm start` runs (tsconfig.server.json keeps src/'s layout under dist/), two folders down either way. Files
 * read at run time — the migrations' SQL, the ledger's seed pages, the web build — are found from here, in the
 * checkout itself: the build copies none of them, so it has no copy that could fall behind.
 */
export const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The share of life size (东城 as reported, 3.98 million staff in the city's unionised units) that the demo city of
 * `GONGHUI_DEMO_SCALE=1`, the default of `npm start`, stands for. Its unionised units employ some 250,000 people, so
 * the members that give every district a believable 入会率 (60–85 %, about 180,000) load in the background within a
 * few minutes; life size (`GONGHUI_DEMO_SCALE=20`, for benchmarks) would want 2.9 million. `Config.demoScale` is the
 * share of life size itself.
 */
export const DEMO_CITY_SHARE_OF_LIFE_SIZE = 0.05;

/** The embedded engine's shared buffers unless GONGHUI_PGLITE_SHARED_BUFFERS_MB says otherwise: db/client.ts says why. */
export const PGLITE_SHARED_BUFFERS_MB = 16;

/**
 * GONGHUI_PGLITE_SHARED_BUFFERS_MB, 1–1,024: PGlite's WebAssembly heap holds the buffers, and at 2,048 MB it failed
 * to start with only "PGlite failed to initialize properly" (1,536 started); a plain message says so up front.
 */
function sharedBuffersFromEnv(env: NodeJS.ProcessEnv): number {
  const value = intFromEnv(env, 'GONGHUI_PGLITE_SHARED_BUFFERS_MB', PGLITE_SHARED_BUFFERS_MB);
  if (value < 1 || value > 1024) throw new Error(`GONGHUI_PGLITE_SHARED_BUFFERS_MB must be between 1 and 1024 (MB), got "${value}"`);
  return value;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.GONGHUI_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteTemplate: env.GONGHUI_PGLITE_TEMPLATE !== '0',
    pgliteSharedBuffersMb: sharedBuffersFromEnv(env),
    adminPassword: env.GONGHUI_ADMIN_PASSWORD || undefined,
    secret: env.GONGHUI_SECRET || undefined,
    transferAutoConfirmDays: intFromEnv(env, 'GONGHUI_TRANSFER_AUTO_CONFIRM_DAYS', 15),
    cardTokenSeconds: intFromEnv(env, 'GONGHUI_CARD_TOKEN_SECONDS', 300),
    seedDemo: env.GONGHUI_SEED_DEMO !== '0',
    demoScale: (env.GONGHUI_DEMO_SCALE ? Number(env.GONGHUI_DEMO_SCALE) : 1) * DEMO_CITY_SHARE_OF_LIFE_SIZE,
    sessionIdleMinutes: intFromEnv(env, 'GONGHUI_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: intFromEnv(env, 'GONGHUI_SESSION_ABSOLUTE_HOURS', 12),
    sessionCacheSeconds: intFromEnv(env, 'GONGHUI_SESSION_CACHE_SECONDS', 5),
    vacuumMinutes: intFromEnv(env, 'GONGHUI_VACUUM_MINUTES', 5),
    maxFailedLogins: intFromEnv(env, 'GONGHUI_MAX_FAILED_LOGINS', 5),
    lockoutMinutes: intFromEnv(env, 'GONGHUI_LOCKOUT_MINUTES', 15),
    trustProxy: env.GONGHUI_TRUST_PROXY === '1',
    secureCookies: env.GONGHUI_SECURE_COOKIES === '1',
    loginRateLimitPerMinute: intFromEnv(env, 'GONGHUI_LOGIN_RATE_LIMIT', 20),
    publicRateLimitPerMinute: intFromEnv(env, 'GONGHUI_PUBLIC_RATE_LIMIT', 30),
    logLevel: env.LOG_LEVEL ?? 'info',

    // issue #8: one-time codes, member sessions, consent
    smsUrl: env.GONGHUI_SMS_URL || undefined,
    smsToken: env.GONGHUI_SMS_TOKEN || undefined,
    printMessages: env.NODE_ENV !== 'production' && env.GONGHUI_PRINT_MESSAGES !== '0',
    otpPerPhonePerHour: intFromEnv(env, 'GONGHUI_OTP_PER_PHONE_PER_HOUR', 10),
    otpPerIpPerHour: intFromEnv(env, 'GONGHUI_OTP_PER_IP_PER_HOUR', 200),
    memberSessionIdleMinutes: intFromEnv(env, 'GONGHUI_MEMBER_SESSION_IDLE_MINUTES', 15),
    memberSessionAbsoluteMinutes: intFromEnv(env, 'GONGHUI_MEMBER_SESSION_ABSOLUTE_MINUTES', 120),
    transferLookupsPerHour: intFromEnv(env, 'GONGHUI_TRANSFER_LOOKUPS_PER_HOUR', 60),

    // issue #8: personal data in files
    importErrorFileDays: intFromEnv(env, 'GONGHUI_IMPORT_ERROR_FILE_DAYS', 30),

    // issue #8: audit and limited reveal
    auditRefusalWindowSeconds: Math.max(1, intFromEnv(env, 'GONGHUI_AUDIT_REFUSAL_WINDOW_SECONDS', 60)),
    auditAnonymousRefusalsPerWindow: intFromEnv(env, 'GONGHUI_AUDIT_ANONYMOUS_REFUSALS', 5),
    revealPerHour: intFromEnv(env, 'GONGHUI_REVEAL_PER_HOUR', 20),
    fullExportsPerDay: intFromEnv(env, 'GONGHUI_FULL_EXPORTS_PER_DAY', 3),

    // issue #8: sign-in and password hardening
    maxFailedLoginsPerIp: intFromEnv(env, 'GONGHUI_MAX_FAILED_LOGINS_PER_IP', 50),
    isProduction: env.NODE_ENV === 'production',

    // issue #14: certificates
    certificateFont: env.GONGHUI_CERTIFICATE_FONT || undefined,
  };
}
