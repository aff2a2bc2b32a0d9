// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProgrammeDetail } from '../../../common/points.programmes.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { AwardModal } from './AwardModal.js';

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

describe('AwardModal', () => {
  it('sends a manual award with a key, and sends the same key again on a retry after a refusal', async () => {
    let refuse = true;
    const calls = fakeApi(cadre(['points.read', 'points.write']), (method, path) => {
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
    await userEvent.type(await screen.findByTestId('award-member'), '123');
    await userEvent.type(screen.getByTestId('award-points'), '15');
    await userEvent.type(screen.getByTestId('award-reason'), '社区志愿服务');
    await userEvent.click(screen.getByTestId('award-ok'));
    expect(await screen.findByText(/还可获得 0 分/)).toBeTruthy();
    await userEvent.click(screen.getByTestId('award-ok'));
    await waitFor(() => expect(calls).toHaveLength(2));
    const [first, second] = calls.map((c) => c.body as { key: string; memberId: number; points: number; source: string });
    expect(first).toMatchObject({ source: 'manual', memberId: 123, points: 15, reason: '社区志愿服务' });
    expect(second?.key).toBe(first?.key);
  });
});
