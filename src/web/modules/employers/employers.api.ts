import type { CreateEmployerBody, Employer, EmployerListQuery, UpdateEmployerBody } from '../../../common/employers.js';
import type { Page } from '../../../common/paging.js';
import { api } from '../../app/api.js';

export type EmployerFilters = Omit<EmployerListQuery, 'orgId' | 'cursor' | 'limit'>;

export const employersApi = {
  list: (orgId: number, filters: EmployerFilters, cursor: string | undefined, limit: number) =>
    api.get<Page<Employer>>('/api/employers', { orgId, ...filters, cursor, limit }),
  get: (id: number) => api.get<Employer>(`/api/employers/${id}`),
  create: (body: CreateEmployerBody) => api.post<Employer>('/api/employers', body),
  update: (id: number, body: UpdateEmployerBody) => api.patch<Employer>(`/api/employers/${id}`, body),
};
