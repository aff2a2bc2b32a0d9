import {
  LedgerEntry,
  LedgerEntryDetail,
  LedgerEntryPage,
  LedgerRollup,
  type CreateLedgerEntryBody,
  type LedgerKind,
  type LedgerModuleLink,
  type LedgerReach,
  type UpdateLedgerEntryBody,
} from '../../../common/ledger.js';
import { LedgerPhoto, LedgerPhotoList } from '../../../common/ledger.photos.js';
import { api } from '../../app/api.js';

export type LedgerFilter = { year: number; kind?: LedgerKind; reach: LedgerReach };

export const ledgerApi = {
  entries: (orgId: number, filter: LedgerFilter, cursor: string | undefined, limit: number) =>
    api.get('/api/ledger/entries', LedgerEntryPage, { orgId, ...filter, cursor, limit }),
  entry: (id: number) => api.get(`/api/ledger/entries/${id}`, LedgerEntryDetail),
  create: (body: CreateLedgerEntryBody) => api.post('/api/ledger/entries', LedgerEntry, body),
  update: (id: number, body: UpdateLedgerEntryBody) => api.patch(`/api/ledger/entries/${id}`, LedgerEntry, body),
  remove: (id: number, version: number) => api.del(`/api/ledger/entries/${id}?version=${version}`),
  photos: (entryId: number) => api.get(`/api/ledger/entries/${entryId}/photos`, LedgerPhotoList),
  uploadPhoto: (entryId: number, file: File, caption: string) =>
    api.upload(`/api/ledger/entries/${entryId}/photos${caption ? `?caption=${encodeURIComponent(caption)}` : ''}`, file, LedgerPhoto),
  removePhoto: (photo: LedgerPhoto) => api.del(photo.url),
  rollup: (orgId: number, year: number) => api.get('/api/ledger/rollup', LedgerRollup, { orgId, year }),
  /** The Excel 工作台账 of a node's year (its subtree by default), as a download. */
  exportXlsx: (orgId: number, filter: LedgerFilter) =>
    api.download('/api/ledger/export', { orgId, ...filter }, `ledger-${orgId}-${filter.year}.xlsx`),
};

/** The console page of the module record an entry was added by (an event, a campaign, a session, a meeting). */
export function moduleRecordPath(link: LedgerModuleLink): string {
  switch (link.module) {
    case 'events':
      return `/events/${link.recordId}`;
    case 'welfare':
      return `/welfare/campaigns/${link.recordId}`;
    case 'training':
      return `/training/sessions/${link.recordId}`;
    case 'outreach':
      return `/outreach/meetings/${link.recordId}`;
  }
}

/** The years the picker offers: from ten years back to next year, newest first. */
export function ledgerYears(today = new Date()): number[] {
  const next = today.getFullYear() + 1;
  return Array.from({ length: 12 }, (_, i) => next - i);
}
