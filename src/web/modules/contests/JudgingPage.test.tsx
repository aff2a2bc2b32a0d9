// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../../common/auth.js';
import type { ChiefTies, MyContests } from '../../../common/contests.js';
import { fakeApi, renderPage } from '../../testing/dom.js';
import { JudgingPage } from './JudgingPage.js';

const chief: Me = {
  id: 40,
  username: 'judge.wang',
  displayName: '王评委',
  grants: [{ id: 9, orgId: 1, orgName: '东城区总工会', orgKind: 'district_federation', role: 'judge' }],
  permissions: ['contest.judge'],
  mustChangePassword: false,
};
const mine: MyContests = {
  items: [
    {
      contestId: 3,
      name: '诗歌朗诵比赛',
      status: 'judging',
      isChief: true,
      assignments: [
        { assignmentId: 501, entryId: 71, title: '节目01', sheetStatus: 'submitted' },
        { assignmentId: 502, entryId: 72, title: '节目02', sheetStatus: 'draft' },
        { assignmentId: 503, entryId: 73, title: '节目03', sheetStatus: null },
      ],
    },
  ],
};

describe('JudgingPage', { timeout: 240_000 }, () => {
  it('lists my assigned entries, those to do first, with my progress', async () => {
    fakeApi(chief, (_m, path) => (path === '/api/judging/contests' ? { body: mine } : undefined));
    renderPage(<JudgingPage />);
    const list = await screen.findByTestId('judge-entries');
    const titles = within(list)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(titles).toEqual(['节目02', '节目03', '节目01']);
    expect(screen.getByTestId('judge-entry-501').textContent).toContain('已提交');
    expect(screen.getByTestId('judge-entry-503').textContent).toContain('待评');
    expect(screen.getByTestId('judge-progress-3').textContent).toContain('已提交 1 / 3');
  });

  it('lets the chief judge order the codes of a tie and records that order', async () => {
    const ties: ChiefTies = {
      items: [
        {
          context: 'overall',
          award: 'overall',
          kind: 'entry',
          boundary: 3,
          criteria: ['题材内容'],
          tied: [
            { code: '71', aggregate: '88.50', scores: ['27.00'] },
            { code: '72', aggregate: '88.50', scores: ['27.00'] },
          ],
        },
      ],
    };
    const calls = fakeApi(chief, (method, path, _u, body) => {
      if (path === '/api/judging/contests') return { body: mine };
      if (path === '/api/judging/contests/3/ties') return { body: ties };
      return method === 'POST' && path === '/api/judging/contests/3/chief-decisions' ? { body } : undefined;
    });
    renderPage(<JudgingPage />);
    await userEvent.click(await screen.findByTestId('chief-decision-3'));
    const order = await screen.findByTestId('chief-order');
    expect(order.textContent).not.toContain('节目01');
    await userEvent.click(screen.getByTestId('chief-up-1'));
    await userEvent.click(screen.getByTestId('chief-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ context: 'overall', order: ['72', '71'] });
  });
});
