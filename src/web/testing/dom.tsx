/**
 * What a component test needs: the browser APIs jsdom lacks and antd uses, the console's strings (zh-CN, the
 * default), and a render inside the providers the app gives every page (antd in zh-CN, the session).
 * Import it first in a `// @vitest-environment jsdom` test file.
 */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, vi } from 'vitest';
import type { Action, Me } from '../../common/auth.js';
import { AuthProvider, useAuth } from '../app/auth.js';
import { addStrings, loadLocale } from '../i18n/index.js';
import { antdLocales } from '../i18n/libraryLocales.js';
import type { ModuleStrings } from '../i18n/merge.js';
import './jsdom.js';

// Every module's zh-CN strings, as if the console's chunk and every phone page had loaded: a component renders alone here.
const zhCNOfModules = import.meta.glob<ModuleStrings>('../modules/*/i18n.zh-CN.ts', { eager: true });
addStrings(...Object.values(zhCNOfModules).map((strings) => strings.messages));
// Tests switch to English with i18next directly (changeLanguage, getFixedT): its strings are a lazy chunk in the app.
await loadLocale('en');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A recorded request of the fetch double. */
export type Call = { method: string; url: URL; body: unknown };

type Answer = { status?: number; body?: unknown };

/**
 * Replaces fetch: `route(method, path, url, body)` answers each request (`undefined` = 404). The session probe
 * (`/api/auth/me`) answers `me`. Returns the requests made, in order, without the probe.
 */
export function fakeApi(me: Me, route: (method: string, path: string, url: URL, body: unknown) => Answer | undefined): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://console.test');
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    if (url.pathname === '/api/auth/me') return Response.json(me);
    calls.push({ method, url, body });
    const answer = route(method, url.pathname, url, body) ?? { status: 404, body: { code: 'NOT_FOUND', message: '不存在' } };
    return answer.status === 204 ? new Response(null, { status: 204 }) : Response.json(answer.body ?? {}, { status: answer.status ?? 200 });
  });
  return calls;
}

/** A signed-in cadre holding exactly these permissions. */
export function cadre(permissions: Action[]): Me {
  return {
    id: 7,
    username: 'cadre',
    displayName: '干部',
    grants: [{ id: 1, orgId: 1, orgName: '东城区总工会', orgKind: 'district_federation', role: 'union_cadre' }],
    permissions,
    mustChangePassword: false,
  };
}

/** Marks the moment the session probe answered: wait for `session-ready` before asserting what is absent. */
function SessionReady() {
  const { me } = useAuth();
  return me ? <span data-testid="session-ready" hidden /> : null;
}

/** Renders inside antd (zh-CN), a router and the session (from the fetch double's `/api/auth/me`). */
export function renderPage(node: ReactNode): RenderResult {
  return render(
    <ConfigProvider locale={antdLocales['zh-CN']}>
      <AntApp>
        <MemoryRouter>
          <AuthProvider>
            <SessionReady />
            {node}
          </AuthProvider>
        </MemoryRouter>
      </AntApp>
    </ConfigProvider>,
  );
}
