import { LedgerEntry, type CreateLedgerEntryBody } from '../../../common/ledger.js';
import { LedgerImport, LedgerImportPage, type LedgerImportDraftStatus } from '../../../common/ledger.import.js';
import { api } from '../../app/api.js';

const base = '/api/ledger/imports';

export const ledgerImportApi = {
  /** A pasted page goes up as a text file, as an uploaded one does (the server reads UTF-8 or GBK). */
  propose: (orgId: number, file: File) => api.upload(`${base}?orgId=${orgId}`, file, LedgerImport),
  draft: (id: number) => api.get(`${base}/${id}`, LedgerImport),
  /** The drafts of the node's subtree, newest first (all of them without a status). */
  drafts: (orgId: number, status: LedgerImportDraftStatus | undefined, cursor: string | undefined, limit: number) =>
    api.get(base, LedgerImportPage, { orgId, status, cursor, limit }),
  confirm: (id: number, position: number, body: CreateLedgerEntryBody) =>
    api.post(`${base}/${id}/proposals/${position}/confirm`, LedgerEntry, body),
  discard: (id: number, position: number) => api.post(`${base}/${id}/proposals/${position}/discard`, LedgerImport),
};
