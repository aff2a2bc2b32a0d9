import { Coverage, CoverageBreakdown } from '../../../common/coverage.js';
import { api } from '../../app/api.js';

/** Children shown at most in the dashboard's breakdown. */
export const BREAKDOWN_LIMIT = 200;

export const coverageApi = {
  get: (orgId: number) => api.get(`/api/coverage/${orgId}`, Coverage),
  children: (orgId: number, limit = BREAKDOWN_LIMIT) => api.get(`/api/coverage/${orgId}/children`, CoverageBreakdown, { limit }),
};
