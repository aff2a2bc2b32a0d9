// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MemberDetail } from '../../../common/members.js';
import { MemberAffiliations } from './MemberAffiliations.js';

const member: MemberDetail = {
  id: 42,
  name: '张三',
  idNumberMasked: '110101********1234',
  phoneMasked: '138****0000',
  gender: 'male',
  birthDate: '1990-01-01',
  employerId: null,
  employerName: null,
  employmentForm: 'delivery_rider',
  status: 'member',
  orgId: 3,
  orgName: '东城快递工会',
  joinDate: '2024-05-01',
  cardNo: null,
  cardStatus: 'none',
  secondaryOrgs: [{ id: 26142, name: '朝阳区外卖骑手联合工会' }],
  version: 1,
  history: [],
};

const hits = {
  items: [
    { id: 3, name: '东城快递工会', kind: 'grassroots_union', trail: [] },
    { id: 26142, name: '朝阳区外卖骑手联合工会', kind: 'joint_union', trail: [] },
    { id: 501, name: '东城区网约车联合工会', kind: 'joint_union', trail: ['东城区总工会'] },
    { id: 502, name: '东城区网约车司机工作委员会', kind: 'street_federation', trail: [] },
  ],
};

describe('MemberAffiliations', () => {
  it('names the other unions, read-only without member.write', async () => {
    fakeApi(cadre(['member.read']), () => undefined);
    renderPage(<MemberAffiliations member={member} onChanged={() => undefined} />);
    await screen.findByTestId('session-ready');
    expect(screen.getByTestId('affiliation-26142').textContent).toContain('朝阳区外卖骑手联合工会');
    expect(document.body.textContent).not.toContain('#26142');
    expect(screen.queryByTestId('affiliation-remove-26142')).toBeNull();
    expect(screen.queryByTestId('affiliation-add')).toBeNull();
  });

  it('adds a union picked by name and removes one, each after the server agreed', async () => {
    const calls = fakeApi(cadre(['member.read', 'member.write']), (method, path) => {
      if (method === 'GET' && path === '/api/orgs/search') return { body: hits };
      if (method === 'POST' && path === '/api/members/42/affiliations') return { body: member };
      if (method === 'DELETE' && path === '/api/members/42/affiliations/26142') return { status: 204 };
      return undefined;
    });
    const onChanged = vi.fn();
    renderPage(<MemberAffiliations member={member} onChanged={onChanged} />);
    await userEvent.type((await screen.findByTestId('affiliation-pick')).querySelector('input') ?? document.body, '东城');
    // The primary union, one already held and a node that takes no members are not offered.
    await userEvent.click(await screen.findByTestId('org-option-501'));
    expect(screen.queryByTestId('org-option-3')).toBeNull();
    expect(screen.queryByTestId('org-option-26142')).toBeNull();
    expect(screen.queryByTestId('org-option-502')).toBeNull();
    await userEvent.click(screen.getByTestId('affiliation-add'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ orgId: 501 });

    await userEvent.click(screen.getByTestId('affiliation-remove-26142'));
    await userEvent.click(await screen.findByTestId('affiliation-remove-ok-26142'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/members/42/affiliations/26142')).toBe(true);
  });
});
