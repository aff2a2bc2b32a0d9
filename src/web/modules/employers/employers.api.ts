import { Employer, type CreateEmployerBody, type EmployerListQuery, type UpdateEmployerBody } from '../../../common/employers.js';
import { pageOf } from '../../../common/paging.js';
import { api } from '../../app/api.js';

export type EmployerFilters = Omit<EmployerListQuery, 'orgId' | 'cursor' | 'limit'>;

export const employersApi = {
  list: (orgId: number, filters: EmployerFilters, cursor: string | undefined, limit: number) =>
    api.get('/api/employers', pageOf(Employer), { orgId, ...filters, cursor, limit }),
  get: (id: number) => api.get(`/api/employers/${id}`, Employer),
  create: (body: CreateEmployerBody) => api.post('/api/employers', Employer, body),
  update: (id: number, body: UpdateEmployerBody) => api.patch(`/api/employers/${id}`, Employer, body),
};
