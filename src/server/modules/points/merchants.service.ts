import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/points.merchants.errors.js';
import '../../../common/users.errors.js';
import type { Page } from '../../../common/paging.js';
import type { MerchantStatus } from '../../../common/points.js';
import {
  CreateMerchantBody,
  type CatalogueItemInput,
  type Counter,
  type CreateCashierBody,
  type CreatedCashier,
  type Merchant,
  type MerchantDetail,
  type MerchantListQuery,
  type ShopInput,
} from '../../../common/points.merchants.js';
import { checkUscc, normaliseUscc } from '../../../common/uscc.js';
import { scopeFor, type Actor, type InScope } from '../../auth/scope.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor, findOrgPathInScope } from '../orgs/orgs.service.js';
import { createNarrowAccount, firstPasswordOf } from '../users/narrow-accounts.js';
import * as repo from './merchants.repo.js';

type MerchantRow = InScope<repo.MerchantRow>;

function toMerchant(r: repo.MerchantRow): Merchant {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    uscc: r.uscc,
    contactName: r.contact_name,
    status: r.status,
    shops: Number(r.shops ?? 0),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/**
 * A merchant the caller may act on with `action`: NOT_FOUND outside what it may read, FORBIDDEN when it may read
 * it but not do this (the pattern of findOrgFor).
 */
export async function findMerchantFor(db: Executor, actor: Actor, action: 'points.read' | 'points.write', id: number, forUpdate = false) {
  const row = await repo.findMerchantInScope(db, scopeFor(actor, action), id, forUpdate);
  if (row) return row;
  if (action !== 'points.read' && (await repo.findMerchantInScope(db, scopeFor(actor, 'points.read'), id))) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** Whether the caller signs in as a merchant's cashier (and then reaches that merchant only). */
export function isCashier(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'cashier');
}

/**
 * The merchant at whose counter the caller charges: a cashier's own merchant (named by its cashier row, in SQL), or
 * for a cadre allowed to redeem, the merchant it names inside its points.redeem scope.
 */
export async function counterMerchantFor(db: Executor, actor: Actor, merchantId: number | undefined): Promise<MerchantRow> {
  const scope = scopeFor(actor, 'points.redeem');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  if (isCashier(actor)) {
    const own = await repo.findCashierMerchant(db, scope, actor.userId);
    if (!own || (merchantId !== undefined && merchantId !== own.id)) throw new AppError('NOT_FOUND');
    return own;
  }
  if (merchantId === undefined) throw new AppError('NOT_FOUND');
  const row = await repo.findMerchantInScope(db, scope, merchantId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A merchant whose statements the caller may read: a cashier its own, a cadre those in its points.read scope. */
export async function statementMerchantFor(db: Executor, actor: Actor, merchantId: number): Promise<MerchantRow> {
  if (isCashier(actor)) return counterMerchantFor(db, actor, merchantId);
  return findMerchantFor(db, actor, 'points.read', merchantId);
}

function validUscc(input: string | undefined): string | null {
  if (input === undefined || input === '') return null;
  const code = normaliseUscc(input);
  if (checkUscc(code)) throw new AppError('POINTS_USCC_INVALID');
  return code;
}

async function designateChecked(tx: Executor, merchant: MerchantRow, programmeId: number): Promise<void> {
  const programme = await repo.findProgrammeForMerchant(tx, merchant, programmeId);
  if (!programme) throw new AppError('POINTS_PROGRAMME_OUT_OF_REACH');
  await repo.designate(tx, merchant, programme.id);
}

/** Registers a merchant at a node, with its shops, catalogue and designated programmes, in one transaction. */
export async function createMerchant(db: Kysely<DB>, actor: Actor, input: CreateMerchantBody): Promise<MerchantDetail> {
  const body = CreateMerchantBody.parse(input);
  const uscc = validUscc(body.uscc);
  const id = await db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'points.write', body.orgId);
    const id = await repo.insertMerchant(tx, {
      orgId: org.id,
      orgPath: org.path,
      name: body.name,
      uscc,
      contactName: body.contactName || null,
    });
    const merchant = await findMerchantFor(tx, actor, 'points.write', id);
    for (const shop of body.shops) await repo.insertShop(tx, merchant, shop);
    for (const item of body.items) await repo.insertItem(tx, merchant, item);
    for (const programmeId of body.programmeIds) await designateChecked(tx, merchant, programmeId);
    await recordWrite(tx, actor, 'points.merchant.create', { type: 'points_merchant', id, orgPath: org.path }, { name: body.name });
    return id;
  });
  return getMerchant(db, actor, id);
}

export async function listMerchants(db: Kysely<DB>, actor: Actor, query: MerchantListQuery): Promise<Page<Merchant>> {
  const scope = scopeFor(actor, 'points.read');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const underPath = await findOrgPathInScope(db, scopeFor(actor, 'org.read'), query.orgId);
  const filter = { underPath, status: query.status };
  return listPage(query, {
    cursor: 'number',
    read: (afterId) => repo.listMerchants(db, scope, { ...filter, afterId, limit: query.limit }),
    present: (rows) => rows.map(toMerchant),
    sortKey: (last) => last.id,
    total: () => repo.countMerchants(db, scope, filter),
  });
}

