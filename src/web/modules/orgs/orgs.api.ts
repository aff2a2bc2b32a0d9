import type { CreateOrgBody, Org, OrgKind, OrgSearchHit, OrgWithAncestors, UpdateOrgBody, Zone } from '../../../common/orgs.js';
import type { Page } from '../../../common/paging.js';
import { api } from '../../app/api.js';

export const TREE_PAGE_SIZE = 200;

export const orgsApi = {
  roots: () => api.get<{ items: Org[] }>('/api/orgs/roots'),
  get: (id: number) => api.get<OrgWithAncestors>(`/api/orgs/${id}`),
  children: (id: number, cursor?: string, limit = TREE_PAGE_SIZE) => api.get<Page<Org>>(`/api/orgs/${id}/children`, { cursor, limit }),
  search: (q: string, kind?: OrgKind, limit = 20) => api.get<{ items: OrgSearchHit[] }>('/api/orgs/search', { q, kind, limit }),
  create: (body: CreateOrgBody) => api.post<Org>('/api/orgs', body),
  update: (id: number, body: UpdateOrgBody) => api.patch<Org>(`/api/orgs/${id}`, body),
  move: (id: number, newParentId: number) => api.post<Org>(`/api/orgs/${id}/move`, { newParentId }),
  remove: (id: number) => api.del(`/api/orgs/${id}`),
  zones: (id: number) => api.get<{ items: Zone[] }>(`/api/orgs/${id}/zones`),
  createZone: (id: number, name: string) => api.post<Zone>(`/api/orgs/${id}/zones`, { name }),
};
