import { Member, MemberDetail, RevealResult, type MemberListQuery } from '../../../common/members.js';
import { CardToken } from '../../../common/cards.js';
import { pageOf } from '../../../common/paging.js';
import { api, NoAnswer } from '../../app/api.js';

export type MemberFilters = Pick<MemberListQuery, 'q' | 'status' | 'employmentForm'> & { sort?: MemberListQuery['sort'] };
export type RevealField = 'idNumber' | 'phone';

export const membersApi = {
  list: (orgId: number, filters: MemberFilters, cursor: string | undefined, limit: number) =>
    api.get('/api/members', pageOf(Member), { orgId, ...filters, cursor, limit }),
  get: (id: number) => api.get(`/api/members/${id}`, MemberDetail),
  reveal: (id: number, field: RevealField, reason: string) => api.post(`/api/members/${id}/reveal`, RevealResult, { field, reason }),
  lapse: (id: number, reason: string) => api.post(`/api/members/${id}/lapse`, Member, { reason }),
  rejoin: (id: number) => api.post(`/api/members/${id}/rejoin`, Member),
  addAffiliation: (id: number, orgId: number) => api.post(`/api/members/${id}/affiliations`, Member, { orgId }),
  removeAffiliation: (id: number, orgId: number) => api.del(`/api/members/${id}/affiliations/${orgId}`),
  card: (id: number) => api.get(`/api/members/${id}/card`, CardToken),
  revokeCard: (id: number) => api.post(`/api/members/${id}/card/revoke`, NoAnswer),
  reissueCard: (id: number) => api.post(`/api/members/${id}/card/reissue`, CardToken),
};