async function detailOf(db: Executor, row: MerchantRow): Promise<MerchantDetail> {
  const [shops, items, programmes, cashiers] = await Promise.all([
    repo.shopsOf(db, row),
    repo.itemsOf(db, row),
    repo.programmesOf(db, row),
    repo.cashiersOf(db, row),
  ]);
  return {
    ...toMerchant(row),
    shopList: shops.map((s) => ({
      id: s.id,
      name: s.name,
      address: s.address,
      lat: s.lat,
      lng: s.lng,
      districtCode: s.district_code,
      openingHours: s.opening_hours,
    })),
    items,
    programmes: programmes.map((p) => ({ id: p.id, name: p.name, orgName: p.org_name })),
    cashiers: cashiers.map((c) => ({ userId: c.id, username: c.username, displayName: c.display_name, isDisabled: c.is_disabled })),
  };
}

export async function getMerchant(db: Kysely<DB>, actor: Actor, id: number): Promise<MerchantDetail> {
  return detailOf(db, await findMerchantFor(db, actor, 'points.read', id));
}

/** One write on a merchant in the caller's points.write scope: the change and its audit entry in one transaction. */
async function changeMerchant(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  action: string,
  detail: Record<string, unknown>,
  change: (tx: Executor, merchant: MerchantRow) => Promise<void>,
): Promise<MerchantDetail> {
  await db.transaction().execute(async (tx) => {
    const merchant = await findMerchantFor(tx, actor, 'points.write', id, true);
    await change(tx, merchant);
    await recordWrite(tx, actor, action, { type: 'points_merchant', id, orgPath: merchant.org_path }, detail);
  });
  return getMerchant(db, actor, id);
}

/** Suspends a merchant (its counter refuses charges) or opens it again. */
export const setMerchantStatus = (db: Kysely<DB>, actor: Actor, id: number, status: MerchantStatus) =>
  changeMerchant(db, actor, id, 'points.merchant.status', { status }, (tx, m) => repo.setMerchantStatus(tx, m, status));

export const addShop = (db: Kysely<DB>, actor: Actor, id: number, shop: ShopInput) =>
  changeMerchant(db, actor, id, 'points.merchant.shop', { name: shop.name }, async (tx, m) => void (await repo.insertShop(tx, m, shop)));

export const addItem = (db: Kysely<DB>, actor: Actor, id: number, item: CatalogueItemInput) =>
  changeMerchant(db, actor, id, 'points.merchant.item', { ...item }, async (tx, m) => void (await repo.insertItem(tx, m, item)));

/** Takes an item off the catalogue (kept for the statements of past charges). */
export const withdrawItem = (db: Kysely<DB>, actor: Actor, id: number, itemId: number) =>
  changeMerchant(db, actor, id, 'points.merchant.item_withdraw', { itemId }, async (tx, m) => {
    if (!(await repo.setItemActive(tx, m, itemId, false))) throw new AppError('POINTS_ITEM_UNKNOWN');
  });

/** Designates the merchant for a programme of its node, a node above it or one inside its subtree. */
export const designateProgramme = (db: Kysely<DB>, actor: Actor, id: number, programmeId: number) =>
  changeMerchant(db, actor, id, 'points.merchant.designate', { programmeId }, (tx, m) => designateChecked(tx, m, programmeId));

/**
 * Creates a cashier account for a merchant: a user holding the role 'cashier' on the merchant's node, tied to the
 * merchant, with a generated first password (shown once, changed at first sign-in).
 */
export async function createCashier(db: Kysely<DB>, actor: Actor, merchantId: number, body: CreateCashierBody): Promise<CreatedCashier> {
  const { firstPassword, passwordHash } = await firstPasswordOf(body.username);
  return db.transaction().execute(async (tx) => {
    const merchant = await findMerchantFor(tx, actor, 'points.write', merchantId, true);
    const userId = await createNarrowAccount(
      tx,
      actor,
      { username: body.username, displayName: body.displayName, passwordHash, role: 'cashier', node: merchant },
      { action: 'points.merchant.cashier', target: { type: 'points_merchant', id: merchantId, orgPath: merchant.org_path } },
    );
    await repo.insertCashier(tx, merchant, userId);
    return { userId, username: body.username, firstPassword };
  });
}

/** The cashier's counter: its merchant, the programmes it takes and its catalogue. */
export async function counter(db: Kysely<DB>, actor: Actor, merchantId: number | undefined): Promise<Counter> {
  const m = await counterMerchantFor(db, actor, merchantId);
  const [programmes, items] = await Promise.all([repo.programmesOf(db, m), repo.itemsOf(db, m, true)]);
  return {
    merchantId: m.id,
    merchantName: m.name,
    status: m.status,
    programmes: programmes.map((p) => ({ id: p.id, name: p.name, orgName: p.org_name })),
    items,
  };
}
