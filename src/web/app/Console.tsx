import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { OrgTreeProvider } from '../modules/orgs/treeStore.js';
import { AuthProvider, useAuth } from './auth.js';
import { FullPageSpin } from './FullPageSpin.js';
import { registry } from './modules.js';
import { Shell } from './Shell.js';
import { hasAccess, RegistryProvider, type Access } from './webModule.js';
import { addStrings } from '../i18n/index.js';
import { stringsZhCN } from '../i18n/strings.zh-CN.js';

// The console's strings come with its chunk; the phone pages add only those they show (#16).
addStrings(stringsZhCN);

// Pages a signed-in 工作台 does not render, each a chunk of its own: the forced password change (antd's Form with
// rc-field-form's rules) and "not found" (Result's illustrations) are fetched when shown, not with every console load.
// The sign-in page is App's (LoginPage.tsx).
const ForcedPasswordChange = lazy(() => import('./ChangePassword.js').then((m) => ({ default: m.ForcedPasswordChange })));
const NotFound = lazy(() => import('./NotFound.js').then((m) => ({ default: m.NotFound })));

const page = (element: ReactNode) => <Suspense fallback={<FullPageSpin />}>{element}</Suspense>;

/** The signed-in console, loaded lazily by App; the phone pages probe no session, the sign-in page its own. */
export function Console() {
  return (
    <RegistryProvider value={registry}>
      <AuthProvider>
        <Routes>
          <Route element={<RequireAuth />}>
            <Route element={<Shell />}>
              <Route index element={<HomeRedirect />} />
              {registry.routes.map((route) => (
                <Route
                  key={route.path}
                  path={route.path}
                  element={<RequireAccess access={route.access}>{page(route.element)}</RequireAccess>}
                />
              ))}
              <Route path="*" element={page(<NotFound />)} />
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
  if (me.mustChangePassword) return page(<ForcedPasswordChange />);
  return (
    <OrgTreeProvider>
      <Outlet />
    </OrgTreeProvider>
  );
}

function RequireAccess({ access, children }: { access: Access | undefined; children: ReactNode }) {
  const { can, me } = useAuth();
  return me && hasAccess(access, me, can) ? <>{children}</> : page(<NotFound />);
}

/** The console's home is the 工作台 (what waits for the caller, in src/web/modules/workbench). */
function HomeRedirect() {
  return <Navigate to="/workbench" replace />;
}
