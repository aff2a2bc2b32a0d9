import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { replayOf, requestHash } from '../../db/idempotent.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/welfare.errors.js';
import { beijingMinute } from '../../../common/welfare.js';
import { idProblemError, phoneProblemError } from '../../../common/identity-errors.js';
import { maskIdNumber, maskName, maskPhone, parseIdNumber, parsePhone } from '../../../common/identity.js';
import type { Page } from '../../../common/paging.js';
import type {
  Campaign,
  CampaignDetail,
  CampaignListQuery,
  CreateCampaignBody,
  Handout,
  HandoutBody,
  HandoutListQuery,
  MoveBody,
  ReceiptBody,
  StockMove,
  StockPlace,
} from '../../../common/welfare.js';
import { scopeFor, type Actor, type InScope } from '../../auth/scope.js';
import { isAncestorOrSelf, regionOfPath } from '../../auth/tree.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { findCardHolder } from '../members/members.service.js';
import type { EventBus } from '../../events.js';
import type { AuditActor } from '../../audit/audit.js';
import type { VoucherSigner } from './welfare.signer.js';
import * as repo from './welfare.repo.js';

/** What the welfare services use of the app's deps, plus the voucher signer. */
export type WelfareDeps = Pick<Deps, 'db' | 'cipher' | 'cardSigner'> & { vouchers: VoucherSigner };

const fen = (yuan: number) => Math.round(yuan * 100);

/** A campaign was closed (its hand-outs are over): told once, in the closing's transaction. */
export type WelfareCampaignClosed = {
  by: AuditActor;
  campaignId: number;
  regionId: number;
  orgId: number;
  orgPath: string;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
};
declare module '../../events.js' {
  interface AppEvents {
    'welfare.campaign.closed': WelfareCampaignClosed;
  }
}

function toCampaign(row: repo.CampaignRow): Campaign {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    kind: row.kind,
    name: row.name,
    description: row.description,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    voucherFrom: row.voucher_from,
    voucherTo: row.voucher_to,
    budgetYuan: Number(row.budget_fen) / 100,
    closedAt: row.closed_at,
  };
}

/**
 * The campaign, looked up where the caller may see it (404 otherwise). Writes then check the node they act for with
 * `findOrgFor(…, 'welfare.write', …)`, which answers 403 where the caller only reads.
 */
export async function findCampaignFor(db: Executor, actor: Actor, id: number): Promise<InScope<repo.CampaignRow>> {
  const row = await repo.findCampaignInScope(db, scopeFor(actor, 'welfare.read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Creates a campaign of a node: its items with budgets, co-organisers and the merchants taking its vouchers. */
export async function createCampaign(db: Kysely<DB>, actor: Actor, body: CreateCampaignBody): Promise<CampaignDetail> {
  const id = await db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'welfare.write', body.orgId);
    const coOrganisers = [];
    for (const orgId of new Set(body.coOrganiserIds))
      if (orgId !== org.id) coOrganisers.push(await findOrgFor(tx, actor, 'org.read', orgId));
    const merchantIds = [...new Set(body.merchantIds)];
    const known = await repo.merchantsInScope(tx, scopeFor(actor, 'welfare.write'), merchantIds);
    if (known.length !== merchantIds.length) throw new AppError('WELFARE_MERCHANT_UNKNOWN');
    const campaignId = await repo.insertCampaign(tx, {
      orgId: org.id,
      orgPath: org.path,
      regionId: regionOfPath(org.path),
      kind: body.kind,
      name: body.name,
      description: body.description,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      voucherFrom: body.voucherFrom ?? null,
      voucherTo: body.voucherTo ?? null,
    });
    await repo.insertItems(
      tx,
      campaignId,
      body.items.map((i) => ({
        name: i.name,
        unit: i.unit,
        plannedQty: i.plannedQty,
        budgetFen: fen(i.budgetYuan),
        isVoucher: i.isVoucher,
      })),
    );
    await repo.insertCoOrganisers(tx, campaignId, coOrganisers);
    await repo.insertCampaignMerchants(tx, campaignId, merchantIds);
    await recordWrite(
      tx,
      actor,
      'welfare.campaign.create',
      { type: 'welfare_campaign', id: campaignId, orgPath: org.path },
      { kind: body.kind, name: body.name },
    );
    return campaignId;
  });
  return getCampaign(db, actor, id);
}

