import { lazy } from 'react';
import type { PublicRoute } from '../../app/webModule.js';

const MemberPointsPage = lazy(() => import('./MemberPointsPage.js').then((m) => ({ default: m.MemberPointsPage })));

/** The member's points on the phone. */
export const publicRoutes: PublicRoute[] = [{ path: '/points/me', element: <MemberPointsPage /> }];
