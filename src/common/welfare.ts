import { z } from 'zod';
import { BodyId, Id } from './paging.js';
import { CalendarDate } from './inputs.js';
import { defineAuditActions } from './audit.actions.js';

/** 慰问 / 夏送清凉 / 送温暖. */
export const campaignKinds = ['condolence', 'summer', 'winter'] as const;
export type CampaignKind = (typeof campaignKinds)[number];

/** The units items are counted in. */
export const itemUnits = ['斤', '箱', '份', '瓶', '盒', '张'] as const;
export type ItemUnit = (typeof itemUnits)[number];

export const locationKinds = ['warehouse', 'node', 'transit', 'site', 'handed_out'] as const;
export type LocationKind = (typeof locationKinds)[number];

export const moveKinds = ['stock_in', 'allocate', 'receive', 'transfer', 'hand_out'] as const;
export type MoveKind = (typeof moveKinds)[number];

export const handoutKinds = ['member', 'person', 'batch'] as const;
export type HandoutKind = (typeof handoutKinds)[number];

export const scanModes = ['online', 'offline'] as const;
export type ScanMode = (typeof scanModes)[number];

/** An instant as Beijing's wall clock, 'YYYY-MM-DD HH:mm' (UTC+8 all year), for messages. */
export function beijingMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Named limits. */
export const WELFARE_LIMITS = {
  items: 30,
  coOrganisers: 20,
  merchants: 50,
  qty: 100_000_000,
  budgetYuan: 100_000_000,
  batchCount: 100_000,
  offlineScans: 500,
  /** How far ahead of the server's clock an offline scan's time may be (a phone's clock runs fast). */
  clockSkewSeconds: 300,
} as const;

/** A caller's id of a write (an Idempotency-Key): printable, no spaces. */
export const WelfareKey = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[\x21-\x7e]+$/u);
const Qty = z.number().int().positive().max(WELFARE_LIMITS.qty);
const Name = z.string().trim().min(1).max(100);

export const CampaignItemInput = z.object({
  name: Name,
  unit: z.enum(itemUnits),
  plannedQty: Qty,
  /** The item's budget in yuan (two decimals at most). */
  budgetYuan: z.number().nonnegative().max(WELFARE_LIMITS.budgetYuan).multipleOf(0.01).default(0),
  /** A voucher (e.g. a cold drink at a designated shop): each hand-out of it issues one signed voucher. */
  isVoucher: z.boolean().default(false),
});

export const CreateCampaignBody = z
  .object({
    orgId: BodyId,
    kind: z.enum(campaignKinds),
    name: Name,
    description: z.string().trim().max(2000).default(''),
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    voucherFrom: CalendarDate.optional(),
    voucherTo: CalendarDate.optional(),
    coOrganiserIds: z.array(BodyId).max(WELFARE_LIMITS.coOrganisers).default([]),
    merchantIds: z.array(BodyId).max(WELFARE_LIMITS.merchants).default([]),
    items: z.array(CampaignItemInput).min(1).max(WELFARE_LIMITS.items),
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: '结束日期不能早于开始日期 / the end must not precede the start', path: ['endsOn'] })
  .refine((b) => (b.voucherFrom === undefined) === (b.voucherTo === undefined) && (!b.voucherTo || b.voucherTo >= b.voucherFrom!), {
    message: '兑换期须同时给出起止日期且不倒置 / give both voucher dates, the end not before the start',
    path: ['voucherTo'],
  })
  .refine((b) => !b.items.some((i) => i.isVoucher) || b.voucherFrom !== undefined, {
    message: '含兑换券的活动须给出兑换期 / a campaign with vouchers needs a voucher period',
    path: ['voucherFrom'],
  })
  .refine((b) => new Set(b.items.map((i) => i.name)).size === b.items.length, {
    message: '物资名称不能重复 / item names must differ',
    path: ['items'],
  });
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

export const CampaignItem = z.object({
  id: z.number(),
  name: z.string(),
  unit: z.enum(itemUnits),
  plannedQty: z.number(),
  budgetYuan: z.number(),
  isVoucher: z.boolean(),
});
export type CampaignItem = z.infer<typeof CampaignItem>;

