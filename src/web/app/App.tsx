import { App as AntApp, ConfigProvider } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { currentLocale } from '../i18n/index.js';
import { antdLocales } from '../i18n/libraryLocales.js';
import { FullPageSpin } from './FullPageSpin.js';
import { publicRoutes } from './publicRoutes.js';

// The console (its modules, shell and menus) is a chunk of its own: the workers' phone pages never load it, nor does
// the sign-in page, a chunk of its own too.
const Console = lazy(() => import('./Console.js').then((m) => ({ default: m.Console })));
const LoginRoute = lazy(() => import('./LoginPage.js').then((m) => ({ default: m.LoginRoute })));

const theme = { token: { colorPrimary: '#c8102e', borderRadius: 6 } };

export function App() {
  useTranslation(); // re-renders on a change of language
  return (
    <ConfigProvider locale={antdLocales[currentLocale()]} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <Routes>
            {publicRoutes.map((route) => (
              <Route key={route.path} path={route.path} element={<Suspense fallback={<FullPageSpin />}>{route.element}</Suspense>} />
            ))}
            <Route
              path="/login"
              element={
                <Suspense fallback={<FullPageSpin />}>
                  <LoginRoute />
                </Suspense>
              }
            />
            <Route
              path="*"
              element={
                <Suspense fallback={<FullPageSpin />}>
                  <Console />
                </Suspense>
              }
            />
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
