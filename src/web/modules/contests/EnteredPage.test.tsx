// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../common/auth.js';
import type { EnteredEntry } from '../../../common/contests.entered.js';
import { APPEAL_LIMITS } from '../../../common/contests.js';
import { i18next } from '../../i18n/index.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { OrgTreeProvider } from '../orgs/treeStore.js';
import { EnteredPage } from './EnteredPage.js';

const street = {
  id: 21,
  parentId: null,
  kind: 'street_federation',
  jointType: null,
  name: '东华门街道总工会',
  regionCode: null,
  zoneId: null,
  childCount: 1,
  depth: 2,
  version: 1,
  updatedAt: '2026-12-01T00:00:00Z',
};
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();

function entry(id: number, overrides: Partial<EnteredEntry> = {}): EnteredEntry {
  return {
    id,
    title: `节目${id}`,
    orgId: 101,
    orgName: '和平里工会',
    contest: { id: 3, name: '东城区职工诗歌朗诵比赛', status: 'notice', organiserName: '东城区总工会', noticeEndsAt: inAWeek },
    result: { rank: 2, total: 37, awards: ['最佳风采奖'], isShowcase: true },
    appeals: [],
    ...overrides,
  };
}

const onNotice = entry(71);
const answered = entry(72, {
  appeals: [
    {
      id: 8,
      contestId: 3,
      entryId: 72,
      text: '音响故障，请复核。',
      status: 'answered',
      answer: '经复核，维持原结果。',
      createdAt: '2026-12-02T01:00:00Z',
    },
  ],
});
const final = entry(73, {
  contest: { ...onNotice.contest, id: 4, name: '东城区合唱比赛', status: 'final' },
  result: { rank: 1, total: 12, awards: ['一等奖'], isShowcase: false },
});
const noticeOver = entry(74, { contest: { ...onNotice.contest, noticeEndsAt: '2026-11-01T00:00:00Z' } });
const notYet = entry(75, { contest: { ...onNotice.contest, status: 'judging', noticeEndsAt: null }, result: null });

function serve(permissions: Action[], items: EnteredEntry[] = [onNotice, answered, final, noticeOver, notYet]) {
  return fakeApi(cadre(permissions), (method, path) => {
    if (path === '/api/orgs/roots') return { body: { items: [street] } };
    if (method === 'GET' && path === '/api/contests/entered')
      return { body: { items, nextCursor: null, total: { count: items.length, kind: 'exact' } } };
    if (method === 'POST' && path === '/api/contest-entries/71/appeals')
      return {
        status: 201,
        body: { id: 9, contestId: 3, entryId: 71, text: '请复核评分。', status: 'open', answer: null, createdAt: '2026-12-02T02:00:00Z' },
      };
    return undefined;
  });
}

/** Renders the page and waits for its first row (the first render of a fresh worker is slow). */
async function page() {
  renderPage(
    <OrgTreeProvider>
      <EnteredPage />
    </OrgTreeProvider>,
  );
  await screen.findByTestId('session-ready', {}, { timeout: 20_000 });
  await screen.findByText('节目71', {}, { timeout: 20_000 });
}

describe('EnteredPage (本单位参赛)', { timeout: 240_000 }, () => {
  it('lists the entries of the org’s units with their result and the answers to their appeals', async () => {
    const calls = serve(['contest.read', 'contest.write']);
    await page();
    const table = screen.getByTestId('entered-table');
    expect(calls.find((c) => c.url.pathname === '/api/contests/entered')!.url.searchParams.get('orgId')).toBe('21');
    expect(within(table).getAllByText('东城区职工诗歌朗诵比赛').length).toBeGreaterThan(0);
    expect(within(table).getAllByText('主办：东城区总工会').length).toBeGreaterThan(0);
    expect(screen.getByTestId('entered-result-71').textContent).toContain('第 2 名 / 共 37 件');
    expect(screen.getByTestId('entered-result-71').textContent).toContain('最佳风采奖');
    expect(screen.getByTestId('entered-result-71').textContent).toContain('入选展演');
    expect(screen.getByTestId('entered-appeals-72').textContent).toContain('已答复');
    expect(screen.getByTestId('entered-appeals-72').textContent).toContain('答复：经复核，维持原结果。');
    // After the notice: the final result, no appeal button.
    expect(screen.getByTestId('entered-status-73').textContent).toContain('最终结果');
    expect(screen.getByTestId('entered-result-73').textContent).toContain('第 1 名 / 共 12 件');
    expect(screen.getByTestId('entered-status-74').textContent).toContain('公示期已满');
    expect(within(table).getByText('尚未公示')).toBeTruthy();
    expect(screen.getByTestId('entered-appeal-71')).toBeTruthy();
    for (const id of [73, 74, 75]) expect(screen.queryByTestId(`entered-appeal-${id}`)).toBeNull();
  });

  it('files an appeal about the row’s entry through the appeal form, then reloads the list', async () => {
    const calls = serve(['contest.read', 'contest.write']);
    await page();
    await userEvent.click(screen.getByTestId('entered-appeal-71'));
    const modal = await screen.findByTestId('appeal-modal');
    expect(within(modal).getByText('节目71 · 和平里工会')).toBeTruthy();
    // The limits of the common schema: the help names the minimum, the text area stops at the maximum.
    expect(within(modal).getByText(/至少 5 个字/)).toBeTruthy();
    expect(within(modal).getByTestId('appeal-text').getAttribute('maxlength')).toBe(String(APPEAL_LIMITS.textMax));
    await userEvent.type(within(modal).getByTestId('appeal-text'), '请复核评分。');
    await userEvent.click(screen.getByTestId('appeal-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/contest-entries/71/appeals');
    expect(post.body).toEqual({ text: '请复核评分。' });
    await waitFor(() => expect(calls.filter((c) => c.url.pathname === '/api/contests/entered')).toHaveLength(2));
  });

  it('refuses a too-short appeal in the form, without a request', async () => {
    const calls = serve(['contest.read', 'contest.write']);
    await page();
    await userEvent.click(screen.getByTestId('entered-appeal-71'));
    const modal = await screen.findByTestId('appeal-modal');
    await userEvent.type(within(modal).getByTestId('appeal-text'), '复核');
    await userEvent.click(screen.getByTestId('appeal-ok'));
    await waitFor(() => expect(modal.querySelector('.ant-form-item-explain-error')?.textContent).toMatch(/申诉内容.*5/));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('shows no appeal button to a reader, and speaks English', async () => {
    serve(['contest.read'], [onNotice]);
    await i18next.changeLanguage('en');
    try {
      await page();
      expect(screen.getByText('Our entries')).toBeTruthy();
      expect(screen.getByTestId('entered-result-71').textContent).toContain('Rank 2 of 37');
      expect(screen.getByTestId('entered-status-71').textContent).toContain('On notice until');
      expect(screen.queryByTestId('entered-appeal-71')).toBeNull();
    } finally {
      await i18next.changeLanguage('zh-CN');
    }
  });
});
