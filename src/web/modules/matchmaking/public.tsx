import { lazy } from 'react';
import type { PublicRoute } from '../../app/webModule.js';

const MyMatchmakingPage = lazy(() => import('./MyMatchmakingPage.js').then((m) => ({ default: m.MyMatchmakingPage })));
const MatchmakingPhonePage = lazy(() => import('./MatchmakingPhonePage.js').then((m) => ({ default: m.MatchmakingPhonePage })));

/** 联谊 on the member's phone: profile, browse, mutual matches, daily tasks. */
export const publicRoutes: PublicRoute[] = [
  { path: '/m/matchmaking', element: <MyMatchmakingPage /> },
  { path: '/m/matchmaking/:eventId', element: <MatchmakingPhonePage /> },
];
