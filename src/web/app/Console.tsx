import { Button, Result } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { OrgTreeProvider } from '../modules/orgs/treeStore.js';
import { AuthProvider, useAuth } from './auth.js';
import { ForcedPasswordChange } from './ChangePassword.js';
import { FullPageSpin } from './FullPageSpin.js';
import { LoginPage } from './LoginPage.js';
import { registry } from './modules.js';
import { Shell } from './Shell.js';
import { hasAccess, RegistryProvider, type Access } from './webModule.js';

/** The signed-in console, loaded lazily by App; the session probe runs only here. */
export function Console() {
  return (
    <RegistryProvider value={registry}>
      <AuthProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireAuth />}>
            <Route element={<Shell />}>
              <Route index element={<HomeRedirect />} />
              {registry.routes.map((route) => (
                <Route
                  key={route.path}
                  path={route.path}
                  element={
                    <RequireAccess access={route.access}>
                      <Suspense fallback={<FullPageSpin />}>{route.element}</Suspense>
                    </RequireAccess>
                  }
                />
              ))}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </AuthProvider>
    </RegistryProvider>
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

function RequireAccess({ access, children }: { access: Access | undefined; children: ReactNode }) {
  const { can, me } = useAuth();
  return me && hasAccess(access, me, can) ? <>{children}</> : <NotFound />;
}

/** The console's home is the 工作台 (what waits for the caller, in src/web/modules/workbench). */
function HomeRedirect() {
  return <Navigate to="/workbench" replace />;
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
