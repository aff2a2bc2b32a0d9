import { ElsewhereTransfersResult, ImportElsewhereRow, ImportJob } from '../../../common/imports.js';
import { pageOf } from '../../../common/paging.js';
import { api } from '../../app/api.js';

/** The server's upload limit (one constant in src/common), checked here too so a cadre learns before the upload. */
export { ROSTER_UPLOAD_MAX_MB as MAX_ROSTER_MB } from '../../../common/imports.js';
export const ROSTER_EXTENSIONS = ['.xlsx', '.csv'] as const;

export const importsApi = {
  upload: (orgId: number, file: File) => api.upload(`/api/imports?orgId=${orgId}`, file, ImportJob),
  get: (id: number) => api.get(`/api/imports/${id}`, ImportJob),
  list: (orgId: number, cursor: string | undefined, limit: number) => api.get('/api/imports', pageOf(ImportJob), { orgId, cursor, limit }),
  template: () => api.download('/api/imports/template', {}, 'roster-template.xlsx'),
  elsewhere: (id: number, cursor: string | undefined, limit: number) =>
    api.get(`/api/imports/${id}/elsewhere`, pageOf(ImportElsewhereRow), { cursor, limit }),
  requestTransfers: (id: number) => api.post(`/api/imports/${id}/transfers`, ElsewhereTransfersResult),
  errors: (id: number) => api.download(`/api/imports/${id}/errors`, {}, `import-${id}-errors.xlsx`),
};

export const isFinished = (job: ImportJob) => job.status === 'done' || job.status === 'failed';
