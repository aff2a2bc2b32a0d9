import { pageOf } from '../../../common/paging.js';
import {
  Campaign,
  CampaignDetail,
  Handout,
  HandoutPhoto,
  OfflineScansResult,
  Reconciliation,
  Redemption,
  StockMove,
  VoucherKey,
  type CreateCampaignBody,
  type HandoutBody,
  type MoveBody,
  type OfflineScansBody,
} from '../../../common/welfare.js';
import { api } from '../../app/api.js';

const base = '/api/welfare/campaigns';

export const welfareApi = {
  list: (orgId: number, cursor: string | undefined, limit: number) => api.get(base, pageOf(Campaign), { orgId, cursor, limit }),
  get: (id: number) => api.get(`${base}/${id}`, CampaignDetail),
  create: (body: CreateCampaignBody) => api.post(base, CampaignDetail, body),
  close: (id: number) => api.post(`${base}/${id}/close`, CampaignDetail, {}),
  move: (id: number, body: MoveBody) => api.post(`${base}/${id}/moves`, StockMove, body),
  receive: (id: number, moveId: number) => api.post(`${base}/${id}/receipts`, StockMove, { moveId }),
  handOut: (id: number, body: HandoutBody) => api.post(`${base}/${id}/handouts`, Handout, body),
  addPhoto: (id: number, handoutId: number, file: File) => api.upload(`${base}/${id}/handouts/${handoutId}/photo`, file, HandoutPhoto),
  photoUrl: (id: number, handoutId: number) => `${base}/${id}/handouts/${handoutId}/photo`,
  handouts: (id: number, cursor: string | undefined, limit: number) =>
    api.get(`${base}/${id}/handouts`, pageOf(Handout), { cursor, limit }),
  reconciliation: (id: number) => api.get(`${base}/${id}/reconciliation`, Reconciliation),
  downloadReconciliation: (id: number) => api.download(`${base}/${id}/reconciliation.xlsx`, {}, `welfare-reconciliation-${id}.xlsx`),
  redeem: (token: string) => api.post('/api/welfare/redemptions', Redemption, { token }),
  syncOffline: (body: OfflineScansBody) => api.post('/api/welfare/redemptions/offline', OfflineScansResult, body),
  voucherKey: () => api.get('/api/public/welfare/voucher-key', VoucherKey),
};

/** A fresh caller key for one submission of a form (a retry of the same submission reuses it). */
export const newKey = (prefix: string): string => `${prefix}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2, 10)}`;
