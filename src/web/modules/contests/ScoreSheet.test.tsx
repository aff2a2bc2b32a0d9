// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../../common/contests.js';
import { fakeApi, renderPage } from '../../testing/dom.js';
import { buildSheet } from './contests.fixtures.js';
import { ScoreSheet } from './ScoreSheet.js';

const judge = {
  id: 40,
  username: 'judge.wang',
  displayName: '王评委',
  grants: [{ id: 9, orgId: 1, orgName: '东城区总工会', orgKind: 'district_federation' as const, role: 'judge' as const }],
  permissions: ['contest.judge' as const],
  mustChangePassword: false,
};

const fill = async (testId: string, value: string) => {
  const input = screen.getByTestId(testId);
  await userEvent.clear(input);
  await userEvent.type(input, value);
};

describe('ScoreSheet', { timeout: 240_000 }, () => {
  it('refuses a score above the maximum or with too many decimals, and shows the weighted total live', async () => {
    fakeApi(judge, () => undefined);
    renderPage(<ScoreSheet sheet={buildSheet()} onChanged={() => undefined} />);
    expect(await screen.findByText('满分 30 · 权重 1 · 最多 1 位小数')).toBeTruthy();
    await fill('score-input-11', '31');
    expect((await screen.findByTestId('score-problem-11')).textContent).toBe('应在 0 到 30 之间');
    expect(screen.getByTestId('sheet-save').closest('button')!.disabled).toBe(true);
    await fill('score-input-11', '25.55');
    expect(screen.getByTestId('score-problem-11').textContent).toBe('最多 1 位小数');
    await fill('score-input-11', '25.5');
    expect(screen.queryByTestId('score-problem-11')).toBeNull();
    await fill('score-input-12', '20.25');
    await fill('score-input-13', '15');
    await fill('score-input-14', '18');
    // 25.5×1 + 20.25×1 + 15×0.5 + 18×2 = 89.25
    expect(screen.getByTestId('sheet-total').textContent).toBe('加权总分：89.25');
    expect(screen.getByTestId('sheet-save').closest('button')!.disabled).toBe(false);
  });

  it('saves a draft with the filled scores only, and submits after the confirm dialog', async () => {
    let status: Sheet['status'] = 'draft';
    let saved: Record<string, number> = {};
    const calls = fakeApi(judge, (method, path, _url, body) => {
      if (method === 'PUT' && path === '/api/judging/sheets/501') {
        saved = (body as { scores: Record<string, number> }).scores;
        return { body: buildSheet({ scores: saved }) };
      }
      if (method === 'POST' && path === '/api/judging/sheets/501/submit') {
        status = 'submitted';
        return { body: buildSheet({ scores: saved, status }) };
      }
      return undefined;
    });
    let latest: Sheet | undefined;
    renderPage(<ScoreSheet sheet={buildSheet()} onChanged={(s) => (latest = s)} />);
    await fill('score-input-11', '20');
    expect(screen.getByTestId('sheet-submit').closest('button')!.disabled).toBe(true); // incomplete
    await userEvent.click(screen.getByTestId('sheet-save'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({ scores: { '11': 20 } });
    await fill('score-input-12', '21');
    await fill('score-input-13', '10');
    await fill('score-input-14', '15');
    await userEvent.click(screen.getByTestId('sheet-submit'));
    expect((await screen.findByTestId('sheet-confirm-text')).textContent).toContain('只能填写理由申请修改');
    expect(calls).toHaveLength(1); // nothing sent before the confirmation
    await userEvent.click(screen.getByTestId('sheet-confirm'));
    await waitFor(() => expect(latest?.status).toBe('submitted'));
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'PUT /api/judging/sheets/501',
      'PUT /api/judging/sheets/501',
      'POST /api/judging/sheets/501/submit',
    ]);
    expect(calls[1]!.body).toEqual({ scores: { '11': 20, '12': 21, '13': 10, '14': 15 } });
  });

  it('locks a submitted sheet; an amendment needs a reason and is sent with it', async () => {
    const scores = { '11': 20, '12': 21, '13': 10, '14': 15 };
    const calls = fakeApi(judge, (method, path, _url, body) =>
      method === 'POST' && path === '/api/judging/sheets/501/amendments'
        ? {
            body: buildSheet({
              status: 'submitted',
              scores: { ...scores, '14': 16 },
              amendments: [
                {
                  id: 1,
                  sheetId: 9,
                  judgeId: 40,
                  entryId: 71,
                  criterionId: 14,
                  oldScore: 15,
                  newScore: 16,
                  reason: (body as { reason: string }).reason,
                  byUsername: 'judge.wang',
                  at: '2026-12-02T02:00:00Z',
                },
              ],
            }),
          }
        : undefined,
    );
    let latest: Sheet | undefined;
    renderPage(<ScoreSheet sheet={buildSheet({ status: 'submitted', scores })} onChanged={(s) => (latest = s)} />);
    expect((await screen.findByTestId('score-input-14')).hasAttribute('disabled')).toBe(true);
    expect(screen.queryByTestId('sheet-submit')).toBeNull();
    await userEvent.click(screen.getByTestId('sheet-amend-14'));
    await fill('amend-score', '16');
    await userEvent.click(screen.getByTestId('amend-ok'));
    expect(await screen.findByText('请填写修改理由')).toBeTruthy();
    expect(calls).toHaveLength(0);
    await userEvent.type(screen.getByTestId('amend-reason'), '录入时看错行');
    await userEvent.click(screen.getByTestId('amend-ok'));
    await waitFor(() => expect(latest?.amendments).toHaveLength(1));
    expect(calls[0]!.body).toEqual({ criterionId: 14, score: 16, reason: '录入时看错行' });
  });
});
