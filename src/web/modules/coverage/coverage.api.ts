import { Coverage, CoverageBreakdown } from '../../../common/coverage.js';
import { CoverageTrend, DistrictList, TREND_DEFAULT_MONTHS } from '../../../common/coverage.reports.js';
import { api } from '../../app/api.js';

/** Children shown at most in the dashboard's breakdown. */
export const BREAKDOWN_LIMIT = 200;

export const coverageApi = {
  get: (orgId: number) => api.get(`/api/coverage/${orgId}`, Coverage),
  children: (orgId: number, limit = BREAKDOWN_LIMIT) => api.get(`/api/coverage/${orgId}/children`, CoverageBreakdown, { limit }),
  trend: (orgId: number, months = TREND_DEFAULT_MONTHS) => api.get(`/api/coverage/${orgId}/trend`, CoverageTrend, { months }),
  districts: () => api.get('/api/coverage/districts', DistrictList),
  /** 统计报表: the node's coverage on a month (YYYY-MM) as an .xlsx download. */
  downloadReport: (orgId: number, month: string) =>
    api.download('/api/coverage/report', { orgId, date: month }, `coverage-report-${month}.xlsx`),
};
