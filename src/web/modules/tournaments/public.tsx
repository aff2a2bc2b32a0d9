import { lazy } from 'react';
import type { PublicRoute } from '../../app/webModule.js';

const PublicTournamentPage = lazy(() => import('./PublicTournamentPage.js').then((m) => ({ default: m.PublicTournamentPage })));

/** A tournament's signed public read-only link. */
export const publicRoutes: PublicRoute[] = [{ path: '/public/tournaments/:token', element: <PublicTournamentPage /> }];
