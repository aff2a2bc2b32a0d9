import { z } from 'zod';
import { BodyId, Id, pageOf, queryCount } from './paging.js';
import { MAX_TRANSFER_POINTS, merchantStatuses } from './points.js';
import { defineAuditActions } from './audit.actions.js';

/** Merchants (商户), their shops, catalogue and cashiers; redemptions at their counters; the member's points view. */

export const MERCHANT_NAME_MAX = 100;
/** How long a member's spending code (QR and typed code) is valid. */
export const SPEND_CODE_SECONDS = 120;
/** The typed spending code: 8 digits, shown as "1234 5678". */
export const SHORT_CODE_PATTERN = /^\d{8}$/;
export const MAX_SHOPS = 50;
export const MAX_ITEMS = 100;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const ShopInput = z.object({
  name: text(100),
  address: z.string().trim().min(1).max(200),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  districtCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
  openingHours: optionalText(100),
});
export type ShopInput = z.infer<typeof ShopInput>;

export const CatalogueItemInput = z.object({ name: text(100), points: z.number().int().positive().max(MAX_TRANSFER_POINTS) });
export type CatalogueItemInput = z.infer<typeof CatalogueItemInput>;

export const CreateMerchantBody = z.object({
  orgId: BodyId,
  name: text(MERCHANT_NAME_MAX),
  uscc: z.string().trim().min(1).max(40).optional(),
  contactName: optionalText(50),
  shops: z.array(ShopInput).max(MAX_SHOPS).default([]),
  items: z.array(CatalogueItemInput).max(MAX_ITEMS).default([]),
  programmeIds: z.array(BodyId).max(20).default([]),
});
export type CreateMerchantBody = z.input<typeof CreateMerchantBody>;

export const MerchantStatusBody = z.object({ status: z.enum(merchantStatuses) });
export const DesignateBody = z.object({ programmeId: BodyId });
export const CreateCashierBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_.-]{3,40}$/),
  displayName: text(50),
});
export type CreateCashierBody = z.infer<typeof CreateCashierBody>;

export const Shop = z.object({
  id: z.number(),
  name: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  districtCode: z.string().nullable(),
  openingHours: z.string().nullable(),
});
export type Shop = z.infer<typeof Shop>;
export const CatalogueItem = z.object({ id: z.number(), name: z.string(), points: z.number(), active: z.boolean() });
export type CatalogueItem = z.infer<typeof CatalogueItem>;
export const DesignatedProgramme = z.object({ id: z.number(), name: z.string(), orgName: z.string() });
export const Cashier = z.object({ userId: z.number(), username: z.string(), displayName: z.string(), isDisabled: z.boolean() });

export const Merchant = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  contactName: z.string().nullable(),
  status: z.enum(merchantStatuses),
  shops: z.number(),
  createdAt: z.string(),
});
export type Merchant = z.infer<typeof Merchant>;

export const MerchantDetail = Merchant.extend({
  shopList: z.array(Shop),
  items: z.array(CatalogueItem),
  programmes: z.array(DesignatedProgramme),
  cashiers: z.array(Cashier),
});
export type MerchantDetail = z.infer<typeof MerchantDetail>;

