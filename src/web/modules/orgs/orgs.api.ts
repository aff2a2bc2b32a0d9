import {
  Org,
  OrgChild,
  OrgSearchHit,
  OrgWithAncestors,
  Zone,
  type CreateOrgBody,
  type OrgKind,
  type UpdateOrgBody,
} from '../../../common/orgs.js';
import { pageOf } from '../../../common/paging.js';
import { api, itemsOf } from '../../app/api.js';

/** Children per page in the tree: a street's 111 unions come in pages with a search box, not one flat list. */
export const TREE_PAGE_SIZE = 50;

export const orgsApi = {
  roots: () => api.get('/api/orgs/roots', itemsOf(Org)),
  get: (id: number) => api.get(`/api/orgs/${id}`, OrgWithAncestors),
  children: (id: number, cursor?: string, limit = TREE_PAGE_SIZE, q?: string) =>
    api.get(`/api/orgs/${id}/children`, pageOf(OrgChild), { cursor, limit, q: q || undefined }),
  search: (q: string, kind?: OrgKind, limit = 20) => api.get('/api/orgs/search', itemsOf(OrgSearchHit), { q, kind, limit }),
  create: (body: CreateOrgBody) => api.post('/api/orgs', Org, body),
  update: (id: number, body: UpdateOrgBody) => api.patch(`/api/orgs/${id}`, Org, body),
  move: (id: number, newParentId: number) => api.post(`/api/orgs/${id}/move`, Org, { newParentId }),
  remove: (id: number) => api.del(`/api/orgs/${id}`),
  zones: (id: number) => api.get(`/api/orgs/${id}/zones`, itemsOf(Zone)),
  createZone: (id: number, name: string) => api.post(`/api/orgs/${id}/zones`, Zone, { name }),
};
