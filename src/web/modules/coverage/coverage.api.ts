import type { Coverage, CoverageBreakdown } from '../../../common/coverage.js';
import { api } from '../../app/api.js';

/** Children shown at most in the dashboard's breakdown. */
export const BREAKDOWN_LIMIT = 200;

export const coverageApi = {
  get: (orgId: number) => api.get<Coverage>(`/api/coverage/${orgId}`),
  children: (orgId: number, limit = BREAKDOWN_LIMIT) => api.get<CoverageBreakdown>(`/api/coverage/${orgId}/children`, { limit }),
};
