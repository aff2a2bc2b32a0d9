import type { AuditRecord } from '../../../common/audit.js';
import type { Page } from '../../../common/paging.js';
import type { CreateUserBody, GrantBody, UpdateUserBody, User } from '../../../common/users.js';
import { api } from '../../app/api.js';

export type AuditFilter = {
  orgId?: number | undefined;
  action?: string | undefined;
  username?: string | undefined;
  result?: AuditRecord['result'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

export const usersApi = {
  list: (orgId: number | undefined, cursor: string | undefined, limit: number) =>
    api.get<Page<User>>('/api/users', { orgId, cursor, limit }),
  create: (body: CreateUserBody) => api.post<User>('/api/users', body),
  update: (id: number, body: UpdateUserBody) => api.patch<User>(`/api/users/${id}`, body),
  grant: (id: number, body: GrantBody) => api.post<User>(`/api/users/${id}/grants`, body),
  revoke: (id: number, grantId: number) => api.del(`/api/users/${id}/grants/${grantId}`),
  audit: (filter: AuditFilter, cursor: string | undefined, limit: number) =>
    api.get<Page<AuditRecord>>('/api/audit', { ...filter, cursor, limit }),
};
