import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { FullPageSpin } from '../../app/FullPageSpin.js';

// Each page its own chunk: a worker scanning the venue's code for /join does not download the member's card page
// (its QR code, countdown and transfer consent) or the status page.
const JoinPage = lazy(() => import('./JoinPage.js').then((m) => ({ default: m.JoinPage })));
const StatusPage = lazy(() => import('./StatusPage.js').then((m) => ({ default: m.StatusPage })));
const MemberPage = lazy(() => import('./MemberPage.js').then((m) => ({ default: m.MemberPage })));

const page = (element: ReactNode) => <Suspense fallback={<FullPageSpin />}>{element}</Suspense>;

/** The pages that need no account, loaded as their own chunk so a phone does not download the console. */
export function JoinRoutes() {
  return (
    <Routes>
      <Route index element={page(<JoinPage />)} />
      <Route path="status" element={page(<StatusPage />)} />
      <Route path="member" element={page(<MemberPage />)} />
      <Route path="card" element={<Navigate to="/join/member" replace />} />
      <Route path="*" element={page(<JoinPage />)} />
    </Routes>
  );
}
