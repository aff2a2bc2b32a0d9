// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { AttendanceMarker, parseMemberIds } from './AttendanceMarker.js';
import { buildSession } from './training.fixtures.js';
import { buildMember } from '../members/members.fixtures.js';

const session = buildSession();
const rider = buildMember();

describe('AttendanceMarker', { timeout: 240_000 }, () => {
  it('marks a member found by pinyin initials in the session node’s members, with numbers typed from a list', async () => {
    const calls = fakeApi(cadre(['training.read', 'training.write', 'member.read']), (method, path, url) => {
      if (path === '/api/members') return { body: { items: url.searchParams.get('q') === 'wqs' ? [rider] : [], nextCursor: null } };
      if (method === 'POST' && path === '/api/training/sessions/21/attendance') return { body: { added: 2, already: 0 } };
      return undefined;
    });
    let marked = 0;
    renderPage(<AttendanceMarker session={session} onMarked={() => (marked += 1)} onShowCode={() => undefined} />);
    expect(screen.getByTestId('attendance-mark').hasAttribute('disabled')).toBe(true);
    await userEvent.type(within(screen.getByTestId('attendance-member-search')).getByRole('combobox'), 'wqs');
    await userEvent.click(await screen.findByText('王** · 东城区快递行业工会'));
    expect(screen.getByTestId('attendance-picked').textContent).toContain('#123');
    // The search is the session node's.
    expect(calls.find((c) => c.url.pathname === '/api/members')?.url.searchParams.get('orgId')).toBe('2');
    await userEvent.type(screen.getByTestId('attendance-ids'), '77, 123');
    await userEvent.click(screen.getByTestId('attendance-mark'));
    await waitFor(() => expect(marked).toBe(1));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url.pathname).toBe('/api/training/sessions/21/attendance');
    expect(post?.body).toEqual({ memberIds: [123, 77] });
    expect(screen.getByTestId('attendance-picked').textContent).toBe('');
  });

  it('reads member numbers out of any separators, each once', () => {
    expect(parseMemberIds('12，13\n12 abc 0 14')).toEqual([12, 13, 14]);
  });
});
