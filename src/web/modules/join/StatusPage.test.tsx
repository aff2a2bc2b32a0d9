// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ApplicationStatusView } from '../../../common/applications.js';
import type { PortalMe } from '../../../common/portal.js';
import { StatusPage } from './StatusPage.js';

const CODE = 'ABCDEFGH2345';
const view: ApplicationStatusView = {
  trackingCode: CODE,
  maskedName: '王*明',
  orgName: '东城快递工会',
  status: 'approved',
  rejectReason: null,
  submittedAt: '2026-05-01T08:00:00.000Z',
  decidedAt: '2026-05-02T08:00:00.000Z',
};
const me = (codes: string[]): PortalMe => ({
  name: '王小明',
  idNumberMasked: '110101********1234',
  phoneMasked: '138****0000',
  orgName: '东城快递工会',
  status: 'member',
  joinDate: '2026-05-02',
  cardNo: 'GH000000000001',
  cardStatus: 'active',
  transfers: [],
  applications: codes.map((trackingCode) => ({ trackingCode, orgName: '东城快递工会', status: 'approved', submittedAt: view.submittedAt })),
});

async function lookUp(portal: PortalMe | null): Promise<HTMLElement> {
  fakeApi(cadre([]), (method, path) => {
    if (path === `/api/public/applications/${CODE}`) return { body: view };
    if (path === '/api/portal/me')
      return portal ? { body: portal } : { status: 401, body: { code: 'MEMBER_UNAUTHENTICATED', message: '请先登录' } };
    return undefined;
  });
  renderPage(<StatusPage />);
  await userEvent.type(screen.getByTestId('status-code'), CODE);
  await userEvent.click(screen.getByTestId('status-query'));
  return screen.findByTestId('status-name');
}

describe('StatusPage', () => {
  it('masks the name for whoever holds the tracking code', async () => {
    const name = await lookUp(null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(name.textContent).toBe('王*明');
  });

  it('masks it too for a member signed in on this phone whose application it is not', async () => {
    const name = await lookUp(me(['ZZZZZZZZ2345']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(name.textContent).toBe('王*明');
  });

  it('shows the member signed in on this phone their own full name', async () => {
    const name = await lookUp(me([CODE]));
    expect(await screen.findByText('王小明')).toBe(name);
  });
});
