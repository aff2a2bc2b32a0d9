import { Transfer, type TransferListQuery, type TransferRequestBody } from '../../../common/transfers.js';
import { pageOf } from '../../../common/paging.js';
import { api } from '../../app/api.js';

export type TransferFilters = Pick<TransferListQuery, 'direction' | 'status'>;

export const transfersApi = {
  list: (orgId: number, filters: TransferFilters, cursor: string | undefined, limit: number) =>
    api.get('/api/transfers', pageOf(Transfer), { orgId, ...filters, cursor, limit }),
  request: (body: TransferRequestBody) => api.post('/api/transfers', Transfer, body),
  decide: (id: number, decision: 'confirm' | 'reject', note?: string, paperConsentRef?: string) =>
    api.post(`/api/transfers/${id}/decision`, Transfer, { decision, note, paperConsentRef }),
};
