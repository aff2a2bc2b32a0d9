import { App as AntApp, ConfigProvider, Result, Button, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { Action } from '../../common/auth.js';
import { OrgPage } from '../modules/orgs/OrgPage.js';
import { OrgTreeProvider, useOrgTree } from '../modules/orgs/treeStore.js';
import { AuditPage } from '../modules/users/AuditPage.js';
import { OutboxPage } from '../modules/messages/OutboxPage.js';
import { UsersPage } from '../modules/users/UsersPage.js';
import { AuthProvider, useAuth } from './auth.js';
import { LoginPage } from './LoginPage.js';
import { ForcedPasswordChange } from './ChangePassword.js';
import { Shell } from './Shell.js';

// ECharts is large: load it only when the dashboard opens.
const DashboardPage = lazy(() => import('../modules/coverage/DashboardPage.js').then((m) => ({ default: m.DashboardPage })));
// The public pages for workers and benefit providers: their own chunk, no session probe.
const JoinRoutes = lazy(() => import('../modules/join/PublicApp.js').then((m) => ({ default: m.JoinRoutes })));
const VerifyPage = lazy(() => import('../modules/join/PublicApp.js').then((m) => ({ default: m.VerifyPage })));
const OutreachPage = lazy(() => import('../modules/outreach/OutreachPage.js').then((m) => ({ default: m.OutreachPage })));
const IntakePage = lazy(() => import('../modules/applications/IntakePage.js').then((m) => ({ default: m.IntakePage })));

const theme = { token: { colorPrimary: '#c8102e', borderRadius: 6 } };

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <Routes>
            <Route
              path="/join/*"
              element={
                <Suspense fallback={<FullPageSpin />}>
                  <JoinRoutes />
                </Suspense>
              }
            />
            <Route
              path="/verify"
              element={
                <Suspense fallback={<FullPageSpin />}>
                  <VerifyPage />
                </Suspense>
              }
            />
            <Route path="*" element={<Console />} />
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

/** The signed-in console; the session probe runs only here. */
function Console() {
  return (
    <AuthProvider>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route element={<Shell />}>
            <Route index element={<HomeRedirect />} />
            <Route path="orgs/:id" element={<OrgPage />} />
            <Route
              path="dashboard"
              element={
                <RequirePermission action="coverage.read">
                  <Suspense fallback={<FullPageSpin />}>
                    <DashboardPage />
                  </Suspense>
                </RequirePermission>
              }
            />
            <Route
              path="users"
              element={
                <RequirePermission action="user.read">
                  <UsersPage />
                </RequirePermission>
              }
            />
            <Route
              path="intake"
              element={
                <RequirePermission action="member.write">
                  <Suspense fallback={<FullPageSpin />}>
                    <IntakePage />
                  </Suspense>
                </RequirePermission>
              }
            />
            <Route
              path="outreach"
              element={
                <RequirePermission action="member.read">
                  <Suspense fallback={<FullPageSpin />}>
                    <OutreachPage />
                  </Suspense>
                </RequirePermission>
              }
            />
            <Route path="messages" element={<OutboxPage />} />
            <Route
              path="audit"
              element={
                <RequirePermission action="audit.read">
                  <AuditPage />
                </RequirePermission>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </AuthProvider>
  );
}

function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin tip={t('app.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </div>
  );
}

function RequireAuth() {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <FullPageSpin />;
  if (me === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword) return <ForcedPasswordChange />;
  return (
    <OrgTreeProvider>
      <Outlet />
    </OrgTreeProvider>
  );
}

function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const { can } = useAuth();
  return can(action) ? <>{children}</> : <NotFound />;
}

function HomeRedirect() {
  const { roots } = useOrgTree();
  if (roots === undefined) return <FullPageSpin />;
  const first = roots[0];
  return first ? <Navigate to={`/orgs/${first.id}`} replace /> : <NotFound />;
}

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('app.backHome')}
        </Button>
      }
    />
  );
}