export const Campaign = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.enum(campaignKinds),
  name: z.string(),
  description: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  voucherFrom: z.string().nullable(),
  voucherTo: z.string().nullable(),
  budgetYuan: z.number(),
  /** When the campaign was closed (its hand-outs over); null while it is open. */
  closedAt: z.string().nullable(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignListQuery = z.object({
  orgId: Id,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;

/** Stock at one location of the campaign, per item (the locations the caller may see). */
export const StockBalance = z.object({
  locationId: z.number(),
  kind: z.enum(locationKinds),
  orgId: z.number(),
  orgName: z.string(),
  site: z.string(),
  itemId: z.number(),
  qty: z.number(),
});
export type StockBalance = z.infer<typeof StockBalance>;

/** An allocation on its way to a node, waiting for the node to confirm receipt. */
export const PendingReceipt = z.object({
  moveId: z.number(),
  toOrgId: z.number(),
  toOrgName: z.string(),
  itemId: z.number(),
  qty: z.number(),
  sentAt: z.string(),
});

export const CampaignDetail = Campaign.extend({
  items: z.array(CampaignItem),
  coOrganisers: z.array(z.object({ orgId: z.number(), orgName: z.string() })),
  merchants: z.array(z.object({ merchantId: z.number(), name: z.string() })),
  stock: z.array(StockBalance),
  pendingReceipts: z.array(PendingReceipt),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

/** A place stock is at: a node's own stock (the campaign's node: its warehouse) or a named site the node runs. */
export const StockPlace = z.object({
  orgId: BodyId,
  site: z.string().trim().min(1).max(100).optional(),
});
export type StockPlace = z.infer<typeof StockPlace>;

export const MoveBody = z.discriminatedUnion('kind', [
  /** Goods arrive at the campaign's warehouse. */
  z.object({ kind: z.literal('stock_in'), key: WelfareKey, itemId: BodyId, qty: Qty, note: z.string().trim().max(500).optional() }),
  /** Down the tree: from a node's stock to a node below it, in transit until that node confirms receipt. */
  z.object({
    kind: z.literal('allocate'),
    key: WelfareKey,
    itemId: BodyId,
    qty: Qty,
    fromOrgId: BodyId,
    toOrgId: BodyId,
    note: z.string().trim().max(500).optional(),
  }),
  /** Within a node: from its stock to a site it runs (or back). */
  z.object({
    kind: z.literal('transfer'),
    key: WelfareKey,
    itemId: BodyId,
    qty: Qty,
    from: StockPlace,
    to: StockPlace,
    note: z.string().trim().max(500).optional(),
  }),
]);
export type MoveBody = z.infer<typeof MoveBody>;

export const StockMove = z.object({
  id: z.number(),
  kind: z.enum(moveKinds),
  itemId: z.number(),
  qty: z.number(),
  fromLocationId: z.number().nullable(),
  toLocationId: z.number(),
  createdAt: z.string(),
});
export type StockMove = z.infer<typeof StockMove>;

export const ReceiptBody = z.object({ moveId: BodyId });
export type ReceiptBody = z.infer<typeof ReceiptBody>;

export const HandoutLine = z.object({ itemId: BodyId, qty: Qty });

export const HandoutBody = z.discriminatedUnion('kind', [
  /** A member, by scanning the member card's QR code. */
  z.object({
    kind: z.literal('member'),
    key: WelfareKey,
    from: StockPlace,
    cardToken: z.string().trim().min(1).max(400),
    collectorName: z.string().trim().min(1).max(50).optional(),
    items: z.array(HandoutLine).min(1).max(WELFARE_LIMITS.items),
  }),
  /** A named non-member (an outdoor worker): name and phone, the ID number if shown. */
  z.object({
    kind: z.literal('person'),
    key: WelfareKey,
    from: StockPlace,
    name: z.string().trim().min(1).max(50),
    phone: z.string().trim().min(1).max(30),
    idNumber: z.string().trim().min(1).max(30).optional(),
    collectorName: z.string().trim().min(1).max(50).optional(),
    items: z.array(HandoutLine).min(1).max(WELFARE_LIMITS.items),
  }),
  /** A counted batch at a site (people not named one by one). */
  z.object({
    kind: z.literal('batch'),
    key: WelfareKey,
    from: StockPlace,
    count: z.number().int().positive().max(WELFARE_LIMITS.batchCount),
    items: z.array(HandoutLine).min(1).max(WELFARE_LIMITS.items),
  }),
]);
export type HandoutBody = z.infer<typeof HandoutBody>;

export const IssuedVoucher = z.object({ id: z.number(), itemId: z.number(), serial: z.string(), token: z.string(), validTo: z.string() });

export const Handout = z.object({
  id: z.number(),
  kind: z.enum(handoutKinds),
  nameMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  collectorName: z.string().nullable(),
  batchCount: z.number().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  site: z.string(),
  createdAt: z.string(),
  items: z.array(z.object({ itemId: z.number(), qty: z.number() })),
  vouchers: z.array(IssuedVoucher),
  /** A batch hand-out's photo was uploaded (GET …/handouts/:handoutId/photo). */
  hasPhoto: z.boolean(),
});
export type Handout = z.infer<typeof Handout>;

export const HandoutPhotoParams = z.object({ id: Id, handoutId: Id });
export const HandoutPhoto = z.object({ handoutId: z.number(), mime: z.string(), bytes: z.number(), createdAt: z.string() });
export type HandoutPhoto = z.infer<typeof HandoutPhoto>;

export const HandoutListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type HandoutListQuery = z.infer<typeof HandoutListQuery>;

export const RedemptionBody = z.object({
  token: z.string().trim().min(1).max(1000),
  /** The merchant scanning; a cashier's own merchant when omitted. */
  merchantId: BodyId.optional(),
});
export type RedemptionBody = z.infer<typeof RedemptionBody>;

export const OfflineScansBody = z.object({
  merchantId: BodyId.optional(),
  scans: z
    .array(z.object({ token: z.string().trim().min(1).max(1000), scannedAt: z.string().datetime({ offset: true }) }))
    .min(1)
    .max(WELFARE_LIMITS.offlineScans),
});
export type OfflineScansBody = z.infer<typeof OfflineScansBody>;

export const scanOutcomes = ['redeemed', 'duplicate', 'invalid', 'expired', 'wrong_merchant'] as const;
export type ScanOutcome = (typeof scanOutcomes)[number];

export const Redemption = z.object({
  outcome: z.enum(scanOutcomes),
  voucherId: z.number().nullable(),
  serial: z.string().nullable(),
  itemName: z.string().nullable(),
  redemptionId: z.number().nullable(),
  /** For a duplicate: when and at which merchant the voucher was redeemed first. */
  firstRedeemedAt: z.string().nullable(),
  firstMerchantName: z.string().nullable(),
});
export type Redemption = z.infer<typeof Redemption>;

export const OfflineScansResult = z.object({ results: z.array(Redemption) });

/** The public key a shop's page caches to check voucher QR codes offline (Ed25519, JWK). */
export const VoucherKey = z.object({ alg: z.literal('EdDSA'), crv: z.literal('Ed25519'), kty: z.literal('OKP'), x: z.string() });
export type VoucherKey = z.infer<typeof VoucherKey>;

/** The payload a voucher QR code signs: voucher, region, serial, campaign, item, validity (epoch s), merchants. */
export type VoucherClaims = { v: number; r: number; s: string; c: number; i: number; f: number; t: number; m: number[] };

/** A voucher as its holder sees it on the member page: the signed QR code to show at a designated shop. */
export const MemberVoucher = z.object({
  id: z.number(),
  campaignName: z.string(),
  itemName: z.string(),
  serial: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  token: z.string(),
  merchants: z.array(z.string()),
  redeemedAt: z.string().nullable(),
});
export type MemberVoucher = z.infer<typeof MemberVoucher>;

export const ReconciliationFigures = z.object({
  allocated: z.number(),
  received: z.number(),
  handedOut: z.number(),
  redeemed: z.number(),
  left: z.number(),
  inTransit: z.number(),
});
export type ReconciliationFigures = z.infer<typeof ReconciliationFigures>;

export const ReconciliationRow = z.object({
  orgId: z.number(),
  orgName: z.string(),
  depth: z.number(),
  itemId: z.number(),
  itemName: z.string(),
  unit: z.string(),
  own: ReconciliationFigures,
  /** The node and every node below it that holds stock of the campaign. */
  subtree: ReconciliationFigures,
  /** Distinct people reached by the node's subtree (named people once each, plus batch counts). */
  peopleReached: z.number(),
});
export type ReconciliationRow = z.infer<typeof ReconciliationRow>;

export const Reconciliation = z.object({
  campaignId: z.number(),
  rows: z.array(ReconciliationRow),
  items: z.array(
    z.object({
      itemId: z.number(),
      itemName: z.string(),
      unit: z.string(),
      plannedQty: z.number(),
      stockIn: z.number(),
      handedOut: z.number(),
      redeemed: z.number(),
      left: z.number(),
      inTransit: z.number(),
      /** stock in = handed out + left + in transit, over the whole campaign. */
      balanced: z.boolean(),
    }),
  ),
  peopleReached: z.number(),
  duplicateScans: z.number(),
});
export type Reconciliation = z.infer<typeof Reconciliation>;

const kindWords: Record<string, Record<'zh-CN' | 'en', string>> = {
  condolence: { 'zh-CN': '慰问', en: 'Condolence visit' },
  summer: { 'zh-CN': '夏送清凉', en: 'Summer cool-down' },
  winter: { 'zh-CN': '送温暖', en: 'Winter warmth' },
};

defineAuditActions({
  'welfare.campaign.create': {
    label: { 'zh-CN': '新建慰问活动', en: 'Create welfare campaign' },
    sentence: { 'zh-CN': '新建{kind}活动 {target}', en: 'Created {kind} campaign {target}' },
    params: { kind: (value, locale) => (typeof value === 'string' ? (kindWords[value]?.[locale] ?? value) : '') },
  },
  'welfare.campaign.close': {
    label: { 'zh-CN': '结束慰问活动', en: 'Close welfare campaign' },
    sentence: { 'zh-CN': '结束活动 {target}，不再发放', en: 'Closed campaign {target}; no more hand-outs' },
  },
  'welfare.move': {
    label: { 'zh-CN': '物资调拨', en: 'Stock move' },
    sentence: { 'zh-CN': '活动 {target} 物资调拨', en: 'Moved stock of campaign {target}' },
  },
  'welfare.receipt': {
    label: { 'zh-CN': '确认收货', en: 'Confirm receipt' },
    sentence: { 'zh-CN': '确认收到活动 {target} 的调拨物资', en: 'Confirmed receipt of stock of campaign {target}' },
  },
  'welfare.handout': {
    label: { 'zh-CN': '发放慰问品', en: 'Hand out' },
    sentence: { 'zh-CN': '在活动 {target} 中发放慰问品', en: 'Handed out goods in campaign {target}' },
  },
  'welfare.handout.photo': {
    label: { 'zh-CN': '上传发放照片', en: 'Add hand-out photo' },
    sentence: { 'zh-CN': '为活动 {target} 的一次成批发放上传现场照片', en: 'Added the photo of a batch hand-out of campaign {target}' },
  },
  'welfare.export': {
    label: { 'zh-CN': '导出对账表', en: 'Export reconciliation' },
    sentence: { 'zh-CN': '导出活动 {target} 的对账表', en: 'Exported the reconciliation of campaign {target}' },
  },
  'welfare.redeem': {
    label: { 'zh-CN': '核销兑换券', en: 'Redeem voucher' },
    sentence: { 'zh-CN': '核销活动 {target} 的兑换券', en: 'Redeemed a voucher of campaign {target}' },
  },
});
