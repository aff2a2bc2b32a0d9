// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProgrammeDetail } from '../../../common/points.programmes.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { AwardModal } from './AwardModal.js';
import { buildMember } from '../members/members.fixtures.js';

const programme: ProgrammeDetail = {
  id: 9,
  orgId: 2,
  orgName: '东城区总工会',
  name: '党心e家',
  description: '',
  earnRules: { volunteerHour: 10, manual: true },
  capDay: 40,
  capMonth: 200,
  capYear: null,
  expiryRule: 'end_of_next_year',
  expiryMonths: null,
  status: 'active',
  createdAt: '2026-06-01T00:00:00.000Z',
  figures: { funded: 0, issued: 0, spent: 0, expired: 0, liability: 0, owed: 0, budgetLeft: 0, membersHolding: 0, programmes: 1 },
  canWrite: true,
};

const member = buildMember({ phoneMasked: '139****0001', employerName: '美团外卖东城站' });

describe('AwardModal', () => {
  it('sends a manual award with a key, and sends the same key again on a retry after a refusal', async () => {
    let refuse = true;
    const calls = fakeApi(cadre(['points.read', 'points.write', 'member.read']), (method, path, url) => {
      if (method === 'GET' && path === '/api/members') {
        // Members of the programme's node only, searched by what the cadre typed.
        if (url.searchParams.get('orgId') !== '2' || url.searchParams.get('q') !== '王骑手')
          return { body: { items: [], nextCursor: null } };
        return { body: { items: [member], nextCursor: null } };
      }
      if (method !== 'POST' || path !== '/api/points/programmes/9/awards') return undefined;
      if (refuse) {
        refuse = false;
        return { status: 409, body: { code: 'PROGRAMME_CAP_DAY', message: '超出每日积分上限 40 分：该会员今日已获 40 分，还可获得 0 分' } };
      }
      const transfer = { id: 1, key: 'k', kind: 'award', op: 'single', amount: 15, memberId: 123, memberName: '王骑手', merchantId: null };
      return {
        body: {
          transfer: {
            ...transfer,
            source: 'manual',
            sourceRef: null,
            reason: '社区志愿服务',
            reversalOf: null,
            reversedBy: null,
            createdAt: '2026-12-01T00:00:00.000Z',
          },
          replayed: false,
          expiresAt: null,
        },
      };
    });
    renderPage(<AwardModal programme={programme} onClose={() => undefined} onDone={() => undefined} />);
    // The whole name arrives in one input (as from a fast typist or an IME commit): timing-free under a busy CI, where
    // typed keys can fall more than the debounce apart.
    await userEvent.click(within(await screen.findByTestId('award-member')).getByRole('combobox'));
    await userEvent.paste('王骑手');
    await userEvent.click(await screen.findByText('王** · 东城区快递行业工会 · 139****0001'));
    await userEvent.type(screen.getByTestId('award-points'), '15');
    await userEvent.type(screen.getByTestId('award-reason'), '社区志愿服务');
    await userEvent.click(screen.getByTestId('award-ok'));
    expect(await screen.findByText(/还可获得 0 分/)).toBeTruthy();
    await userEvent.click(screen.getByTestId('award-ok'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    // One search for the name, not one per re-render or per option shown.
    expect(calls.filter((c) => c.url.pathname === '/api/members')).toHaveLength(1);
    const [first, second] = calls
      .filter((c) => c.method === 'POST')
      .map((c) => c.body as { key: string; memberId: number; points: number; source: string });
    expect(first).toMatchObject({ source: 'manual', memberId: 123, points: 15, reason: '社区志愿服务' });
    expect(second?.key).toBe(first?.key);
  });
});
