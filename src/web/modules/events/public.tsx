import { lazy } from 'react';
import type { PublicRoute } from '../../app/webModule.js';

const PublicDrawPage = lazy(() => import('./PublicDrawPage.js').then((m) => ({ default: m.PublicDrawPage })));

/** The public draw results. */
export const publicRoutes: PublicRoute[] = [{ path: '/draws/:eventId', element: <PublicDrawPage /> }];
