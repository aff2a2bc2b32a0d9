// @vitest-environment jsdom
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MatchRetention, ProfileBody } from '../../../common/matchmaking.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { MatchmakingHome } from './MatchmakingPhonePage.js';
import { myProfile, retention } from './matchmaking.fixtures.js';

// antd's first render is slow on a busy machine: wait longer than the default second for what the page shows.
configure({ asyncUtilTimeout: 30_000 });

const base = '/api/portal/matchmaking/events/5';

function serve(profile: typeof myProfile | null, kept: MatchRetention = retention) {
  return fakeApi(cadre([]), (method, path, _url, body) => {
    if (method === 'GET' && path === `${base}/profile`) return { body: { profile, retention: kept } };
    if (method === 'PUT' && path === `${base}/profile`)
      return { body: { profile: { ...myProfile, ...(body as object), consents: [] }, retention } };
    if (method === 'POST' && path === `${base}/profile/withdraw`) return { body: { withdrawn: true } };
    return undefined;
  });
}

const sent = (calls: ReturnType<typeof serve>) => calls.find((c) => c.method === 'PUT')?.body as ProfileBody | undefined;

describe('the matchmaking profile on the phone', () => {
  it('shows the privacy notice first, then the form with the sensitive fields locked until their consent is ticked', async () => {
    const calls = serve(null);
    renderPage(<MatchmakingHome eventId={5} />);
    const notice = await screen.findByTestId('match-privacy-notice');
    expect(notice.textContent).toContain('任何人（包括工会工作人员）都看不到');
    fireEvent.click(screen.getByTestId('match-notice-accept'));
    const text = await screen.findByTestId('match-consent-text-maritalHistory');
    expect(text.textContent).toContain('敏感个人信息');
    expect(text.textContent).toContain('撤回');
    expect(text.textContent).toContain('活动最后一场结束后 30 天');
    const marital = screen.getByTestId('match-field-maritalHistory');
    expect(marital.className).toContain('ant-select-disabled');
    expect(screen.getByTestId('match-visible-maritalHistory').className).toContain('ant-switch-disabled');

    fireEvent.change(screen.getByTestId('match-field-nickname'), { target: { value: '小燕' } });
    fireEvent.click(screen.getByTestId('match-consent-maritalHistory'));
    await waitFor(() => expect(marital.className).not.toContain('ant-select-disabled'));
    fireEvent.mouseDown(marital.querySelector('.ant-select-selector') ?? marital);
    await userEvent.click(await screen.findByText('离异'));
    fireEvent.click(screen.getByTestId('match-save'));
    await screen.findByTestId('match-profile-saved');
    const body = sent(calls);
    expect(body).toMatchObject({ nickname: '小燕', maritalHistory: 'divorced', incomeRange: null });
    expect(body?.consents).toEqual([{ field: 'maritalHistory', textVersion: 'pipl-2026-12b' }]);
  });

  it("states the event's own retention days in each consent text, not the platform's maximum", async () => {
    serve(myProfile, { retentionDays: 90, lastSessionEndsAt: null, deleteOn: null });
    renderPage(<MatchmakingHome eventId={5} />);
    for (const field of ['maritalHistory', 'incomeRange']) {
      const text = (await screen.findByTestId(`match-consent-text-${field}`)).textContent ?? '';
      expect(text).toContain('最后一场结束后 90 天');
      expect(text).not.toContain('365');
      expect(text).not.toContain('最长');
    }
  });

  it('unticking a consent withdraws it: the value is cleared and sent as null, hidden, without its consent', async () => {
    const calls = serve(myProfile);
    renderPage(<MatchmakingHome eventId={5} />);
    fireEvent.click(await screen.findByTestId('match-consent-maritalHistory'));
    fireEvent.click(screen.getByTestId('match-save'));
    await screen.findByTestId('match-profile-saved');
    const body = sent(calls);
    expect(body?.maritalHistory).toBeNull();
    expect(body?.consents).toEqual([]);
    expect(body?.visible).toEqual(['birthYear']);
  });

  it('withdrawal asks first, says everything is deleted, and only then deletes', async () => {
    const calls = serve(myProfile);
    renderPage(<MatchmakingHome eventId={5} />);
    fireEvent.click(await screen.findByTestId('match-withdraw'));
    const confirm = await screen.findByText(/全部删除/);
    expect(calls.some((c) => c.url.pathname.endsWith('/withdraw'))).toBe(false);
    const popup = confirm.closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popup).getByTestId('match-withdraw-yes'));
    expect((await screen.findByTestId('match-withdrawn')).textContent).toContain('资料已全部删除');
    expect(calls.filter((c) => c.method === 'POST' && c.url.pathname === `${base}/profile/withdraw`)).toHaveLength(1);
    expect(screen.getByTestId('match-privacy-notice')).toBeTruthy();
  });
});
