import { EditOutlined, FlagOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

// ── the organiser's console ──
const ContestsPage = lazy(() => import('./ContestsPage.js').then((m) => ({ default: m.ContestsPage })));
const EnteredPage = lazy(() => import('./EnteredPage.js').then((m) => ({ default: m.EnteredPage })));
const ContestPage = lazy(() => import('./ContestPage.js').then((m) => ({ default: m.ContestPage })));

// ── the judge's pages (phone or laptop) ──
const JudgingPage = lazy(() => import('./JudgingPage.js').then((m) => ({ default: m.JudgingPage })));
const ScoreSheetPage = lazy(() => import('./ScoreSheetPage.js').then((m) => ({ default: m.ScoreSheetPage })));

/** Whether the signed-in user serves as a judge somewhere (the narrow `judge` role). */
export const isJudge = (me: { grants: readonly { role: string }[] }): boolean => me.grants.some((g) => g.role === 'judge');

/** 竞赛评比: contests with their rules, entries, judges, progress, results and roll-up; the judges' score sheets. */
export const webModule = defineWebModule({
  routes: [
    { path: 'contests', element: <ContestsPage />, access: 'contest.read' },
    { path: 'contests/entered', element: <EnteredPage />, access: 'contest.read' },
    { path: 'contests/:id', element: <ContestPage />, access: 'contest.read' },
    { path: 'judging', element: <JudgingPage />, access: 'contest.judge' },
    { path: 'judging/sheets/:id', element: <ScoreSheetPage />, access: 'contest.judge' },
  ],
  menu: [
    {
      // 活动与福利 in order: events 61, welfare 63, training 64, points 65/67, then the competitions — the contest, a
      // unit's entries, the tournaments (70) — and the ledger 71.
      key: '/contests',
      order: 68,
      icon: <TrophyOutlined />,
      label: (t) => t('contests.menu'),
      testId: 'nav-contests',
      group: 'activities',
      access: 'contest.read',
      to: (orgId) => (orgId ? `/contests?org=${orgId}` : '/contests'),
    },
    {
      // 本单位参赛: where an entrant unit follows its entries and appeals during the notice (the contest lies above it).
      key: '/contests/entered',
      order: 69,
      icon: <FlagOutlined />,
      label: (t) => t('contests.entered.menu'),
      testId: 'nav-contests-entered',
      group: 'activities',
      access: 'contest.read',
      to: (orgId) => (orgId ? `/contests/entered?org=${orgId}` : '/contests/entered'),
    },
    {
      key: '/judging',
      order: 66,
      icon: <EditOutlined />,
      label: (t) => t('contests.judging.menu'),
      testId: 'nav-judging',
      access: (me) => isJudge(me),
      to: () => '/judging',
    },
  ],
});
