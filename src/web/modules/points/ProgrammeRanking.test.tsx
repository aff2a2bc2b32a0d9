// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { ProgrammeRanking, thisBeijingMonth } from './ProgrammeRanking.js';

describe('ProgrammeRanking', () => {
  it("takes this month on Beijing's calendar: 01:00 on 1 December in Beijing is still November in UTC", () => {
    expect(thisBeijingMonth(new Date('2026-11-30T17:00:00Z'))).toEqual(['2026-12-01', '2026-12-01']);
    expect(thisBeijingMonth(new Date('2026-12-15T03:00:00Z'))).toEqual(['2026-12-01', '2026-12-15']);
  });

  it("asks for this Beijing month's ranking and shows rank, masked name, union and points earned", async () => {
    const calls = fakeApi(cadre(['points.read']), (method, path) =>
      method === 'GET' && path === '/api/points/programmes/9/ranking'
        ? {
            body: {
              items: [
                { rank: 1, memberId: 31, name: '王骑手', orgName: '东城区快递行业工会', earned: 45 },
                { rank: 2, memberId: 32, name: '欧阳小明', orgName: '崇外街道总工会', earned: 30 },
              ],
            },
          }
        : undefined,
    );
    renderPage(<ProgrammeRanking programmeId={9} />);
    const table = await screen.findByTestId('programme-ranking');
    expect(await within(table).findByText('王**')).toBeTruthy();
    expect(within(table).getByText('欧阳**')).toBeTruthy();
    expect(within(table).queryByText('王骑手')).toBeNull();
    expect(within(table).getByText('东城区快递行业工会')).toBeTruthy();
    expect(within(table).getByText('45')).toBeTruthy();
    const [from, to] = thisBeijingMonth();
    expect(calls).toHaveLength(1);
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({ from, to, limit: '20' });
  });

  it('says so when nobody earned points in the window', async () => {
    fakeApi(cadre(['points.read']), (_m, path) => (path === '/api/points/programmes/9/ranking' ? { body: { items: [] } } : undefined));
    renderPage(<ProgrammeRanking programmeId={9} />);
    expect(await screen.findByText('该期间没有会员获得积分')).toBeTruthy();
  });
});
