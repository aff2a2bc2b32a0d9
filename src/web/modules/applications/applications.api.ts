import {
  Application,
  ApplicationReceipt,
  DecisionResult,
  type ApplicationListQuery,
  type DecideApplicationsBody,
  type IntakeApplicationBody,
} from '../../../common/applications.js';
import { pageOf } from '../../../common/paging.js';
import { api } from '../../app/api.js';

export type ApplicationFilters = Pick<ApplicationListQuery, 'status' | 'meetingId'>;

export const applicationsApi = {
  list: (orgId: number, filters: ApplicationFilters, cursor: string | undefined, limit: number) =>
    api.get('/api/applications', pageOf(Application), { orgId, ...filters, cursor, limit }),
  decide: (body: DecideApplicationsBody) => api.post('/api/applications/decisions', DecisionResult, body),
  intake: (body: IntakeApplicationBody) => api.post('/api/applications', ApplicationReceipt, body),
};
