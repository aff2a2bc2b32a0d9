import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openDatabase, type Database } from '../db/client.js';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { pgliteTemplateDir, pgTemplateName, prepareTemplate, TEST_ADMIN_PASSWORD, testConfig, withDatabase } from './template.js';
import type { Role } from '../../common/auth.js';
import type { Org, OrgKind } from '../../common/orgs.js';

export type TestContext = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** The admin's session cookie (federation_admin on the root, id 1). */
  adminCookie: string;
  /** A request through `app.inject`: as the admin unless `cookie` is given ('' for none), in `lang` if given. */
  call: ReturnType<typeof apiCaller>;
  close(): Promise<void>;
};

function apiCaller(app: FastifyInstance, adminCookie: string) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = adminCookie, lang?: string) =>
    app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { ...(cookie ? { cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) },
    });
}

/**
 * A fresh database and app for one test file: a copy of the migrated template, on PGlite or, when
 * TEST_DATABASE_URL is set, on a new PostgreSQL database dropped afterwards.
 */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  await prepareTemplate();
  const config = testConfig(overrides);
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let cleanup: () => Promise<void>;
  // Uploads and error files of this test's imports live here, never in the working directory.
  let filesDir = overrides.dataDir ?? '';
  if (serverUrl) {
    const name = `gonghui_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplateName()}`);
    await admin.end();
    database = await openDatabase({ dataDir: '', databaseUrl: withDatabase(serverUrl, name) });
    if (!filesDir) filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-files-'));
    const ownFiles = overrides.dataDir === undefined ? filesDir : undefined;
    cleanup = async () => {
      if (ownFiles) fs.rmSync(ownFiles, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-test-'));
    fs.cpSync(pgliteTemplateDir(), dir, { recursive: true });
    fs.rmSync(path.join(dir, 'gonghui.lock'), { force: true });
    database = await openDatabase({ dataDir: dir });
    if (!filesDir) filesDir = dir;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const appConfig = { ...config, dataDir: filesDir };
  const app = await buildApp(database, appConfig);
  await app.ready();
  const adminCookie = await login(app, 'admin', TEST_ADMIN_PASSWORD);
  return {
    app,
    database,
    config: appConfig,
    adminCookie,
    call: apiCaller(app, adminCookie),
    close: async () => {
      await app.close();
      await database.close();
      await cleanup();
    },
  };
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'gh_sid');
  if (!cookie) throw new Error(`no session cookie in answer ${response.statusCode}: ${response.body}`);
  return `gh_sid=${cookie.value}`;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  return sessionCookieOf(response);
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${randomBytes(2).toString('hex')}`;

/** Factory: a node under `parentId` through the API as admin, with a unique name unless given. */
export async function buildOrg(
  ctx: TestContext,
  parentId: number,
  kind: OrgKind,
  overrides: { name?: string; jointType?: 'regional' | 'sectoral' } = {},
): Promise<Org> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/orgs',
    headers: { cookie: ctx.adminCookie },
    payload: {
      parentId,
      kind,
      name: overrides.name ?? unique(`测试${kind}`),
      ...(kind === 'joint_union' ? { jointType: overrides.jointType ?? 'regional' } : {}),
    },
  });
  if (response.statusCode !== 201) throw new Error(`buildOrg failed ${response.statusCode}: ${response.body}`);
  return response.json<Org>();
}

/** Passes the password rule (zxcvbn-ts score ≥ 3, not like the username). */
export const TEST_PASSWORD = 'Gh-Test-Pass-2026';

/** Factory: an account with one role on a node, signed in; returns its cookie. */
export async function actorWith(
  ctx: TestContext,
  role: Role,
  orgId: number,
): Promise<{ cookie: string; userId: number; username: string }> {
  const username = unique('u').toLowerCase();
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: ctx.adminCookie },
    payload: { username, displayName: username, password: TEST_PASSWORD, orgId, role },
  });
  if (response.statusCode !== 201) throw new Error(`actorWith failed ${response.statusCode}: ${response.body}`);
  return { cookie: await login(ctx.app, username, TEST_PASSWORD), userId: response.json<{ id: number }>().id, username };
}

/** A small tree most tests need: city → two districts → streets → unions → branch. */
export async function buildTree(ctx: TestContext) {
  const dongcheng = await buildOrg(ctx, 1, 'district_federation', { name: unique('东城区总工会') });
  const xicheng = await buildOrg(ctx, 1, 'district_federation', { name: unique('西城区总工会') });
  const dcStreet = await buildOrg(ctx, dongcheng.id, 'street_federation', { name: unique('东华门街道总工会') });
  const dcStreet2 = await buildOrg(ctx, dongcheng.id, 'street_federation', { name: unique('景山街道总工会') });
  const xcStreet = await buildOrg(ctx, xicheng.id, 'street_federation', { name: unique('西长安街街道总工会') });
  const dcUnion = await buildOrg(ctx, dcStreet.id, 'grassroots_union');
  const dcBranch = await buildOrg(ctx, dcUnion.id, 'branch');
  const xcUnion = await buildOrg(ctx, xcStreet.id, 'grassroots_union');
  return { dongcheng, xicheng, dcStreet, dcStreet2, xcStreet, dcUnion, dcBranch, xcUnion };
}

/** Factory: a valid identity number, unique per call (birth date and sequence vary), with its check digit. */
let idSerial = 0;
export function makeIdNumber(overrides: { region?: string; birth?: string } = {}): string {
  idSerial++;
  const birth =
    overrides.birth ??
    `19${70 + (idSerial % 30)}${String(1 + (idSerial % 12)).padStart(2, '0')}${String(1 + (idSerial % 28)).padStart(2, '0')}`;
  const body = `${overrides.region ?? '110101'}${birth}${String(idSerial % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, c, i) => acc + Number(c) * weights[i]!, 0);
  return body + '10X98765432'.charAt(sum % 11);
}

