// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../../common/auth.js';
import type { ChiefTies, MyContests } from '../../../common/contests.js';
import { fakeApi, renderPage } from '../../testing/dom.js';
import { ChiefDecisionModal } from './ChiefDecisionModal.js';

const chief: Me = {
  id: 40,
  username: 'judge.wang',
  displayName: '王评委',
  grants: [{ id: 9, orgId: 1, orgName: '东城区总工会', orgKind: 'district_federation', role: 'judge' }],
  permissions: ['contest.judge'],
  mustChangePassword: false,
};
const contest: MyContests['items'][number] = {
  contestId: 3,
  name: '诗歌朗诵比赛',
  status: 'judging',
  isChief: true,
  // The chief's own assignments carry titles; the tie list must not borrow them.
  assignments: [{ assignmentId: 501, entryId: 71, title: '节目01《祖国颂》', sheetStatus: 'submitted' }],
};
const ties: ChiefTies = {
  items: [
    {
      context: 'overall',
      award: 'overall',
      kind: 'entry',
      boundary: 3,
      criteria: ['题材内容', '表现形式'],
      tied: [
        { code: '71', aggregate: '88.50', scores: ['27.25', '26.00'] },
        { code: '72', aggregate: '88.50', scores: ['27.25', '26.00'] },
      ],
    },
    {
      context: '15',
      award: '最佳创作奖',
      kind: 'entry',
      boundary: 3,
      criteria: ['题材内容', '表现形式'],
      tied: [
        { code: '73', aggregate: '80.00', scores: ['29.00', '24.50'] },
        { code: '74', aggregate: '80.00', scores: ['29.00', '24.50'] },
        { code: '75', aggregate: '80.00', scores: ['29.00', '24.50'] },
      ],
    },
  ],
};

describe('ChiefDecisionModal', { timeout: 240_000 }, () => {
  it('shows each tied entry by its code with its aggregate and criterion scores, never a title, and records the order', async () => {
    const calls = fakeApi(chief, (method, path, _u, body) => {
      if (path === '/api/judging/contests/3/ties') return { body: ties };
      return method === 'POST' && path === '/api/judging/contests/3/chief-decisions' ? { body } : undefined;
    });
    renderPage(<ChiefDecisionModal contest={contest} onClose={() => undefined} />);
    await userEvent.click(await screen.findByTestId('chief-tie-15'));
    const table = await screen.findByTestId('chief-order');
    expect(table.textContent).toContain('最佳创作奖第 3 名处并列');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['#', '作品编号', '总分', '题材内容', '表现形式', '']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 5)
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['1', '73', '80.00', '29.00', '24.50'],
      ['2', '74', '80.00', '29.00', '24.50'],
      ['3', '75', '80.00', '29.00', '24.50'],
    ]);
    expect(screen.getByTestId('chief-modal').textContent).not.toContain('祖国颂');
    await userEvent.click(screen.getByTestId('chief-up-2'));
    await userEvent.click(screen.getByTestId('chief-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ context: '15', order: ['73', '75', '74'] });
  });

  it('says so when no tie waits, and shows the refusal of the server in words', async () => {
    fakeApi(chief, (_m, path) => (path === '/api/judging/contests/3/ties' ? { body: { items: [] } } : undefined));
    const { unmount } = renderPage(<ChiefDecisionModal contest={contest} onClose={() => undefined} />);
    expect((await screen.findByTestId('chief-no-ties')).textContent).toContain('没有待裁定的并列');
    unmount();
    fakeApi(chief, () => ({ status: 409, body: { code: 'CONTEST_SCORES_MISSING', message: '还有 2 项评分未提交' } }));
    renderPage(<ChiefDecisionModal contest={contest} onClose={() => undefined} />);
    expect((await screen.findByTestId('chief-ties-error')).textContent).toContain('还有 2 项评分未提交');
  });
});
