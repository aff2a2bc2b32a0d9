// @vitest-environment jsdom
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MatchRanking } from '../../../common/matchmaking.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { MatchRankingCard } from './MatchRankingCard.js';

// antd's first render is slow on a busy machine: wait longer than the default second for what the page shows.
configure({ asyncUtilTimeout: 30_000 });

const ranking: MatchRanking = {
  eventId: 5,
  places: 1,
  items: [
    { rank: 1, registrationId: 41, maskedName: '王*', orgName: '某公司工会', earned: 9, selected: true },
    { rank: 2, registrationId: 42, maskedName: '李*', orgName: '某街道工会', earned: 4, selected: false },
  ],
};

describe('the cadres’ matchmaking ranking', () => {
  it('asks for a written reason before a profile is shown, and sends it', async () => {
    const calls = fakeApi(cadre(['event.read']), (method, path) => {
      if (method === 'POST' && path === '/api/events/5/matchmaking/profile-views')
        return { body: { eventId: 5, nickname: '小燕', maritalHistory: 'never', visible: ['maritalHistory'] } };
      return undefined;
    });
    renderPage(<MatchRankingCard eventId={5} load={() => Promise.resolve(ranking)} />);
    const ranked = await screen.findByTestId('match-ranking');
    await waitFor(() => expect(ranked.textContent).toContain('王*'));
    expect(ranked.textContent).toContain('入选');
    fireEvent.click(screen.getByTestId('match-view-42'));
    await screen.findByTestId('match-staff-reason');
    fireEvent.click(screen.getByTestId('match-staff-view-ok'));
    await waitFor(() => expect(document.querySelector('.ant-form-item-explain-error')).not.toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    expect(screen.queryByTestId('match-staff-profile')).toBeNull();

    fireEvent.change(screen.getByTestId('match-staff-reason'), { target: { value: '处理本人投诉' } });
    fireEvent.click(screen.getByTestId('match-staff-view-ok'));
    const profile = await screen.findByTestId('match-staff-profile');
    expect(profile.textContent).toContain('小燕');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ registrationId: 42, reason: '处理本人投诉' });
  });
});