let phoneSerial = 0;
export function makePhone(): string {
  phoneSerial++;
  return `139${String(process.pid % 10000).padStart(4, '0')}${String(phoneSerial).padStart(4, '0')}`;
}

/** Factory: an approved member of `orgId`, through the public application and a cadre's approval. */
export async function buildMember(
  ctx: TestContext,
  orgId: number,
  overrides: { name?: string; idNumber?: string; phone?: string; employmentForm?: string } = {},
) {
  const idNumber = overrides.idNumber ?? makeIdNumber();
  const phone = overrides.phone ?? makePhone();
  const applied = await ctx.app.inject({
    method: 'POST',
    url: '/api/public/applications',
    payload: { name: overrides.name ?? '测试会员', idNumber, phone, employmentForm: overrides.employmentForm ?? 'standard', orgId },
  });
  if (applied.statusCode !== 201) throw new Error(`apply failed ${applied.statusCode}: ${applied.body}`);
  const { trackingCode } = applied.json<{ trackingCode: string }>();
  const pending = await ctx.app.inject({
    method: 'GET',
    url: `/api/applications?orgId=${orgId}&limit=500`,
    headers: { cookie: ctx.adminCookie },
  });
  const application = pending.json<{ items: { id: number; trackingCode: string }[] }>().items.find((a) => a.trackingCode === trackingCode)!;
  const decided = await ctx.app.inject({
    method: 'POST',
    url: '/api/applications/decisions',
    payload: { ids: [application.id], decision: 'approve' },
    headers: { cookie: ctx.adminCookie },
  });
  if (decided.statusCode !== 200) throw new Error(`approve failed ${decided.statusCode}: ${decided.body}`);
  const status = await ctx.app.inject({
    method: 'GET',
    url: `/api/members?orgId=${orgId}&q=${idNumber}`,
    headers: { cookie: ctx.adminCookie },
  });
  const member = status.json<{ items: { id: number; version: number; cardNo: string }[] }>().items[0]!;
  return { ...member, idNumber, phone, trackingCode };
}

/** The newest one-time code sent to `phone`, read from the outbox as the federation admin would; undefined if none. */
export async function codeSentTo(ctx: TestContext, phone: string): Promise<string | undefined> {
  const rows = await ctx.database.db
    .selectFrom('message_outbox')
    .select(['phone_enc', 'body_zh', 'purpose'])
    .where('purpose', 'in', ['sign_in_code', 'consent_code'])
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const row = rows.find((r) => ctx.app.deps.cipher.decrypt(r.phone_enc) === phone);
  return row ? /(\d{6})/.exec(row.body_zh)?.[1] : undefined;
}

/** Signs a member in on the member pages with the code sent to their phone on record; returns the member cookie. */
export async function signInMember(ctx: TestContext, idNumber: string, phone: string, ip = '127.0.0.1'): Promise<string> {
  const asked = await ctx.app.inject({ method: 'POST', url: '/api/public/member-codes', payload: { idNumber, phone }, remoteAddress: ip });
  if (asked.statusCode !== 201) throw new Error(`member code failed ${asked.statusCode}: ${asked.body}`);
  const code = await codeSentTo(ctx, phone);
  if (!code) throw new Error('no code was sent to that phone');
  const signed = await ctx.app.inject({
    method: 'POST',
    url: '/api/public/member-sessions',
    payload: { challengeId: asked.json<{ challengeId: string }>().challengeId, code },
    remoteAddress: ip,
  });
  const cookie = signed.cookies.find((c) => c.name === 'gh_msid');
  if (signed.statusCode !== 200 || !cookie) throw new Error(`member sign-in failed ${signed.statusCode}: ${signed.body}`);
  return `gh_msid=${cookie.value}`;
}
