// @vitest-environment jsdom
import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LedgerPeople, LedgerRollup } from '../../../common/ledger.js';
import type { OrgChild } from '../../../common/orgs.js';
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
const child = (id: number, name: string): OrgChild => ({
  id,
  parentId: 1,
  kind: 'district_federation',
  jointType: null,
  name,
  regionCode: null,
  zoneId: null,
  childCount: 0,
  depth: 1,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  memberCount: 0,
});
const rollupOf = (orgId: number, orgName: string, activities: number, p: LedgerPeople): LedgerRollup => ({
  orgId,
  orgName,
  year,
  activities,
  people: p,
  byKind: [{ kind: 'event', activities, people: p }],
  figures: [{ unit: '人', counts: '会员', total: 179000, entries: 1, approximate: true }],
});

describe('RollupView', { timeout: 240_000 }, () => {
  it('labels members counted once apart from reported figures, and rolls up each sub-node', async () => {
    const calls = fakeApi(cadre(['ledger.read']), (_method, path, url) => {
      if (path === '/api/orgs/1/children')
        return { body: { items: [child(2, '东城区总工会'), child(3, '西城区总工会')], nextCursor: null } };
      if (path === '/api/ledger/rollup') {
        const orgId = Number(url.searchParams.get('orgId'));
        if (orgId === 1) return { body: rollupOf(1, '北京市总工会', 5, people(42, 1500)) };
        return { body: rollupOf(orgId, orgId === 2 ? '东城区总工会' : '西城区总工会', orgId, people(orgId, 0)) };
      }
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
    const west = (await within(children).findByText('西城区总工会')).closest('tr')!;
    expect(within(west).getAllByText('3')).toHaveLength(2);
    const years = calls.filter((c) => c.url.pathname === '/api/ledger/rollup').map((c) => c.url.searchParams.get('year'));
    expect(new Set(years)).toEqual(new Set([String(year)]));
  });
});
