// @vitest-environment jsdom
import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LedgerPeople, LedgerRollup, LedgerRollupChild } from '../../../common/ledger.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { RollupView } from './RollupView.js';

// jsdom draws no canvas: the chart is ECharts' business, not this view's.
vi.mock('../coverage/EChart.js', () => ({ EChart: ({ testId }: { testId: string }) => <div data-testid={testId} /> }));
configure({ asyncUtilTimeout: 30_000 });

const year = new Date().getFullYear();
const people = (members: number, reported: number): LedgerPeople => ({
  members,
  membersEntries: members > 0 ? 1 : 0,
  reported,
  reportedEntries: reported > 0 ? 2 : 0,
  entriesWithoutFigure: 0,
});
const child = (orgId: number, orgName: string, activities: number, p: LedgerPeople): LedgerRollupChild => ({
  orgId,
  orgName,
  activities,
  people: p,
});
const rollup: LedgerRollup = {
  orgId: 1,
  orgName: '北京市总工会',
  year,
  activities: 5,
  people: people(42, 1500),
  byKind: [{ kind: 'event', activities: 5, people: people(42, 1500) }],
  figures: [{ unit: '人', counts: '会员', total: 179000, entries: 1, approximate: true }],
  children: [child(2, '东城区总工会', 3, people(3, 0)), child(3, '西城区总工会', 2, people(40, 1500))],
  hasMoreChildren: true,
};

describe('RollupView', { timeout: 240_000 }, () => {
  it('labels members counted once apart from reported figures, and shows each sub-node from the one roll-up answer', async () => {
    const calls = fakeApi(cadre(['ledger.read']), (_method, path) => {
      if (path === '/api/ledger/rollup') return { body: rollup };
      return undefined;
    });
    renderPage(<RollupView orgId={1} year={year} onYearChange={() => undefined} />);
    expect(await screen.findByTestId('rollup-chart')).toBeTruthy();
    const members = await screen.findByTestId('rollup-members');
    expect(members.textContent).toContain('参与会员（按会员计，每人只计一次）');
    expect(members.textContent).toContain('42');
    const reported = screen.getByTestId('rollup-reported');
    expect(reported.textContent).toContain('参与人次（报道数字，可能重复）');
    expect(reported.textContent).toContain('1,500');
    expect(within(screen.getByTestId('rollup-figures')).getByText('约 179,000人')).toBeTruthy();
    const children = screen.getByTestId('rollup-children');
    const east = (await within(children).findByText('东城区总工会')).closest('tr')!;
    expect(within(east).getAllByText('3')).toHaveLength(2);
    const west = within(children).getByText('西城区总工会').closest('tr')!;
    expect([...west.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['西城区总工会', '2', '40', '1,500']);
    expect(screen.getByText('只列出工作最多的前 50 个下级组织')).toBeTruthy();
    // One request for the node and its sub-nodes: none per sub-node, none for the list of sub-nodes.
    const asked = calls.filter((c) => c.url.pathname.startsWith('/api/'));
    expect(asked.map((c) => [c.url.pathname, c.url.searchParams.get('orgId'), c.url.searchParams.get('year')])).toEqual([
      ['/api/ledger/rollup', '1', String(year)],
    ]);
  });
});
