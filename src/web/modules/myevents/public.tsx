import { lazy } from 'react';
import type { PublicRoute } from '../../app/webModule.js';

const MyEventsPage = lazy(() => import('./MyEventsPage.js').then((m) => ({ default: m.MyEventsPage })));
const MyTrainingPage = lazy(() => import('./MyTrainingPage.js').then((m) => ({ default: m.MyTrainingPage })));

/** The member's phone pages for events (活动报名) and training (培训记录, 签到): the member session of /join/member. */
export const publicRoutes: PublicRoute[] = [
  { path: '/m/events', element: <MyEventsPage /> },
  { path: '/m/training', element: <MyTrainingPage /> },
];
