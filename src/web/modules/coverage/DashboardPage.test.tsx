// @vitest-environment jsdom
import { cadre, fakeApi } from '../../testing/dom.js';
import { render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { Coverage } from '../../../common/coverage.js';
import type { Org } from '../../../common/orgs.js';
import { AuthProvider } from '../../app/auth.js';
import { antdLocales } from '../../i18n/libraryLocales.js';
import { OrgTreeProvider } from '../orgs/treeStore.js';
import { DashboardPage } from './DashboardPage.js';

// jsdom draws no canvas: the charts are ECharts' business, not this page's.
vi.mock('./EChart.js', () => ({ EChart: ({ testId }: { testId: string }) => <div data-testid={testId} /> }));

const street: Org = {
  id: 5,
  parentId: 2,
  kind: 'street_federation',
  jointType: null,
  name: '和平里街道总工会',
  regionCode: null,
  zoneId: null,
  childCount: 0,
  depth: 3,
  version: 1,
  updatedAt: '2026-05-01T00:00:00.000Z',
};
const total: Coverage = {
  orgId: 5,
  name: street.name,
  kind: 'street_federation',
  grassrootsUnions: 3,
  branches: 0,
  employers: 10,
  employersCovered: 3,
  employees: 500,
  employeesCovered: 200,
  employers100plus: 1,
  employers100plusCovered: 1,
  members: 180,
  membershipRate: 0.9,
  unionisationRate: 1,
  membersIncomplete: 0,
  idRowsSubmitted: 0,
  idsInvalid: 0,
  idsDuplicate: 0,
  qualityScore: null,
};

function renderAt(url: string) {
  return render(
    <ConfigProvider locale={antdLocales['zh-CN']}>
      <AntApp>
        <MemoryRouter initialEntries={[url]}>
          <AuthProvider>
            <OrgTreeProvider>
              <DashboardPage />
            </OrgTreeProvider>
          </AuthProvider>
        </MemoryRouter>
      </AntApp>
    </ConfigProvider>,
  );
}

describe('DashboardPage', () => {
  it("falls back to the cadre's own node, with a notice, when the link names a node outside their area", async () => {
    const calls = fakeApi(cadre(['org.read']), (method, path) => {
      if (path === '/api/orgs/roots') return { body: { items: [street] } };
      if (path === '/api/orgs/5') return { body: { ...street, ancestors: [{ id: 2, name: '东城区总工会', kind: 'district_federation' }] } };
      if (path === '/api/coverage/5/children') return { body: { total, children: [], childrenTotal: 0, overRate: [] } };
      if (path === '/api/coverage/5/trend') return { body: { orgId: 5, points: [] } };
      return undefined; // 404: /api/orgs/1 and its coverage lie outside the cadre's subtree
    });
    renderAt('/dashboard?org=1');
    // Generous waits: the fallback is two rounds of requests, and this machine may be busy.
    const patience = { timeout: 5000 };
    expect(await screen.findByTestId('dashboard-fell-back', {}, patience)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('dashboard-title').textContent).toContain('和平里街道总工会'), patience);
    await waitFor(() => expect(document.querySelector('.ant-skeleton')).toBeNull(), patience);
    expect(document.querySelector('.ant-message-error')).toBeNull();
    expect(calls.some((c) => c.url.pathname === '/api/orgs/1')).toBe(true);
  });

  it('flags an organisation of the area whose 入会率 is over 100 % with its members, covered staff and rate', async () => {
    const joint: Coverage = {
      ...total,
      orgId: 9,
      name: '和平里联合工会',
      kind: 'joint_union',
      members: 430,
      employeesCovered: 200,
      membershipRate: 2.15,
    };
    fakeApi(cadre(['org.read']), (_method, path) => {
      if (path === '/api/orgs/roots') return { body: { items: [street] } };
      if (path === '/api/orgs/5') return { body: { ...street, ancestors: [{ id: 2, name: '东城区总工会', kind: 'district_federation' }] } };
      if (path === '/api/coverage/5/children') return { body: { total, children: [], childrenTotal: 0, overRate: [joint] } };
      if (path === '/api/coverage/5/trend') return { body: { orgId: 5, points: [] } };
      return undefined;
    });
    renderAt('/dashboard?org=5');
    const table = await screen.findByTestId('over-rate', {}, { timeout: 5000 });
    expect(table.textContent).toContain('入会率超过 100% 的组织');
    expect(table.textContent).toContain('和平里联合工会');
    expect(table.textContent).toContain('430');
    expect(screen.getByTestId('over-rate-9').textContent).toMatch(/215/);
  });
});
