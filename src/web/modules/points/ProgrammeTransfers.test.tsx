// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProgrammeDetail } from '../../../common/points.programmes.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { ProgrammeTransfers } from './ProgrammeTransfers.js';
import { buildMember } from '../members/members.fixtures.js';

const programme = {
  id: 9,
  orgId: 2,
  orgName: '东城区总工会',
  name: '党心e家',
  canWrite: false,
} as const satisfies Partial<ProgrammeDetail>;

const award = {
  id: 501,
  key: 'k',
  kind: 'award',
  op: 'single',
  amount: 30,
  memberId: 123,
  memberName: '王骑手',
  merchantId: null,
  source: 'volunteer_hours',
  sourceRef: null,
  reason: '社区老人送餐 3 小时',
  reversalOf: null,
  reversedBy: null,
  createdAt: '2026-07-01T16:30:00.000Z',
};

const rider = buildMember();

describe('ProgrammeTransfers', () => {
  it('asks the server for the transfers of the member picked by name and of the Beijing days picked', async () => {
    const calls = fakeApi(cadre(['points.read', 'member.read']), (method, path, url) => {
      if (path === '/api/members')
        return {
          body: {
            items: url.searchParams.get('q') === '王骑手' ? [rider] : [],
            nextCursor: null,
          },
        };
      if (path === '/api/points/programmes/9/transfers')
        return { body: { items: [award], nextCursor: null, total: { count: 1, kind: 'exact' } } };
      return undefined;
    });
    renderPage(<ProgrammeTransfers programme={programme as unknown as ProgrammeDetail} reloadKey={0} onReverse={() => undefined} />);
    expect(await screen.findByText('社区老人送餐 3 小时')).toBeTruthy();
    const transfers = () => calls.filter((c) => c.url.pathname === '/api/points/programmes/9/transfers').map((c) => c.url.searchParams);

    await userEvent.type(within(screen.getByTestId('transfers-member')).getByRole('combobox'), '王骑手');
    await userEvent.click(await screen.findByText('王** · 东城区快递行业工会'));
    await waitFor(() => expect(transfers().at(-1)?.get('memberId')).toBe('123'));
    // The member search is the programme node's.
    expect(calls.find((c) => c.url.pathname === '/api/members')?.url.searchParams.get('orgId')).toBe('2');

    // antd puts the test id on both of the range's inputs.
    const [start, end] = screen.getAllByTestId('transfers-days').filter((e) => e.tagName === 'INPUT');
    expect(start && end).toBeTruthy();
    await userEvent.click(start!);
    await userEvent.type(start!, '2026-07-01{enter}');
    await userEvent.type(end!, '2026-07-02{enter}');
    await waitFor(() => expect(transfers().at(-1)?.get('to')).toBe('2026-07-02'));
    const last = transfers().at(-1)!;
    expect([last.get('memberId'), last.get('from'), last.get('to')]).toEqual(['123', '2026-07-01', '2026-07-02']);
  });

  it("shows times on Beijing's clock whatever the browser's zone, and names every column", async () => {
    fakeApi(cadre(['points.read']), (_m, path) =>
      path === '/api/points/programmes/9/transfers'
        ? { body: { items: [award], nextCursor: null, total: { count: 1, kind: 'exact' } } }
        : undefined,
    );
    renderPage(<ProgrammeTransfers programme={programme as unknown as ProgrammeDetail} reloadKey={0} onReverse={() => undefined} />);
    // 16:30 UTC on 1 July is 00:30 on 2 July in Beijing (the test runs in UTC).
    expect(await screen.findByText(/2026\/7\/2 00:30:00/)).toBeTruthy();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).toEqual(['时间', '类型', '积分', '会员', '事由', '操作']);
  });
});
