import { pageOf } from '../../../common/paging.js';
import {
  BulkSignUpResult,
  CancelEventResult,
  EventDetail,
  EventReport,
  EventListItem,
  Registration,
  SignUpsByUnit,
  type BulkSignUpBody,
  type CloseEventBody,
  type CopyEventBody,
  type CreateEventBody,
  type RegistrationStatus,
} from '../../../common/events.js';
import { AnyDrawExport, EventDraws, PublicEventDraws, type DrawPlanBody, type DrawSeedBody } from '../../../common/events.draw.js';
import type { QuotasBody } from '../../../common/events.quota.js';
import { api } from '../../app/api.js';

const base = '/api/events';

export type RegistrationFilter = { orgId: number; sessionId?: number | undefined; status?: RegistrationStatus | undefined };

export const eventsApi = {
  list: (orgId: number, cursor: string | undefined, limit: number) => api.get(base, pageOf(EventListItem), { orgId, cursor, limit }),
  get: (id: number) => api.get(`${base}/${id}`, EventDetail),
  create: (body: CreateEventBody) => api.post(base, EventDetail, body),
  copy: (id: number, body: CopyEventBody) => api.post(`${base}/${id}/copy`, EventDetail, body),
  open: (id: number) => api.post(`${base}/${id}/open`, EventDetail),
  cancel: (id: number) => api.post(`${base}/${id}/cancel`, CancelEventResult),
  close: (id: number, body: CloseEventBody) => api.post(`${base}/${id}/close`, EventReport, body),
  report: (id: number) => api.get(`${base}/${id}/report`, EventReport),
  capacity: (id: number, sessionId: number, capacity: number) =>
    api.patch(`${base}/${id}/sessions/${sessionId}`, EventDetail, { capacity }),
  quotas: (id: number, sessionId: number, body: QuotasBody) => api.put(`${base}/${id}/sessions/${sessionId}/quotas`, EventDetail, body),
  registrations: (id: number, f: RegistrationFilter, cursor: string | undefined, limit: number) =>
    api.get(`${base}/${id}/registrations`, pageOf(Registration), { ...f, cursor, limit }),
  bulkSignUp: (id: number, body: BulkSignUpBody) => api.post(`${base}/${id}/registrations/bulk`, BulkSignUpResult, body),
  cancelRegistration: (id: number, registrationId: number) =>
    api.post(`${base}/${id}/registrations/${registrationId}/cancel`, Registration),
  noShow: (id: number, registrationId: number) => api.post(`${base}/${id}/registrations/${registrationId}/no-show`, Registration),
  byUnit: (id: number, orgId: number) => api.get(`${base}/${id}/by-unit`, SignUpsByUnit, { orgId }),
  exportList: (id: number, f: RegistrationFilter) =>
    api.download(`${base}/${id}/registrations/export`, f, `event-${id}-registrations.xlsx`),
};

/** A fresh caller key for one submission (a retry of the same submission reuses it). */
export const newKey = (prefix: string): string => `${prefix}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2, 10)}`;

const publicBase = '/api/public/events';

/** 抽签 (issue #13): the plan, freeze and seed of an event's draws; the public results and the export verify-draw checks. */
export const drawsApi = {
  get: (id: number) => api.get(`${base}/${id}/draws`, EventDraws),
  declarePlan: (id: number, body: DrawPlanBody) => api.post(`${base}/${id}/draw/plan`, EventDraws, body),
  freeze: (id: number) => api.post(`${base}/${id}/draw/freeze`, EventDraws),
  enterSeed: (id: number, body: DrawSeedBody) => api.post(`${base}/${id}/draw/seed`, EventDraws, body),
  published: (id: number) => api.get(`${publicBase}/${id}/draws`, PublicEventDraws),
  export: (id: number, drawId: number) => api.get(`${publicBase}/${id}/draws/${drawId}/export`, AnyDrawExport),
  downloadExport: (id: number, drawId: number) =>
    api.download(`${publicBase}/${id}/draws/${drawId}/export`, {}, `draw-${id}-${drawId}.json`),
};
