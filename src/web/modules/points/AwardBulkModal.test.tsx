// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BulkAwardJob } from '../../../common/points.programmes.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { AwardBulkModal } from './AwardBulkModal.js';

const job = (over: Partial<BulkAwardJob>): BulkAwardJob => ({
  id: 4,
  programmeId: 9,
  batchKey: 'summer-2026',
  source: 'file',
  status: 'failed',
  totalRows: 1200,
  rowsDone: 500,
  awarded: 500,
  replayed: 0,
  refused: 0,
  points: 1000,
  error: 'internal error',
  createdAt: '2026-07-01T02:00:00.000Z',
  finishedAt: null,
  ...over,
});

describe('AwardBulkModal', () => {
  it('offers 重试 on an interrupted job and shows the job carrying on from where it stopped', async () => {
    const calls = fakeApi(cadre(['points.read', 'points.write']), (method, path) => {
      if (method === 'POST' && path === '/api/points/programmes/9/awards/file') return { status: 202, body: job({}) };
      if (method === 'POST' && path === '/api/points/programmes/9/award-jobs/4/retry')
        return { status: 202, body: job({ status: 'queued', error: null }) };
      if (method === 'GET' && path === '/api/points/programmes/9/award-jobs/4')
        return { body: job({ status: 'done', rowsDone: 1200, awarded: 1200, points: 2400, error: null }) };
      if (method === 'GET' && path === '/api/points/programmes/9/award-jobs/4/rows') return { body: { items: [], next: null } };
      return undefined;
    });
    renderPage(<AwardBulkModal programmeId={9} onClose={() => undefined} />);
    await screen.findByTestId('bulk-upload');
    const input = document.body.querySelector<HTMLInputElement>('input[type=file]');
    await userEvent.upload(input!, new File(['姓名,证件号码,积分,事由'], 'summer.csv', { type: 'text/csv' }));
    expect(await screen.findByText(/批量奖励中断/)).toBeTruthy();
    expect(screen.getByTestId('bulk-progress-text').textContent).toContain('500 / 1200');
    await userEvent.click(screen.getByTestId('bulk-retry'));
    expect(await screen.findByTestId('bulk-summary', {}, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('bulk-progress-text').textContent).toContain('1200 / 1200'));
    expect(calls.filter((c) => c.url.pathname.endsWith('/retry'))).toHaveLength(1);
    expect(screen.queryByTestId('bulk-retry')).toBeNull();
  });
});
