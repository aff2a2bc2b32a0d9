import type {
  ApplicationReceipt,
  ApplicationStatusView,
  CardToken,
  CardVerifyResult,
  PublicApplicationBody,
} from '../../../common/members.js';
import type { OrgKind } from '../../../common/orgs.js';
import { api } from '../../app/api.js';

export type PublicUnion = { id: number; name: string; kind: OrgKind; parentName: string };

/** The routes a worker or a benefit provider calls without an account. */
export const publicApi = {
  unions: (q: string) => api.get<{ items: PublicUnion[] }>('/api/public/unions', { q }),
  apply: (body: PublicApplicationBody) => api.post<ApplicationReceipt>('/api/public/applications', body),
  status: (trackingCode: string) => api.get<ApplicationStatusView>(`/api/public/applications/${encodeURIComponent(trackingCode)}`),
  card: (trackingCode: string, phone: string) => api.post<CardToken>('/api/public/card', { trackingCode, phone }),
  verify: (token: string) => api.post<CardVerifyResult>('/api/public/cards/verify', { token }),
};
