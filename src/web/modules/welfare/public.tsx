import { lazy } from 'react';
import type { PublicRoute } from '../../app/webModule.js';

const MemberVouchersPage = lazy(() => import('./MemberVouchersPage.js').then((m) => ({ default: m.MemberVouchersPage })));

/** The member's vouchers on the phone (the member session of /join/member). */
export const publicRoutes: PublicRoute[] = [{ path: '/vouchers', element: <MemberVouchersPage /> }];