export async function listCampaigns(db: Kysely<DB>, actor: Actor, query: CampaignListQuery): Promise<Page<Campaign>> {
  const org = await findOrgFor(db, actor, 'welfare.read', query.orgId);
  const scope = scopeFor(actor, 'welfare.read');
  return listPage(query, {
    cursor: 'number',
    read: (after) => repo.listCampaigns(db, scope, { underPath: org.path, after, limit: query.limit }),
    present: (rows) => rows.map(toCampaign),
    sortKey: (last) => last.id,
  });
}

/**
 * Closes a campaign (结束活动): its own node's welfare.write (co-organisers hand out but do not close), once — closing
 * again changes nothing. From then on no hand-out is accepted; the closing is audited and told to the listeners.
 */
export async function closeCampaign(db: Kysely<DB>, bus: EventBus, actor: Actor, id: number): Promise<CampaignDetail> {
  await db.transaction().execute(async (tx) => {
    const campaign = await findCampaignFor(tx, actor, id);
    await findOrgFor(tx, actor, 'welfare.write', campaign.org_id);
    if (!(await repo.closeCampaign(tx, scopeFor(actor, 'welfare.write'), campaign.id, actor.userId))) return;
    await recordWrite(tx, actor, 'welfare.campaign.close', { type: 'welfare_campaign', id: campaign.id, orgPath: campaign.org_path });
    await bus.emit(tx, 'welfare.campaign.closed', {
      by: actor,
      campaignId: campaign.id,
      regionId: campaign.region_id,
      orgId: campaign.org_id,
      orgPath: campaign.org_path,
      title: campaign.name,
      description: campaign.description,
      startsOn: campaign.starts_on,
      endsOn: campaign.ends_on,
    });
  });
  return getCampaign(db, actor, id);
}

/** A campaign with its items, co-organisers, merchants, and the stock and pending receipts the caller may see. */
export async function getCampaign(db: Kysely<DB>, actor: Actor, id: number): Promise<CampaignDetail> {
  const campaign = await findCampaignFor(db, actor, id);
  const scope = scopeFor(actor, 'welfare.read');
  const [items, co, merchants, stock, pending] = await Promise.all([
    repo.itemsOf(db, campaign),
    repo.coOrganisersOf(db, campaign),
    repo.merchantsOf(db, campaign),
    repo.balancesInScope(db, scope, campaign),
    repo.pendingReceiptsInScope(db, scope, campaign),
  ]);
  return {
    ...toCampaign(campaign),
    items: items.map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      plannedQty: i.planned_qty,
      budgetYuan: i.budget_fen / 100,
      isVoucher: i.is_voucher,
    })),
    coOrganisers: co.map((c) => ({ orgId: c.org_id, orgName: c.name })),
    merchants: merchants.map((m) => ({ merchantId: m.id, name: m.name })),
    stock: stock.map((s) => ({
      locationId: s.location_id,
      kind: s.kind,
      orgId: s.org_id,
      orgName: s.org_name,
      site: s.name,
      itemId: s.item_id,
      qty: s.qty,
    })),
    pendingReceipts: pending.map((p) => ({
      moveId: p.id,
      toOrgId: p.org_id,
      toOrgName: p.org_name,
      itemId: p.item_id,
      qty: p.qty,
      sentAt: p.created_at,
    })),
  };
}

type Place = { id: number; orgPath: string; orgId: number };

/**
 * A place of a node the caller writes for: the node's own stock (the campaign node's is the warehouse) or one of its
 * sites. `create` makes a site on first use (a transfer's destination); otherwise the place must hold stock already.
 */