export const MerchantListQuery = z.object({
  orgId: Id,
  status: z.enum(merchantStatuses).optional(),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type MerchantListQuery = z.infer<typeof MerchantListQuery>;

/** A new cashier account: its generated first password is shown once, to be changed at first sign-in. */
export const CreatedCashier = z.object({ userId: z.number(), username: z.string(), firstPassword: z.string() });
export type CreatedCashier = z.infer<typeof CreatedCashier>;

/** What a cashier's counter page needs: its merchant, the programmes it takes, its catalogue. */
export const Counter = z.object({
  merchantId: z.number(),
  merchantName: z.string(),
  status: z.enum(merchantStatuses),
  programmes: z.array(DesignatedProgramme),
  items: z.array(CatalogueItem),
});
export type Counter = z.infer<typeof Counter>;
export const CounterQuery = z.object({ merchantId: Id.optional() });

// ---- Redemptions ----

/** The member's code: the signed QR token, or the 8-digit typed code. */
export const SpendCodeInput = z.string().trim().min(8).max(400);

export const RedemptionBody = z
  .object({
    code: SpendCodeInput,
    /** A cadre charging at a merchant's counter names it; a cashier's session names its own. */
    merchantId: BodyId.optional(),
    programmeId: BodyId.optional(),
    itemId: BodyId.optional(),
    points: z.number().int().positive().max(MAX_TRANSFER_POINTS).optional(),
    /** Hold the points; the cashier posts or voids the hold (a flaky network at the counter). */
    hold: z.boolean().default(false),
  })
  .refine((b) => (b.itemId === undefined) !== (b.points === undefined), {
    message: '请选择商品或填写积分（二选一） / Choose an item or enter points (one of the two)',
    path: ['points'],
  });
export type RedemptionBody = z.input<typeof RedemptionBody>;

export const redemptionStatuses = ['posted', 'held', 'voided', 'reversed'] as const;
export type RedemptionStatus = (typeof redemptionStatuses)[number];

export const Redemption = z.object({
  id: z.number(),
  merchantId: z.number(),
  programmeId: z.number(),
  programmeName: z.string(),
  memberNameMasked: z.string(),
  itemName: z.string().nullable(),
  points: z.number(),
  status: z.enum(redemptionStatuses),
  timeoutAt: z.string().nullable(),
  cashier: z.string().nullable(),
  createdAt: z.string(),
  /** The same Idempotency-Key and body were seen before: this is the first answer, nothing new was booked. */
  replayed: z.boolean().optional(),
});
export type Redemption = z.infer<typeof Redemption>;

/** A counter's day at a glance: charges that stand (posted, not reversed) with their points, and holds still open. */
export const RedemptionDayTotal = z.object({ charges: z.number().int(), points: z.number().int(), held: z.number().int() });
export type RedemptionDayTotal = z.infer<typeof RedemptionDayTotal>;
/** A page of a counter's charges; the first page carries the day's total. */
export const RedemptionPage = pageOf(Redemption).extend({ dayTotal: RedemptionDayTotal.optional() });
export type RedemptionPage = z.infer<typeof RedemptionPage>;

export const RedemptionListQuery = z.object({
  merchantId: Id.optional(),
  /** Beijing day, default today. */
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type RedemptionListQuery = z.infer<typeof RedemptionListQuery>;

export const StatementQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

// ---- The member's view (portal) ----

export const SpendCode = z.object({ token: z.string(), shortCode: z.string(), expiresAt: z.string() });
export type SpendCode = z.infer<typeof SpendCode>;

export const ProgrammeBalance = z.object({
  programmeId: z.number(),
  programmeName: z.string(),
  orgName: z.string(),
  balance: z.number(),
  held: z.number(),
  expiring: z.array(z.object({ expiresAt: z.string().nullable(), points: z.number() })),
});
export const MemberPoints = z.object({ programmes: z.array(ProgrammeBalance) });
export type MemberPoints = z.infer<typeof MemberPoints>;

export const MemberHistoryItem = z.object({
  id: z.number(),
  programmeName: z.string(),
  kind: z.string(),
  op: z.string(),
  /** Signed: + earned, − spent/expired. */
  points: z.number(),
  merchantName: z.string().nullable(),
  itemName: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type MemberHistoryItem = z.infer<typeof MemberHistoryItem>;
export const MemberHistoryQuery = z.object({ cursor: z.string().max(200).optional(), limit: queryCount(1, 100).default(20) });

export const WhereToSpendQuery = z.object({
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});
export const SpendPlace = z.object({
  merchantId: z.number(),
  merchantName: z.string(),
  shopName: z.string(),
  address: z.string(),
  openingHours: z.string().nullable(),
  programmes: z.array(z.string()),
  items: z.array(z.object({ name: z.string(), points: z.number() })),
  distanceMetres: z.number().nullable(),
});
export type SpendPlace = z.infer<typeof SpendPlace>;
export const WhereToSpend = z.object({ items: z.array(SpendPlace) });
export type WhereToSpend = z.infer<typeof WhereToSpend>;

defineAuditActions({
  'points.merchant.create': {
    label: { 'zh-CN': '登记商户', en: 'Merchant registered' },
    sentence: { 'zh-CN': '登记商户 {target}', en: 'Registered merchant {target}' },
  },
  'points.merchant.cashier': {
    label: { 'zh-CN': '新建收银员账号', en: 'Cashier account created' },
    sentence: { 'zh-CN': '为商户 {target} 新建收银员账号', en: 'Created a cashier account for merchant {target}' },
  },
});
