// @vitest-environment jsdom
import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { signedInMember } from './myevents.fixtures.js';
import { MyEventsPage } from './MyEventsPage.js';
import { MyTrainingPage } from './MyTrainingPage.js';

// antd's first render is slow on a busy machine: wait longer than the default second for what the page shows.
configure({ asyncUtilTimeout: 30_000 });

/** The member is signed in; the lists themselves fail with a server error. */
function serveFailingLists() {
  fakeApi(cadre([]), (_method, path) => {
    if (path === '/api/portal/me') return { body: signedInMember };
    if (path.startsWith('/api/portal/')) return { status: 500, body: { code: 'INTERNAL', message: '服务器出错了' } };
    return undefined;
  });
}

describe('the member phone pages share one shell', () => {
  it('/m/events: 我的活动 in the red bar leading to /m/events, 我的培训 at the foot, the failure shown', async () => {
    serveFailingLists();
    renderPage(<MyEventsPage />);
    const brand = await screen.findByTestId('public-brand');
    expect(brand.textContent).toContain('我的活动');
    expect(brand.getAttribute('href')).toBe('/m/events');
    expect(screen.getByTestId('public-title').textContent).toBe('我的活动');
    const foot = screen.getByTestId('my-events-to-training');
    expect(foot.textContent).toBe('我的培训');
    expect(foot.getAttribute('href')).toBe('/m/training');
    expect((await screen.findByRole('alert')).textContent).toContain('服务器出错了');
  });

  it('/m/training: 我的培训 in the red bar leading to /m/training, 我的活动 at the foot, the failure shown', async () => {
    serveFailingLists();
    renderPage(<MyTrainingPage />);
    const brand = await screen.findByTestId('public-brand');
    expect(brand.textContent).toContain('我的培训');
    expect(brand.getAttribute('href')).toBe('/m/training');
    expect(screen.getByTestId('public-title').textContent).toBe('我的培训');
    const foot = screen.getByTestId('my-training-to-events');
    expect(foot.textContent).toBe('我的活动');
    expect(foot.getAttribute('href')).toBe('/m/events');
    expect((await screen.findByRole('alert')).textContent).toContain('服务器出错了');
  });
});
