import { Workbench } from '../../../common/workbench.js';
import { api } from '../../app/api.js';

export const workbenchApi = {
  get: () => api.get('/api/workbench', Workbench),
};
