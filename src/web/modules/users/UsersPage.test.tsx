// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../common/users.js';
import { UsersPage } from './UsersPage.js';

const wang: User = {
  id: 42,
  username: 'wang',
  displayName: '王干部',
  isDisabled: false,
  lastLoginAt: null,
  grants: [{ id: 9, orgId: 3, orgName: '和平里街道总工会', role: 'union_cadre' }],
};

const users = (method: string, path: string) =>
  method === 'GET' && path === '/api/users' ? { body: { items: [wang], nextCursor: null } } : undefined;

describe('UsersPage and permissions', () => {
  it('a reader sees the accounts but no button to create, edit or grant', async () => {
    fakeApi(cadre(['user.read']), users);
    renderPage(<UsersPage />);
    await screen.findByTestId('session-ready');
    expect(await screen.findByText('wang')).toBeTruthy();
    expect(screen.getByText('王干部')).toBeTruthy();
    expect(screen.queryByTestId('create-user')).toBeNull();
    expect(screen.queryByTestId('edit-user-42')).toBeNull();
    expect(screen.queryByTestId('grant-user-42')).toBeNull();
    // A grant is only a tag: clicking it offers no revocation.
    await userEvent.click(screen.getByText(/和平里街道总工会/));
    expect(screen.queryByText('确定撤销该授权吗？')).toBeNull();
  });

  it('a holder of user.write gets create, edit and grant, and the forms they open', async () => {
    fakeApi(cadre(['user.read', 'user.write']), users);
    renderPage(<UsersPage />);
    await userEvent.click(await screen.findByTestId('edit-user-42'));
    expect(await screen.findByText('编辑用户“wang”')).toBeTruthy();
    expect(screen.getByTestId('create-user')).toBeTruthy();
    expect(screen.getByTestId('grant-user-42')).toBeTruthy();
  });
});