async function placeFor(tx: Executor, actor: Actor, campaign: InScope<repo.CampaignRow>, at: StockPlace, create: boolean): Promise<Place> {
  const org = await findOrgFor(tx, actor, 'welfare.write', at.orgId);
  const kind = at.site ? 'site' : org.id === campaign.org_id ? 'warehouse' : 'node';
  const ref = { kind, orgId: org.id, orgPath: org.path, name: at.site ?? '' } as const;
  if (create || kind === 'warehouse') return { id: await repo.ensureLocation(tx, campaign, ref), orgPath: org.path, orgId: org.id };
  const found = await repo.findLocation(tx, campaign, ref);
  if (!found) throw new AppError('WELFARE_NOT_IN_CAMPAIGN');
  return { id: found.id, orgPath: org.path, orgId: org.id };
}

function toMove(m: repo.MoveRow): StockMove {
  return {
    id: m.id,
    kind: m.kind,
    itemId: m.item_id,
    qty: m.qty,
    fromLocationId: m.from_location_id,
    toLocationId: m.to_location_id,
    createdAt: m.created_at,
  };
}

async function itemOf(tx: Executor, campaign: InScope<repo.CampaignRow>, itemId: number) {
  const item = (await repo.itemsOf(tx, campaign)).find((i) => i.id === itemId);
  if (!item) throw new AppError('WELFARE_ITEM_UNKNOWN');
  return item;
}

/** Throws the stock shortage of a refused change in words: the item, what is left there, its unit. */
async function shortage(tx: Executor, campaign: InScope<repo.CampaignRow>, refusal: repo.BalanceChange): Promise<never> {
  const item = await itemOf(tx, campaign, refusal.itemId);
  const left = await repo.balanceOf(tx, campaign.region_id, refusal.locationId, refusal.itemId);
  throw new AppError('WELFARE_STOCK_SHORT', { item: item.name, left, unit: item.unit });
}

/**
 * Writes one stock move by its caller's key: the same key with the same fields answers the first move, with other
 * fields 409; the balances change by guarded updates in the move's transaction.
 */
async function writeMove(
  tx: Executor,
  actor: Actor,
  campaign: InScope<repo.CampaignRow>,
  m: {
    key: string;
    kind: StockMove['kind'];
    itemId: number;
    qty: number;
    from: number | null;
    to: number;
    receiptOf?: number;
    note?: string | undefined;
  },
  orgPath: string,
): Promise<StockMove> {
  const hash = requestHash([m.kind, m.itemId, m.qty, m.from, m.to, m.receiptOf, m.note]);
  const prior = replayOf(await repo.findMoveByKey(tx, campaign, m.key), hash, 'WELFARE_KEY_REUSED');
  if (prior) return toMove(prior);
  const move = await repo.insertMove(tx, {
    region_id: campaign.region_id,
    campaign_id: campaign.id,
    move_key: m.key,
    request_hash: hash,
    kind: m.kind,
    from_location_id: m.from,
    to_location_id: m.to,
    item_id: m.itemId,
    qty: m.qty,
    receipt_of: m.receiptOf ?? null,
    note: m.note ?? null,
    actor_user_id: actor.userId,
  });
  if (!move) {
    // A concurrent move under the same key committed between the look-up and the insert.
    const raced = replayOf(await repo.findMoveByKey(tx, campaign, m.key), hash, 'WELFARE_KEY_REUSED');
    if (!raced) throw new AppError('WELFARE_KEY_REUSED');
    return toMove(raced);
  }
  const changes = [{ locationId: m.to, itemId: m.itemId, delta: m.qty }];
  if (m.from !== null) changes.push({ locationId: m.from, itemId: m.itemId, delta: -m.qty });
  const refusal = await repo.applyBalanceChanges(tx, campaign.region_id, changes);
  if (refusal) await shortage(tx, campaign, refusal);
  await recordWrite(
    tx,
    actor,
    m.kind === 'receive' ? 'welfare.receipt' : 'welfare.move',
    { type: 'welfare_campaign', id: campaign.id, orgPath },
    { kind: m.kind, moveId: move.id, itemId: m.itemId, qty: m.qty },
  );
  return toMove(move);
}

