import { App as AntApp, ConfigProvider, Result, Button, Spin } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { currentLocale } from '../i18n/index.js';
import { antdLocales } from '../i18n/libraryLocales.js';
import { OrgTreeProvider } from '../modules/orgs/treeStore.js';
import { AuthProvider, useAuth } from './auth.js';
import { LoginPage } from './LoginPage.js';
import { ForcedPasswordChange } from './ChangePassword.js';
import { registry } from './modules.js';
import { Shell } from './Shell.js';
import { hasAccess, RegistryProvider, useRegistry, type Access } from './webModule.js';

const theme = { token: { colorPrimary: '#c8102e', borderRadius: 6 } };

export function App() {
  useTranslation(); // re-renders on a change of language
  return (
    <ConfigProvider locale={antdLocales[currentLocale()]} theme={theme}>
      <AntApp>
        <RegistryProvider value={registry}>
          <BrowserRouter>
            <Routes>
              {registry.publicRoutes.map((route) => (
                <Route key={route.path} path={route.path} element={<Suspense fallback={<FullPageSpin />}>{route.element}</Suspense>} />
              ))}
              <Route path="*" element={<Console />} />
            </Routes>
          </BrowserRouter>
        </RegistryProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** The signed-in console; the session probe runs only here. */
function Console() {
  const { routes } = useRegistry();
  return (
    <AuthProvider>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route element={<Shell />}>
            <Route index element={<HomeRedirect />} />
            {routes.map((route) => (
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
