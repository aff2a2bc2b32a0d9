import { StageAnswer } from '../../../common/outreach.answers.js';
import {
  Meeting,
  MeetingDetail,
  OutreachStats,
  type CreateMeetingBody,
  type MeetingListQuery,
  type UnionisationBody,
} from '../../../common/outreach.js';
import { pageOf } from '../../../common/paging.js';
import { api } from '../../app/api.js';

export type MeetingFilters = Pick<MeetingListQuery, 'kind' | 'from' | 'to'>;
export type Period = { from: string; to: string };

export const outreachApi = {
  meetings: (orgId: number, filters: MeetingFilters, cursor: string | undefined, limit: number) =>
    api.get('/api/meetings', pageOf(Meeting), { orgId, ...filters, cursor, limit }),
  meeting: (id: number) => api.get(`/api/meetings/${id}`, MeetingDetail),
  createMeeting: (body: CreateMeetingBody) => api.post('/api/meetings', Meeting, body),
  stats: (orgId: number, period: Period) => api.get('/api/outreach/stats', OutreachStats, { orgId, ...period }),
  setStage: (employerId: number, body: UnionisationBody) => api.post(`/api/employers/${employerId}/unionisation`, StageAnswer, body),
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar date as YYYY-MM-DD (not toISOString, which would shift a Beijing morning to yesterday). */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The period the statistics open with: this calendar year. */
export function thisYear(today = new Date()): Period {
  return { from: `${today.getFullYear()}-01-01`, to: `${today.getFullYear()}-12-31` };
}