/** Stock in at the warehouse, an allocation down the tree (in transit until received), or a transfer to a site. */
export async function moveStock(db: Kysely<DB>, actor: Actor, campaignId: number, body: MoveBody): Promise<StockMove> {
  return db.transaction().execute(async (tx) => {
    const campaign = await findCampaignFor(tx, actor, campaignId);
    await itemOf(tx, campaign, body.itemId);
    const common = { key: body.key, kind: body.kind, itemId: body.itemId, qty: body.qty, note: body.note };
    if (body.kind === 'stock_in') {
      const warehouse = await placeFor(tx, actor, campaign, { orgId: campaign.org_id }, true);
      return writeMove(tx, actor, campaign, { ...common, from: null, to: warehouse.id }, campaign.org_path);
    }
    if (body.kind === 'allocate') {
      const from = await placeFor(tx, actor, campaign, { orgId: body.fromOrgId }, false);
      const to = await findOrgFor(tx, actor, 'welfare.write', body.toOrgId);
      if (to.id === from.orgId || !isAncestorOrSelf(from.orgPath, to.path)) throw new AppError('WELFARE_NOT_BELOW');
      const transit = await repo.ensureLocation(tx, campaign, { kind: 'transit', orgId: to.id, orgPath: to.path, name: '' });
      return writeMove(tx, actor, campaign, { ...common, from: from.id, to: transit }, from.orgPath);
    }
    const from = await placeFor(tx, actor, campaign, body.from, false);
    const to = await placeFor(tx, actor, campaign, body.to, true);
    if (from.orgId !== to.orgId) throw new AppError('WELFARE_NOT_BELOW');
    return writeMove(tx, actor, campaign, { ...common, from: from.id, to: to.id }, from.orgPath);
  });
}

/** The receiving node confirms an allocation: its goods leave transit for the node's stock (once; a repeat answers the first). */
export async function confirmReceipt(db: Kysely<DB>, actor: Actor, campaignId: number, body: ReceiptBody): Promise<StockMove> {
  return db.transaction().execute(async (tx) => {
    const campaign = await findCampaignFor(tx, actor, campaignId);
    const allocation = await repo.findAllocationInScope(tx, scopeFor(actor, 'welfare.write'), campaign, body.moveId);
    if (!allocation) {
      if (await repo.findAllocationInScope(tx, scopeFor(actor, 'welfare.read'), campaign, body.moveId)) throw new AppError('FORBIDDEN');
      throw new AppError('NOT_FOUND');
    }
    if (allocation.kind !== 'allocate') throw new AppError('WELFARE_NOT_A_RECEIPT');
    const node = await repo.ensureLocation(tx, campaign, {
      kind: 'node',
      orgId: allocation.org_id,
      orgPath: allocation.org_path,
      name: '',
    });
    return writeMove(
      tx,
      actor,
      campaign,
      {
        key: `receipt:${allocation.id}`,
        kind: 'receive',
        itemId: allocation.item_id,
        qty: allocation.qty,
        from: allocation.to_location_id,
        to: node,
        receiptOf: allocation.id,
      },
      allocation.org_path,
    );
  });
}

/** Who receives: the person's blind index (one hand-out per person per campaign) and what is kept of them, sealed. */
async function recipientOf(tx: Executor, deps: WelfareDeps, body: HandoutBody) {
  if (body.kind === 'batch') return { bidx: null, fields: { batch_count: body.count } };
  if (body.kind === 'member') {
    const payload = deps.cardSigner.verify(body.cardToken);
    if (
      !payload ||
      typeof payload.c !== 'string' ||
      typeof payload.v !== 'number' ||
      typeof payload.r !== 'number' ||
      typeof payload.e !== 'number'
    )
      throw new AppError('WELFARE_CARD_INVALID');
    if (payload.e < Math.floor(Date.now() / 1000)) throw new AppError('WELFARE_CARD_INVALID');
    const card = await findCardHolder(tx, { regionId: payload.r, cardNo: payload.c });
    if (!card || card.status !== 'member' || card.card_status !== 'active' || card.card_version !== payload.v)
      throw new AppError('WELFARE_CARD_INVALID');
    const member = await repo.memberIdentity(tx, card.region_id, card.id);
    if (!member) throw new AppError('WELFARE_CARD_INVALID');
    return {
      bidx: member.id_number_bidx,
      fields: {
        member_region_id: member.region_id,
        member_id: member.id,
        name_masked: maskName(member.name),
        id_number_masked: member.id_number_masked,
        phone_masked: member.phone_masked,
      },
    };
  }
  const phone = parsePhone(body.phone);
  if (!phone.ok) throw phoneProblemError(phone.problem);
  let idNumber: string | null = null;
  if (body.idNumber !== undefined) {
    const parsed = parseIdNumber(body.idNumber);
    if (!parsed.ok) throw idProblemError(parsed.problem);
    idNumber = parsed.facts.id;
  }
  return {
    bidx: idNumber ? deps.cipher.blindIndex('id_number', idNumber) : deps.cipher.blindIndex('phone', phone.phone),
    fields: {
      name_enc: deps.cipher.encrypt(body.name),
      name_masked: maskName(body.name),
      phone_enc: deps.cipher.encrypt(phone.phone),
      phone_masked: maskPhone(phone.phone),
      id_number_enc: idNumber ? deps.cipher.encrypt(idNumber) : null,
      id_number_masked: idNumber ? maskIdNumber(idNumber) : null,
    },
  };
}

