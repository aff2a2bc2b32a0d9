import { Navigate, Route, Routes } from 'react-router-dom';
import { MemberPage } from './MemberPage.js';
import { JoinPage } from './JoinPage.js';
import { StatusPage } from './StatusPage.js';
import { VerifyPage } from './VerifyPage.js';

/** The pages that need no account, loaded as their own chunk so a phone does not download the console. */
export function JoinRoutes() {
  return (
    <Routes>
      <Route index element={<JoinPage />} />
      <Route path="status" element={<StatusPage />} />
      <Route path="member" element={<MemberPage />} />
      <Route path="card" element={<Navigate to="/join/member" replace />} />
      <Route path="*" element={<JoinPage />} />
    </Routes>
  );
}

export { VerifyPage };
