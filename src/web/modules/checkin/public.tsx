import { lazy } from 'react';
import type { PublicRoute } from '../../app/webModule.js';

const TicketPage = lazy(() => import('./TicketPage.js').then((m) => ({ default: m.TicketPage })));

/** The member's ticket on the phone. */
export const publicRoutes: PublicRoute[] = [{ path: '/m/events/tickets/:registrationId', element: <TicketPage /> }];