/** The instant a Beijing day starts (00:00 Asia/Shanghai, UTC+8 all year). */
const beijingMidnight = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);

/**
 * Hands goods out from a place of a node: to a member (card scanned), a named non-member, or a counted batch at a
 * site. One per person per campaign across every unit (the unique blind index decides between racing hand-outs);
 * the same key with the same fields answers the first hand-out; voucher items issue one signed voucher each.
 */
export async function handOut(deps: WelfareDeps, actor: Actor, campaignId: number, body: HandoutBody): Promise<Handout> {
  const { handoutId, campaign } = await deps.db.transaction().execute(async (tx) => {
    const campaign = await findCampaignFor(tx, actor, campaignId);
    if (!(await repo.lockOpenCampaign(tx, campaign.id))) throw new AppError('WELFARE_CAMPAIGN_CLOSED');
    const place = await placeFor(tx, actor, campaign, body.from, false);
    if (body.kind === 'batch' && !body.from.site) throw new AppError('WELFARE_BATCH_AT_SITE');
    const items = await repo.itemsOf(tx, campaign);
    const lines = [...body.items].sort((a, b) => a.itemId - b.itemId);
    for (const line of lines) {
      const item = items.find((i) => i.id === line.itemId);
      if (!item) throw new AppError('WELFARE_ITEM_UNKNOWN');
      if (item.is_voucher && (body.kind === 'batch' || line.qty !== 1)) throw new AppError('WELFARE_VOUCHER_ITEM');
    }
    if (new Set(lines.map((l) => l.itemId)).size !== lines.length) throw new AppError('WELFARE_ITEM_UNKNOWN');
    const recipient = await recipientOf(tx, deps, body);
    const hash = requestHash([body.kind, place.id, recipient.bidx, body.kind === 'batch' ? body.count : body.collectorName, lines]);
    const prior = replayOf(await repo.findHandoutByKey(tx, campaign, body.key), hash, 'WELFARE_KEY_REUSED');
    if (prior) return { handoutId: prior.id, campaign };
    const id = await repo.insertHandout(tx, {
      region_id: campaign.region_id,
      campaign_id: campaign.id,
      handout_key: body.key,
      request_hash: hash,
      kind: body.kind,
      person_bidx: recipient.bidx,
      collector_name: body.kind === 'batch' ? null : (body.collectorName ?? null),
      location_id: place.id,
      org_id: place.orgId,
      org_path: place.orgPath,
      actor_user_id: actor.userId,
      ...recipient.fields,
    });
    if (id === undefined) {
      const raced = replayOf(await repo.findHandoutByKey(tx, campaign, body.key), hash, 'WELFARE_KEY_REUSED');
      if (raced) return { handoutId: raced.id, campaign };
      const first = recipient.bidx ? await repo.findHandoutOfPerson(tx, campaign, recipient.bidx) : undefined;
      throw new AppError('WELFARE_ALREADY_HANDED_OUT', {
        at: first ? beijingMinute(first.created_at) : '',
        place: first ? [first.org_name, first.site].filter(Boolean).join(' · ') : '',
      });
    }
    const sink = await repo.ensureLocation(tx, campaign, {
      kind: 'handed_out',
      orgId: campaign.org_id,
      orgPath: campaign.org_path,
      name: '',
    });
    for (const line of lines) {
      await repo.insertMove(tx, {
        region_id: campaign.region_id,
        campaign_id: campaign.id,
        move_key: `handout:${id}:${line.itemId}`,
        request_hash: hash,
        kind: 'hand_out',
        from_location_id: place.id,
        to_location_id: sink,
        item_id: line.itemId,
        qty: line.qty,
        handout_id: id,
        actor_user_id: actor.userId,
      });
    }
    // The sink keeps no balance (it only grows; the moves are its record): hand-outs do not queue on one row.
    const refusal = await repo.applyBalanceChanges(
      tx,
      campaign.region_id,
      lines.map((l) => ({ locationId: place.id, itemId: l.itemId, delta: -l.qty })),
    );
    if (refusal) await shortage(tx, campaign, refusal);
    for (const line of lines) {
      if (!items.find((i) => i.id === line.itemId)!.is_voucher) continue;
      await repo.insertVoucher(tx, {
        regionId: campaign.region_id,
        campaignId: campaign.id,
        itemId: line.itemId,
        handoutId: id,
        serial: randomBytes(9).toString('base64url'),
        validFrom: beijingMidnight(campaign.voucher_from!).toISOString(),
        validTo: beijingMidnight(campaign.voucher_to!, 1).toISOString(),
      });
    }
    await recordWrite(
      tx,
      actor,
      'welfare.handout',
      { type: 'welfare_campaign', id: campaign.id, orgPath: place.orgPath },
      { handoutId: id, kind: body.kind, items: lines, ...(body.kind === 'batch' ? { count: body.count } : {}) },
    );
    return { handoutId: id, campaign };
  });
  const [presented] = await presentHandouts(deps, campaign, [await repo.findHandout(deps.db, campaign, handoutId)], true);
  return presented!;
}

