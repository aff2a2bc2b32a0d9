import { lazy } from 'react';
import type { PublicRoute } from '../../app/webModule.js';

// The public pages for workers and benefit providers: their own chunk, no session probe.
const JoinRoutes = lazy(() => import('./PublicApp.js').then((m) => ({ default: m.JoinRoutes })));
const VerifyPage = lazy(() => import('./VerifyPage.js').then((m) => ({ default: m.VerifyPage })));

/** The workers' phone pages: apply, status, member pages, and card verification for benefit providers. */
export const publicRoutes: PublicRoute[] = [
  { path: '/join/*', element: <JoinRoutes /> },
  { path: '/verify', element: <VerifyPage /> },
];
