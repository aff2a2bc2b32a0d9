import { FlagOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule, type MenuEntry } from '../../app/webModule.js';

const TournamentsPage = lazy(() => import('./TournamentsPage.js').then((m) => ({ default: m.TournamentsPage })));
const TournamentPage = lazy(() => import('./TournamentPage.js').then((m) => ({ default: m.TournamentPage })));
const RefereePage = lazy(() => import('./RefereePage.js').then((m) => ({ default: m.RefereePage })));

/** The referee's own menu entry: shown to referee accounts only (a cadre enters results from the console). */
export const refereeMenu: MenuEntry = {
  key: '/tournaments/referee',
  order: 72,
  icon: <FlagOutlined />,
  label: (t) => t('tournaments.ref.menu'),
  testId: 'nav-tournaments-referee',
  access: (me) => me.grants.some((g) => g.role === 'referee'),
  to: () => '/tournaments/referee',
};

/** 赛事: the organisers' console (teams, schedule, standings, bracket, results, heats), the referee's page (the public link: public.tsx). */
export const webModule = defineWebModule({
  routes: [
    { path: 'tournaments', element: <TournamentsPage />, access: 'tournament.read' },
    { path: 'tournaments/referee', element: <RefereePage />, access: 'tournament.referee' },
    { path: 'tournaments/:id', element: <TournamentPage />, access: 'tournament.read' },
  ],
  menu: [
    {
      key: '/tournaments',
      order: 70,
      icon: <TrophyOutlined />,
      label: (t) => t('tournaments.menu'),
      testId: 'nav-tournaments',
      group: 'activities',
      access: 'tournament.read',
      to: (orgId) => (orgId ? `/tournaments?org=${orgId}` : '/tournaments'),
    },
    refereeMenu,
  ],
});
