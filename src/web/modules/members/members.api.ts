import type { Member, MemberDetail, MemberListQuery } from '../../../common/members.js';
import type { CardToken } from '../../../common/cards.js';
import type { Page } from '../../../common/paging.js';
import { api } from '../../app/api.js';

export type MemberFilters = Pick<MemberListQuery, 'q' | 'status' | 'employmentForm'>;
export type RevealField = 'idNumber' | 'phone';

export const membersApi = {
  list: (orgId: number, filters: MemberFilters, cursor: string | undefined, limit: number) =>
    api.get<Page<Member>>('/api/members', { orgId, ...filters, cursor, limit }),
  get: (id: number) => api.get<MemberDetail>(`/api/members/${id}`),
  reveal: (id: number, field: RevealField, reason: string) =>
    api.post<{ field: RevealField; value: string | null }>(`/api/members/${id}/reveal`, { field, reason }),
  lapse: (id: number, reason: string) => api.post<Member>(`/api/members/${id}/lapse`, { reason }),
  rejoin: (id: number) => api.post<Member>(`/api/members/${id}/rejoin`),
  card: (id: number) => api.get<CardToken>(`/api/members/${id}/card`),
  revokeCard: (id: number) => api.post<undefined>(`/api/members/${id}/card/revoke`),
  reissueCard: (id: number) => api.post<CardToken>(`/api/members/${id}/card/reissue`),
};
