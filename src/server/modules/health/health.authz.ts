import type { ModuleAuthz } from '../../testing/authz.js';

export const authz: ModuleAuthz = { publicRoutes: ['GET /api/health', 'GET /api/public/demo-status'] };
