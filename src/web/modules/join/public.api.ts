import { PublicUnions } from '../../../common/applications.answers.js';
import { ApplicationReceipt, ApplicationStatusView, type PublicApplicationBody } from '../../../common/applications.js';
import { CardToken, CardVerifyResult } from '../../../common/cards.js';
import { PublicMeeting } from '../../../common/outreach.js';
import { CodeChallenge, PortalMe, PortalTransfer, type MemberCodeBody } from '../../../common/portal.js';
import { api, NoAnswer } from '../../app/api.js';

export type { PublicUnion } from '../../../common/applications.answers.js';

/** The routes a worker or a benefit provider calls without an account. */
export const publicApi = {
  unions: (q: string) => api.get('/api/public/unions', PublicUnions, { q }),
  apply: (body: PublicApplicationBody) => api.post('/api/public/applications', ApplicationReceipt, body),
  status: (trackingCode: string) => api.get(`/api/public/applications/${encodeURIComponent(trackingCode)}`, ApplicationStatusView),
  meeting: (id: number) => api.quiet('GET', `/api/public/meetings/${id}`, PublicMeeting),
  verify: (token: string) => api.post('/api/public/cards/verify', CardVerifyResult, { token }),
};

/** The member pages: sign-in by a code sent to the phone on the member's record, then the member's own things. */
export const memberApi = {
  askCode: (body: MemberCodeBody) => api.post('/api/public/member-codes', CodeChallenge, body),
  signIn: (challengeId: string, code: string) => api.post('/api/public/member-sessions', PortalMe, { challengeId, code }),
  me: () => api.quiet('GET', '/api/portal/me', PortalMe),
  card: () => api.quiet('GET', '/api/portal/card', CardToken),
  consentCode: (transferId: number) => api.quiet('POST', `/api/portal/transfers/${transferId}/consent-code`, CodeChallenge, {}),
  consent: (transferId: number, challengeId: string, code: string) =>
    api.quiet('POST', `/api/portal/transfers/${transferId}/consent`, PortalTransfer, { challengeId, code }),
  decline: (transferId: number) => api.quiet('POST', `/api/portal/transfers/${transferId}/decline`, PortalTransfer, {}),
  signOut: () => api.quiet('POST', '/api/portal/logout', NoAnswer, {}),
};
