// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { PublicLayout } from '../join/PublicLayout.js';
import { MemberPointsPage } from './MemberPointsPage.js';

describe('MemberPointsPage', () => {
  it('names itself 我的积分 in the red bar, leading back to /points/me, not 职工入会', async () => {
    fakeApi(cadre([]), (_method, path) =>
      path === '/api/portal/me' ? { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } } : undefined,
    );
    renderPage(<MemberPointsPage />);
    const brand = await screen.findByTestId('public-brand');
    expect(brand.textContent).toContain('我的积分');
    expect(brand.textContent).not.toContain('职工入会');
    expect(brand.getAttribute('href')).toBe('/points/me');
    expect(screen.getByTestId('public-title').textContent).toBe('我的积分');
  });

  it('leaves the join pages their 职工入会 bar', () => {
    fakeApi(cadre([]), () => undefined);
    renderPage(<PublicLayout title="申请加入工会">表单</PublicLayout>);
    expect(screen.getByTestId('public-brand').textContent).toContain('职工入会');
    expect(screen.getByTestId('public-brand').getAttribute('href')).toBe('/join');
  });
});
