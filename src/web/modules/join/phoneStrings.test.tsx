// @vitest-environment jsdom
// Only jsdom's missing APIs, not testing/dom.tsx: it adds every module's strings, and this test is about the few a
// phone page adds itself (#16).
import '../../testing/jsdom.js';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { antdLocales } from '../../i18n/libraryLocales.js';
import { JoinRoutes } from './PublicApp.js';

/** The pages are lazy chunks: their first import in a test transforms them. */
const LOADED = { timeout: 20_000 };

/** A key shown instead of its text (`join.title`, `member.employmentForm.courier`). */
const RAW_KEY = /\b[a-z][A-Za-z]*\.[a-z][A-Za-z]*/;

function renderAt(url: string) {
  render(
    <ConfigProvider locale={antdLocales['zh-CN']}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/join/*" element={<JoinRoutes />} />
        </Routes>
      </MemoryRouter>
    </ConfigProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the phone pages of /join with only the strings they download', () => {
  it('shows the application form and every problem of an empty one in words', async () => {
    renderAt('/join');
    expect((await screen.findByTestId('public-title', {}, LOADED)).textContent).toBe('申请加入工会');
    await userEvent.click(screen.getByTestId('join-submit'));
    await screen.findByText('请选择用工形式');
    expect(screen.getByTestId('employment-courier').textContent).toContain('快递员');
    expect(document.body.textContent).not.toMatch(RAW_KEY);
  });

  it('shows the status page and the member’s sign-in in words', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ code: 'UNAUTHENTICATED', message: '请先登录' }), { status: 401 }));
    renderAt('/join/status');
    await screen.findByTestId('public-title', {}, LOADED);
    expect(document.body.textContent).not.toMatch(RAW_KEY);
    cleanup();

    renderAt('/join/member');
    await screen.findByTestId('public-title', {}, LOADED);
    await waitFor(() => expect(document.querySelector('form')).not.toBeNull(), LOADED);
    expect(document.body.textContent).not.toMatch(RAW_KEY);
  });
});