async function presentHandouts(
  deps: WelfareDeps,
  campaign: InScope<repo.CampaignRow>,
  rows: repo.HandoutRow[],
  withTokens: boolean,
): Promise<Handout[]> {
  const ids = rows.map((r) => r.id);
  const [lines, vouchers, merchants] = await Promise.all([
    repo.linesOfHandouts(deps.db, campaign.region_id, ids),
    repo.vouchersOfHandouts(deps.db, campaign.region_id, ids),
    repo.merchantsOf(deps.db, campaign),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    nameMasked: r.name_masked,
    phoneMasked: r.phone_masked,
    idNumberMasked: r.id_number_masked,
    collectorName: r.collector_name,
    batchCount: r.batch_count,
    orgId: r.org_id,
    orgName: r.org_name,
    site: r.site,
    createdAt: r.created_at,
    hasPhoto: r.has_photo,
    items: lines.filter((l) => l.handout_id === r.id).map((l) => ({ itemId: l.item_id, qty: l.qty })),
    vouchers: vouchers
      .filter((v) => v.handout_id === r.id)
      .map((v) => ({
        id: v.id,
        itemId: v.item_id,
        serial: v.serial,
        validTo: v.valid_to,
        // The QR code is shown once, to the hand-out's own answer; lists carry the serial only.
        token: withTokens
          ? deps.vouchers.sign({
              v: v.id,
              r: v.region_id,
              s: v.serial,
              c: v.campaign_id,
              i: v.item_id,
              f: Math.floor(Date.parse(v.valid_from) / 1000),
              t: Math.floor(Date.parse(v.valid_to) / 1000),
              m: merchants.map((m) => m.id),
            })
          : '',
      })),
  }));
}

export async function listHandouts(deps: WelfareDeps, actor: Actor, campaignId: number, query: HandoutListQuery): Promise<Page<Handout>> {
  const campaign = await findCampaignFor(deps.db, actor, campaignId);
  const scope = scopeFor(actor, 'welfare.read');
  return listPage(query, {
    cursor: 'number',
    read: (after) => repo.listHandouts(deps.db, scope, campaign, after, query.limit),
    present: (rows) => presentHandouts(deps, campaign, rows, false),
    sortKey: (last) => last.id,
  });
}
