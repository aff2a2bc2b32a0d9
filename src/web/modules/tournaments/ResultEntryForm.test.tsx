// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Match } from '../../../common/tournaments.js';
import { ResultEntryForm } from './ResultEntryForm.js';
import { buildMatch, confirmedResult } from './tournaments.fixtures.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

const referee = cadre(['tournament.referee']);
const answerWith = (match: Match) => (method: string, path: string, _url: URL, body: unknown) =>
  method === 'POST' && path === `/api/tournaments/matches/${match.id}/result`
    ? { body: { ...match, result: { ...confirmedResult(), ...(body as object), status: 'entered' } } }
    : undefined;

describe('ResultEntryForm (裁判录分)', () => {
  it('asks for penalties in a knockout only after a draw, and sends them with extra time', async () => {
    const match = buildMatch({ id: 7, stage: 'knockout', group: null, bracketNo: 9 });
    const calls = fakeApi(referee, answerWith(match));
    renderPage(<ResultEntryForm match={match} />);
    await userEvent.type(screen.getByTestId('ref-regular-home'), '2');
    await userEvent.type(screen.getByTestId('ref-regular-away'), '1');
    expect(screen.queryByTestId('ref-penalties-home')).toBeNull();
    expect(screen.queryByTestId('ref-has-extra-time')).toBeNull();
    await userEvent.clear(screen.getByTestId('ref-regular-away'));
    await userEvent.type(screen.getByTestId('ref-regular-away'), '2');
    expect(await screen.findByTestId('ref-penalties-home')).toBeTruthy();
    await userEvent.click(screen.getByTestId('ref-has-extra-time'));
    await userEvent.type(screen.getByTestId('ref-extra-time-home'), '1');
    await userEvent.type(screen.getByTestId('ref-extra-time-away'), '0');
    expect(screen.queryByTestId('ref-penalties-home')).toBeNull();
    await userEvent.clear(screen.getByTestId('ref-extra-time-home'));
    await userEvent.type(screen.getByTestId('ref-extra-time-home'), '0');
    await userEvent.type(screen.getByTestId('ref-penalties-home'), '4');
    await userEvent.type(screen.getByTestId('ref-penalties-away'), '3');
    await userEvent.click(screen.getByTestId('ref-submit'));
    expect((await screen.findByTestId('ref-pending')).textContent).toBe('待确认');
    expect(calls.at(-1)?.body).toEqual({
      regular: { home: 2, away: 2 },
      extraTime: { home: 0, away: 0 },
      penalties: { home: 4, away: 3 },
      fairPlay: { home: 0, away: 0 },
    });
  });

  it('never asks for penalties in a group match, even when level', async () => {
    const match = buildMatch({ id: 8 });
    const calls = fakeApi(referee, answerWith(match));
    renderPage(<ResultEntryForm match={match} />);
    await userEvent.type(screen.getByTestId('ref-regular-home'), '1');
    await userEvent.type(screen.getByTestId('ref-regular-away'), '1');
    await userEvent.type(screen.getByTestId('ref-fair-play-away'), '3');
    expect(screen.queryByTestId('ref-penalties-home')).toBeNull();
    expect(screen.queryByTestId('ref-has-extra-time')).toBeNull();
    await userEvent.click(screen.getByTestId('ref-submit'));
    expect(await screen.findByTestId('ref-pending')).toBeTruthy();
    expect(calls.at(-1)?.body).toEqual({ regular: { home: 1, away: 1 }, fairPlay: { home: 0, away: 3 } });
  });

  it('shows the server’s refusal in words', async () => {
    const match = buildMatch({ id: 9 });
    fakeApi(referee, () => ({ status: 409, body: { code: 'TOURNAMENT_RESULT_CONFIRMED', message: '结果已确认，只能由主办方更正' } }));
    renderPage(<ResultEntryForm match={match} />);
    await userEvent.type(screen.getByTestId('ref-regular-home'), '1');
    await userEvent.type(screen.getByTestId('ref-regular-away'), '0');
    await userEvent.click(screen.getByTestId('ref-submit'));
    expect((await screen.findByTestId('ref-error')).textContent).toContain('结果已确认，只能由主办方更正');
  });
});
