import type { ApplicationReceipt, ApplicationStatusView, PublicApplicationBody } from '../../../common/applications.js';
import type { CardToken, CardVerifyResult } from '../../../common/cards.js';
import type { OrgKind } from '../../../common/orgs.js';
import type { CodeChallenge, MemberCodeBody, PortalMe, PortalTransfer } from '../../../common/portal.js';
import { api } from '../../app/api.js';

export type PublicUnion = { id: number; name: string; kind: OrgKind; parentName: string };

/** The routes a worker or a benefit provider calls without an account. */
export const publicApi = {
  unions: (q: string) => api.get<{ items: PublicUnion[] }>('/api/public/unions', { q }),
  apply: (body: PublicApplicationBody) => api.post<ApplicationReceipt>('/api/public/applications', body),
  status: (trackingCode: string) => api.get<ApplicationStatusView>(`/api/public/applications/${encodeURIComponent(trackingCode)}`),
  verify: (token: string) => api.post<CardVerifyResult>('/api/public/cards/verify', { token }),
};

/** The member pages: sign-in by a code sent to the phone on the member's record, then the member's own things. */
export const memberApi = {
  askCode: (body: MemberCodeBody) => api.post<CodeChallenge>('/api/public/member-codes', body),
  signIn: (challengeId: string, code: string) => api.post<PortalMe>('/api/public/member-sessions', { challengeId, code }),
  me: () => api.quiet<PortalMe>('GET', '/api/portal/me'),
  card: () => api.quiet<CardToken>('GET', '/api/portal/card'),
  consentCode: (transferId: number) => api.quiet<CodeChallenge>('POST', `/api/portal/transfers/${transferId}/consent-code`, {}),
  consent: (transferId: number, challengeId: string, code: string) =>
    api.quiet<PortalTransfer>('POST', `/api/portal/transfers/${transferId}/consent`, { challengeId, code }),
  decline: (transferId: number) => api.quiet<PortalTransfer>('POST', `/api/portal/transfers/${transferId}/decline`, {}),
  signOut: () => api.quiet<undefined>('POST', '/api/portal/logout', {}),
};
