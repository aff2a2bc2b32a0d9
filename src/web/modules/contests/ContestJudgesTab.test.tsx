// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Judge } from '../../../common/contests.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { ContestJudgesTab } from './ContestJudgesTab.js';
import { buildContest } from './contests.fixtures.js';

describe('ContestJudgesTab', { timeout: 240_000 }, () => {
  it('creates a judge account and shows its first password once, then balances the assignment', async () => {
    const judges: Judge[] = [];
    const calls = fakeApi(cadre(['contest.read', 'contest.write']), (method, path, _u, body) => {
      if (path === '/api/orgs/search')
        return { body: { items: [{ id: 7, name: '西城区总工会', kind: 'district_federation', trail: ['北京市总工会'] }] } };
      if (path === '/api/contests/3/entries') return { body: { items: [] } };
      if (method === 'GET' && path === '/api/contests/3/judges') return { body: { items: judges } };
      if (method === 'GET' && path === '/api/contests/3/assignments') return { body: { items: [], loads: {} } };
      if (path === '/api/contests/3/conflicts') return { body: { declared: [], automatic: [] } };
      if (method === 'POST' && path === '/api/contests/3/judges') {
        const judge = {
          id: 1,
          userId: 50,
          orgName: '西城区总工会',
          ...(body as { username: string; displayName: string; orgId: number; isChief: boolean }),
        };
        judges.push(judge);
        return { status: 201, body: { ...judge, firstPassword: 'Kx7-first-Pw' } };
      }
      if (method === 'POST' && path === '/api/contests/3/assignments')
        return { body: { items: [{ id: 1, judgeId: 1, entryId: 71, sheetStatus: null }], loads: { '1': 1 } } };
      return undefined;
    });
    renderPage(<ContestJudgesTab contest={buildContest({ status: 'open' })} canWrite onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('judge-add'));
    await userEvent.type(screen.getByTestId('judge-username'), 'judge.wang');
    await userEvent.type(screen.getByTestId('judge-display-name'), '王评委');
    await userEvent.type(screen.getByTestId('judge-unit').querySelector('input') ?? document.body, '西城');
    await userEvent.click(await screen.findByTestId('org-option-7', {}, { timeout: 10_000 }));
    await userEvent.click(screen.getByTestId('judge-ok'));
    expect((await screen.findByTestId('judge-first-password')).textContent).toContain('Kx7-first-Pw');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      username: 'judge.wang',
      displayName: '王评委',
      orgId: 7,
      isChief: false,
    });
    await userEvent.click(screen.getByRole('button', { name: /确\s*定|OK/u }));
    await waitFor(() => expect(screen.queryByTestId('judge-first-password')).toBeNull());
    await userEvent.click(screen.getByTestId('judges-assign'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/contests/3/assignments')).toBe(true));
  });

  it('declares a balanced design for a normalised contest, the text sent as written', async () => {
    const calls = fakeApi(cadre(['contest.read', 'contest.write']), (method, path, _u, body) => {
      if (path === '/api/contests/3/entries' || path === '/api/contests/3/judges') return { body: { items: [] } };
      if (path === '/api/contests/3/assignments') return { body: { items: [], loads: {} } };
      if (path === '/api/contests/3/conflicts') return { body: { declared: [], automatic: [] } };
      if (method === 'PUT' && path === '/api/contests/3/design')
        return {
          body: buildContest({ status: 'open', normalisation: 'robust-z', balancedDesign: (body as { design: string | null }).design }),
        };
      return undefined;
    });
    const contest = buildContest({ status: 'open', normalisation: 'robust-z' });
    renderPage(<ContestJudgesTab contest={contest} canWrite onChanged={() => undefined} />);
    expect((await screen.findByTestId('design-state')).textContent).toContain('尚未声明平衡设计');
    await userEvent.click(screen.getByTestId('design-declare'));
    await userEvent.type(screen.getByTestId('design-text'), '每位评委评 8 件，每件 5 位评委');
    await userEvent.click(screen.getByTestId('design-ok'));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ design: '每位评委评 8 件，每件 5 位评委' }));
  });

  it('offers no balanced design without normalisation', async () => {
    fakeApi(cadre(['contest.read', 'contest.write']), (_m, path) => {
      if (path === '/api/contests/3/entries' || path === '/api/contests/3/judges') return { body: { items: [] } };
      if (path === '/api/contests/3/assignments') return { body: { items: [], loads: {} } };
      if (path === '/api/contests/3/conflicts') return { body: { declared: [], automatic: [] } };
      return undefined;
    });
    renderPage(<ContestJudgesTab contest={buildContest({ status: 'open' })} canWrite onChanged={() => undefined} />);
    expect(await screen.findByTestId('judges-assign')).toBeTruthy();
    expect(screen.queryByTestId('design-declare')).toBeNull();
  });

  it('shows declared conflicts with who recorded them, and the tree’s conflicts in words', async () => {
    const pair = { judgeId: 1, judgeName: '王评委', judgeUnit: '东华门街道总工会', entryId: 71, entryTitle: '节目01' };
    fakeApi(cadre(['contest.read']), (_m, path) => {
      if (path === '/api/contests/3/entries' || path === '/api/contests/3/judges') return { body: { items: [] } };
      if (path === '/api/contests/3/assignments') return { body: { items: [], loads: {} } };
      if (path === '/api/contests/3/conflicts')
        return {
          body: {
            declared: [
              { ...pair, entryUnit: '和平里工会', reason: '评委的女儿参赛', declaredBy: '李主任', declaredAt: '2026-12-01T02:00:00Z' },
            ],
            automatic: [{ ...pair, entryUnit: '和平里工会', relation: 'below' }],
          },
        };
      return undefined;
    });
    renderPage(<ContestJudgesTab contest={buildContest({ status: 'open' })} canWrite={false} onChanged={() => undefined} />);
    const declared = await screen.findByTestId('conflicts-declared');
    await waitFor(() => expect(declared.textContent).toContain('评委的女儿参赛'));
    expect(declared.textContent).toContain('李主任');
    expect(declared.textContent).toContain('2026/12/1');
    expect(screen.getByTestId('conflict-auto-1-71').textContent).toBe(
      '王评委（东华门街道总工会）不评《节目01》：参赛单位和平里工会是评委所在单位的下级单位',
    );
  });
});
