import { pageOf } from '../../../common/paging.js';
import {
  Counter,
  CreatedCashier,
  Merchant,
  MerchantDetail,
  MemberHistoryItem,
  MemberPoints,
  Redemption,
  RedemptionPage,
  SpendCode,
  WhereToSpend,
  type CatalogueItemInput,
  type CreateCashierBody,
  type CreateMerchantBody,
  type RedemptionBody,
  type ShopInput,
} from '../../../common/points.merchants.js';
import type { MerchantStatus } from '../../../common/points.js';
import { api } from '../../app/api.js';

/** Merchants (商户) for cadres, the counter for cashiers. */
export const merchantsApi = {
  list: (query: { orgId: number; status?: MerchantStatus; cursor?: string; limit?: number }) =>
    api.get('/api/points/merchants', pageOf(Merchant), query),
  get: (id: number) => api.get(`/api/points/merchants/${id}`, MerchantDetail),
  create: (body: CreateMerchantBody) => api.post('/api/points/merchants', MerchantDetail, body),
  setStatus: (id: number, status: MerchantStatus) => api.post(`/api/points/merchants/${id}/status`, MerchantDetail, { status }),
  addShop: (id: number, shop: ShopInput) => api.post(`/api/points/merchants/${id}/shops`, MerchantDetail, shop),
  addItem: (id: number, item: CatalogueItemInput) => api.post(`/api/points/merchants/${id}/items`, MerchantDetail, item),
  designate: (id: number, programmeId: number) => api.post(`/api/points/merchants/${id}/programmes`, MerchantDetail, { programmeId }),
  createCashier: (id: number, body: CreateCashierBody) => api.post(`/api/points/merchants/${id}/cashiers`, CreatedCashier, body),
  statement: (id: number, month: string) =>
    api.download(`/api/points/merchants/${id}/statement`, { month }, `points-statement-${month}.xlsx`),
};

export const counterApi = {
  counter: () => api.get('/api/points/counter', Counter),
  /** The key stays the same across retries of one charge: the server answers a retry with the first result. */
  redeem: (body: RedemptionBody, idempotencyKey: string) =>
    api.postWith('/api/points/redemptions', Redemption, body, { 'Idempotency-Key': idempotencyKey }),
  post: (id: number) => api.post(`/api/points/redemptions/${id}/post`, Redemption, {}),
  void: (id: number) => api.post(`/api/points/redemptions/${id}/void`, Redemption, {}),
  today: () => api.get('/api/points/redemptions', RedemptionPage, { limit: 50 }),
};

/** The member's points on the phone pages (member session). */
export const memberPointsApi = {
  points: () => api.quiet('GET', '/api/portal/points', MemberPoints),
  history: () => api.quiet('GET', '/api/portal/points/history?limit=20', pageOf(MemberHistoryItem)),
  places: (near?: { lat: number; lng: number }) =>
    api.quiet('GET', near ? `/api/portal/points/places?lat=${near.lat}&lng=${near.lng}` : '/api/portal/points/places', WhereToSpend),
  code: () => api.quiet('POST', '/api/portal/points/code', SpendCode, {}),
};
