import { pageOf } from '../../../common/paging.js';
import {
  BulkSignUpResult,
  CancelEventResult,
  EventDetail,
  EventReport,
  EventSummary,
  Registration,
  SignUpsByUnit,
  type BulkSignUpBody,
  type CloseEventBody,
  type CopyEventBody,
  type CreateEventBody,
  type RegistrationStatus,
} from '../../../common/events.js';
import { api } from '../../app/api.js';

const base = '/api/events';

export type RegistrationFilter = { orgId: number; sessionId?: number | undefined; status?: RegistrationStatus | undefined };

export const eventsApi = {
  list: (orgId: number, cursor: string | undefined, limit: number) => api.get(base, pageOf(EventSummary), { orgId, cursor, limit }),
  get: (id: number) => api.get(`${base}/${id}`, EventDetail),
  create: (body: CreateEventBody) => api.post(base, EventDetail, body),
  copy: (id: number, body: CopyEventBody) => api.post(`${base}/${id}/copy`, EventDetail, body),
  open: (id: number) => api.post(`${base}/${id}/open`, EventDetail),
  cancel: (id: number) => api.post(`${base}/${id}/cancel`, CancelEventResult),
  close: (id: number, body: CloseEventBody) => api.post(`${base}/${id}/close`, EventReport, body),
  report: (id: number) => api.get(`${base}/${id}/report`, EventReport),
  capacity: (id: number, sessionId: number, capacity: number) =>
    api.patch(`${base}/${id}/sessions/${sessionId}`, EventDetail, { capacity }),
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
