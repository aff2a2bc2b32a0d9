// @vitest-environment jsdom
import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInMember } from '../modules/myevents/myevents.fixtures.js';
import { cadre, fakeApi, renderPage } from '../testing/dom.js';
import { MemberGate } from './MemberGate.js';

// antd's first render is slow on a busy machine: wait longer than the default second for what the page shows.
configure({ asyncUtilTimeout: 30_000 });

describe('MemberGate', () => {
  it('asks a visitor without a member session to sign in and keeps the page shut', async () => {
    fakeApi(cadre([]), (_method, path) =>
      path === '/api/portal/me' ? { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } } : undefined,
    );
    renderPage(
      <MemberGate>
        <p data-testid="behind-gate">会员内容</p>
      </MemberGate>,
    );
    expect(await screen.findByTestId('member-sign-in')).toBeTruthy();
    expect(screen.queryByTestId('behind-gate')).toBeNull();
  });

  it('opens the page to a signed-in member without asking again', async () => {
    fakeApi(cadre([]), (_method, path) => (path === '/api/portal/me' ? { body: signedInMember } : undefined));
    renderPage(
      <MemberGate>
        <p data-testid="behind-gate">会员内容</p>
      </MemberGate>,
    );
    expect((await screen.findByTestId('behind-gate')).textContent).toBe('会员内容');
    expect(screen.queryByTestId('member-sign-in')).toBeNull();
  });
});
