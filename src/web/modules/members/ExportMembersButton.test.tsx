// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExportMembersButton } from './ExportMembersButton.js';

const exportAnswer = (method: string, path: string) => (method === 'GET' && path === '/api/members/export' ? { body: {} } : undefined);

describe('ExportMembersButton and permissions', () => {
  it('is absent for a cadre without member.export', async () => {
    fakeApi(cadre(['member.read']), exportAnswer);
    renderPage(<ExportMembersButton orgId={3} orgName="和平里街道总工会" />);
    await screen.findByTestId('session-ready');
    expect(screen.queryByTestId('export-members')).toBeNull();
    expect(document.body.textContent).not.toContain('导出');
  });

  it('exports masked for a cadre who may export but not reveal', async () => {
    // jsdom has no object URLs; the download hands the file to one.
    URL.createObjectURL = () => 'blob:members';
    URL.revokeObjectURL = () => undefined;
    const calls = fakeApi(cadre(['member.read', 'member.export']), exportAnswer);
    renderPage(<ExportMembersButton orgId={3} orgName="和平里街道总工会" />);
    await userEvent.click(await screen.findByTestId('export-members'));
    await userEvent.click(await screen.findByTestId('export-ok'));
    await waitFor(() => expect(calls).toHaveLength(1));
    const url = calls[0]?.url;
    expect(url?.pathname).toBe('/api/members/export');
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({ orgId: '3', format: 'xlsx', reveal: '0' });
  });

  it('exports what the list shows: its filters go with the request, and the dialog says so', async () => {
    URL.createObjectURL = () => 'blob:members';
    URL.revokeObjectURL = () => undefined;
    const calls = fakeApi(cadre(['member.read', 'member.export']), exportAnswer);
    renderPage(
      <ExportMembersButton orgId={3} orgName="和平里街道总工会" filters={{ q: '王', status: 'member', employmentForm: 'courier' }} />,
    );
    await userEvent.click(await screen.findByTestId('export-members'));
    expect(await screen.findByText(/符合当前筛选条件/)).toBeTruthy();
    await userEvent.click(await screen.findByTestId('export-ok'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({
      orgId: '3',
      format: 'xlsx',
      reveal: '0',
      q: '王',
      status: 'member',
      employmentForm: 'courier',
    });
  });
});
