import { z } from 'zod';
import { pageOf } from '../../../common/paging.js';
import {
  AwardJobRows,
  AwardResult,
  BulkAwardJob,
  PointsTransfer,
  Programme,
  ProgrammeDetail,
  RankingRow,
  ReversalResult,
  type AwardBody,
  type CreateProgrammeBody,
  type FundBody,
  type ReversalBody,
  type TransferListQuery,
  type UpdateProgrammeBody,
} from '../../../common/points.programmes.js';
import { api } from '../../app/api.js';

export type TransferFilters = Pick<TransferListQuery, 'kind' | 'memberId' | 'from' | 'to'>;

const base = '/api/points/programmes';

export const programmesApi = {
  list: (orgId: number, cursor: string | undefined, limit: number) => api.get(base, pageOf(Programme), { orgId, cursor, limit }),
  get: (id: number) => api.get(`${base}/${id}`, ProgrammeDetail),
  create: (body: CreateProgrammeBody) => api.post(base, ProgrammeDetail, body),
  update: (id: number, body: UpdateProgrammeBody) => api.patch(`${base}/${id}`, ProgrammeDetail, body),
  fund: (id: number, body: FundBody) => api.post(`${base}/${id}/fund`, z.object({ transfer: PointsTransfer, replayed: z.boolean() }), body),
  award: (id: number, body: AwardBody) => api.post(`${base}/${id}/awards`, AwardResult, body),
  awardFile: (id: number, batchKey: string, file: File) =>
    api.upload(`${base}/${id}/awards/file?batchKey=${encodeURIComponent(batchKey)}`, file, BulkAwardJob),
  awardJob: (id: number, jobId: number) => api.get(`${base}/${id}/award-jobs/${jobId}`, BulkAwardJob),
  retryAwardJob: (id: number, jobId: number) => api.post(`${base}/${id}/award-jobs/${jobId}/retry`, BulkAwardJob),
  awardJobRows: (id: number, jobId: number, after: number, limit: number) =>
    api.get(`${base}/${id}/award-jobs/${jobId}/rows`, AwardJobRows, { after, limit }),
  downloadAwardJob: (id: number, jobId: number) => api.download(`${base}/${id}/award-jobs/${jobId}/file`, {}, `award-job-${jobId}.xlsx`),
  reverse: (id: number, body: ReversalBody) => api.post(`${base}/${id}/reversals`, ReversalResult, body),
  transfers: (id: number, filters: TransferFilters, cursor: string | undefined, limit: number) =>
    api.get(`${base}/${id}/transfers`, pageOf(PointsTransfer), { ...filters, cursor, limit }),
  ranking: (id: number, from: string, to: string, limit: number) =>
    api.get(`${base}/${id}/ranking`, z.object({ items: z.array(RankingRow) }), { from, to, limit }),
};

/** A fresh caller key for one submission of a form (a retry of the same submission reuses it). */
export const newKey = (prefix: string): string => `${prefix}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2, 10)}`;
