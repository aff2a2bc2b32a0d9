import type {
  Application,
  ApplicationListQuery,
  ApplicationReceipt,
  DecideApplicationsBody,
  DecisionResult,
  IntakeApplicationBody,
} from '../../../common/applications.js';
import type { Page } from '../../../common/paging.js';
import { api } from '../../app/api.js';

export type ApplicationFilters = Pick<ApplicationListQuery, 'status' | 'meetingId'>;

export const applicationsApi = {
  list: (orgId: number, filters: ApplicationFilters, cursor: string | undefined, limit: number) =>
    api.get<Page<Application>>('/api/applications', { orgId, ...filters, cursor, limit }),
  decide: (body: DecideApplicationsBody) => api.post<DecisionResult>('/api/applications/decisions', body),
  intake: (body: IntakeApplicationBody) => api.post<ApplicationReceipt>('/api/applications', body),
};
