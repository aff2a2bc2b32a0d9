// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ContestDetail } from '../../../common/contests.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { ContestFormModal } from './ContestFormModal.js';
import { buildContest } from './contests.fixtures.js';

const type = async (testId: string, value: string) => {
  const input = screen.getByTestId(testId);
  await userEvent.clear(input);
  await userEvent.type(input, value);
};

describe('ContestFormModal', { timeout: 240_000 }, () => {
  it('sends the criteria with weights, maxima and tie-break places, and the tiers with their quotas', async () => {
    const calls = fakeApi(cadre(['contest.read', 'contest.write']), (method, path) =>
      method === 'POST' && path === '/api/contests' ? { status: 201, body: buildContest({ id: 9, status: 'draft' }) } : undefined,
    );
    let done: ContestDetail | undefined;
    renderPage(<ContestFormModal orgId={2} onClose={() => undefined} onDone={(c) => (done = c)} />);
    await userEvent.type(await screen.findByTestId('contest-name'), '职工诗歌朗诵比赛');
    await type('contest-showcase', '18');
    await type('criterion-name-0', '题材内容');
    await type('criterion-max-0', '30');
    await userEvent.click(screen.getByTestId('criterion-add'));
    await type('criterion-name-1', '现场发挥');
    await type('criterion-weight-1', '2');
    await type('criterion-max-1', '20');
    await userEvent.click(screen.getByTestId('tier-add'));
    await type('tier-name-0', '最佳表演奖');
    await type('tier-quota-0', '3');
    await userEvent.click(screen.getByTestId('contest-ok'));
    await waitFor(() => expect(done?.id).toBe(9));
    expect(calls[0]!.body).toEqual({
      orgId: 2,
      name: '职工诗歌朗诵比赛',
      normalisation: 'none',
      panelSize: 5,
      showcaseSize: 18,
      noticeDays: 7,
      criteria: [
        { name: '题材内容', weight: 1, maxScore: 30, decimals: 2 },
        { name: '现场发挥', weight: 2, maxScore: 20, decimals: 2 },
      ],
      tiers: [{ kind: 'ladder', name: '最佳表演奖', quota: 3 }],
    });
  });

  it('names the row and field of a refused criterion before sending', async () => {
    const calls = fakeApi(cadre(['contest.read', 'contest.write']), () => undefined);
    renderPage(<ContestFormModal orgId={2} onClose={() => undefined} onDone={() => undefined} />);
    await userEvent.type(await screen.findByTestId('contest-name'), '技能竞赛');
    await type('criterion-name-0', '理论');
    await userEvent.clear(screen.getByTestId('criterion-max-0'));
    await userEvent.click(screen.getByTestId('contest-ok'));
    expect((await screen.findByTestId('contest-problems')).textContent).toContain('评分项第 1 行满分');
    expect(calls).toHaveLength(0);
  });
});
