// @vitest-environment jsdom
import { configure, screen } from '@testing-library/react';
import type * as ReactRouter from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { buildPublicDraws } from './events.fixtures.js';
import { PublicDrawPage } from './PublicDrawPage.js';

configure({ asyncUtilTimeout: 30_000 });

// The page reads the event from the route: /draws/4.
vi.mock('react-router-dom', async (original) => ({
  ...(await original<typeof ReactRouter>()),
  useParams: () => ({ eventId: '4' }),
}));

describe('PublicDrawPage', { timeout: 240_000 }, () => {
  it('shows the event, the seed source, the hashes, masked winners and waitlist and how to verify', async () => {
    const calls = fakeApi(cadre([]), (method, path) =>
      method === 'GET' && path === '/api/public/events/4/draws' ? { body: buildPublicDraws(true) } : undefined,
    );
    renderPage(<PublicDrawPage />);
    expect((await screen.findByTestId('public-draw-event')).textContent).toBe('科技+杏福');
    expect(screen.getByTestId('public-title').textContent).toBe('抽签结果公示');
    expect(screen.getByTestId('draw-result-1').textContent).toContain('中国福利彩票双色球 2026-12-03 开奖号码');
    expect(screen.getByTestId('draw-result-1').textContent).toContain('a'.repeat(64));
    // The draw's session beside its results: Beijing time (00:00Z is 08:00 in Asia/Shanghai) and place.
    expect(screen.getByTestId('draw-result-1').textContent).toContain('2026-06-20 08:00–17:00 中关村');
    expect((await screen.findByTestId('draw-won-1')).textContent).toContain('张*明');
    expect(screen.getByTestId('draw-waiting-1').textContent).toContain('王*华');
    expect(screen.getByTestId('draw-download-1')).toBeTruthy();
    expect(screen.getByText('npm run cli -- verify-draw <文件>')).toBeTruthy();
    expect(calls.every((c) => c.url.pathname.startsWith('/api/public/'))).toBe(true);
  });
});
