// @vitest-environment jsdom
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { signedInMember } from './myevents.fixtures.js';
import { MyTrainingPage } from './MyTrainingPage.js';

// antd's first render is slow on a busy machine: wait longer than the default second for what the page shows.
configure({ asyncUtilTimeout: 30_000 });

function serve() {
  return fakeApi(cadre([]), (method, path, _url, body) => {
    if (path === '/api/portal/me') return { body: signedInMember };
    if (path === '/api/portal/training/record')
      return {
        body: {
          items: [
            {
              sessionId: 3,
              courseTitle: '工会经费使用与管理',
              topic: '财务',
              startsAt: '2026-03-01T01:00:00Z',
              place: '区总工会三楼',
              how: 'self_qr',
              orgName: '东城区某公司工会',
            },
          ],
        },
      };
    if (method === 'POST' && path === '/api/portal/training/checkins')
      return { body: { sessionId: (body as { sessionId: number }).sessionId, courseTitle: '劳模宣讲', already: false } };
    return undefined;
  });
}

describe('MyTrainingPage', () => {
  it('lists what I attended, in Beijing time', async () => {
    serve();
    renderPage(<MyTrainingPage />);
    // A cheap probe: a failing getBy* prints the whole antd page on every poll, which starves a busy machine.
    await waitFor(() => expect(document.querySelector('[data-testid="my-training-record"]')).not.toBeNull());
    const record = screen.getByTestId('my-training-record');
    expect(record.textContent).toContain('工会经费使用与管理');
    expect(record.textContent).toContain('2026/3/1 09:00:00');
    expect(record.textContent).toContain('扫码签到');
  });

  it('checks in with the session number and the typed 8-digit code', async () => {
    const calls = serve();
    renderPage(<MyTrainingPage />);
    fireEvent.change(await screen.findByTestId('my-checkin-code'), { target: { value: '01234567' } });
    fireEvent.change(screen.getByTestId('my-checkin-session'), { target: { value: '42' } });
    fireEvent.click(screen.getByTestId('my-checkin-submit'));
    expect((await screen.findByTestId('my-checkin-result')).textContent).toBe('签到成功：劳模宣讲');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ sessionId: 42, code: '01234567' });
  });

  it('checks in with the room QR text alone (a handheld scanner types it)', async () => {
    const calls = serve();
    renderPage(<MyTrainingPage />);
    fireEvent.change(await screen.findByTestId('my-checkin-code'), { target: { value: 'GHTR1:7:76543210' } });
    await waitFor(() => expect(screen.queryByTestId('my-checkin-session')).toBeNull());
    fireEvent.click(screen.getByTestId('my-checkin-submit'));
    await screen.findByTestId('my-checkin-result');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ sessionId: 7, code: '76543210' });
  });
});
