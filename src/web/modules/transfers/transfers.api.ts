import type { Transfer, TransferListQuery, TransferRequestBody } from '../../../common/transfers.js';
import type { Page } from '../../../common/paging.js';
import { api } from '../../app/api.js';

export type TransferFilters = Pick<TransferListQuery, 'direction' | 'status'>;

export const transfersApi = {
  list: (orgId: number, filters: TransferFilters, cursor: string | undefined, limit: number) =>
    api.get<Page<Transfer>>('/api/transfers', { orgId, ...filters, cursor, limit }),
  request: (body: TransferRequestBody) => api.post<Transfer>('/api/transfers', body),
  decide: (id: number, decision: 'confirm' | 'reject', note?: string, paperConsentRef?: string) =>
    api.post<Transfer>(`/api/transfers/${id}/decision`, { decision, note, paperConsentRef }),
};
