// @vitest-environment jsdom
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EventDraws } from '../../../common/events.draw.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EventDrawTab } from './EventDrawTab.js';
import { buildDrawExport, buildEvent, buildEventDraws, buildPublicDraws } from './events.fixtures.js';

// antd's first tables and modals take seconds to render on a busy machine.
configure({ asyncUtilTimeout: 30_000 });

const lottery = buildEvent({ selection: 'lottery' });

/** The draw routes of event 4: `draws` answers the console, the public page follows whether it was drawn. */
function drawRoutes(draws: () => EventDraws, seeded?: EventDraws) {
  return (method: string, path: string) => {
    const isDrawn = draws().draws.some((d) => d.seed !== null);
    if (method === 'GET' && path === '/api/events/4/draws') return { body: draws() };
    if (method === 'GET' && path === '/api/public/events/4/draws') return { body: buildPublicDraws(isDrawn) };
    if (method === 'GET' && path === '/api/public/events/4/draws/1/export' && isDrawn) return { body: buildDrawExport() };
    if (method === 'POST' && path === '/api/events/4/draw/seed' && seeded) return { body: seeded };
    return undefined;
  };
}

describe('EventDrawTab', { timeout: 240_000 }, () => {
  it('says a first-come event has no draw', async () => {
    fakeApi(cadre(['event.read', 'event.write']), () => undefined);
    renderPage(<EventDrawTab event={buildEvent()} canWrite onChanged={() => undefined} />);
    expect(await screen.findByTestId('draw-unavailable')).toBeTruthy();
  });

  it('shows a reader the results with masked names, quota or open place, the seed and the verify command, but no button', async () => {
    fakeApi(
      cadre(['event.read']),
      drawRoutes(() => buildEventDraws(true)),
    );
    renderPage(<EventDrawTab event={lottery} canWrite={false} onChanged={() => undefined} />);
    const winners = await screen.findByTestId('draw-won-1');
    expect(winners.textContent).toContain('张*明');
    expect(winners.textContent).toContain('李*');
    expect(screen.getByTestId('draw-waiting-1').textContent).toContain('王*华');
    // Quota or open place: read from the export, the public rows carry no basis.
    await waitFor(() => expect(screen.getByTestId('draw-won-1').textContent).toContain('单位名额'));
    expect(screen.getByTestId('draw-won-1').textContent).toContain('公开名额');
    expect(screen.getByTestId('draw-seed-1').textContent).toContain('03 07 12 19 25 31 + 08');
    expect(screen.getByTestId('draw-verify-1').textContent).toContain('npm run cli -- verify-draw draw-4-1.json');
    expect(screen.getByTestId('draw-download-1')).toBeTruthy();
    expect(screen.getByTestId('draw-public-link').getAttribute('href')).toBe('/draws/4');
    await screen.findByTestId('session-ready');
    expect(screen.queryByTestId('draw-plan')).toBeNull();
    expect(screen.queryByTestId('draw-freeze')).toBeNull();
    expect(screen.queryByTestId('draw-seed')).toBeNull();
  });

  it('offers a writer the seed on a frozen draw, and not the plan any more', async () => {
    fakeApi(
      cadre(['event.read', 'event.write']),
      drawRoutes(() => buildEventDraws(false)),
    );
    renderPage(<EventDrawTab event={lottery} canWrite onChanged={() => undefined} />);
    expect(await screen.findByTestId('draw-seed')).toBeTruthy();
    expect(screen.getByTestId('draw-frozen-1').textContent).toContain('a'.repeat(64));
    expect(screen.queryByTestId('draw-plan')).toBeNull();
    expect(screen.queryByTestId('draw-results')).toBeNull();
  });

  it('posts the seed from the dialog, which warns it can be entered once, then shows the results', async () => {
    let current = buildEventDraws(false);
    const calls = fakeApi(cadre(['event.read', 'event.write']), (method, path) => {
      const answer = drawRoutes(() => current, buildEventDraws(true))(method, path);
      if (method === 'POST' && answer) current = buildEventDraws(true);
      return answer;
    });
    let changes = 0;
    renderPage(<EventDrawTab event={lottery} canWrite onChanged={() => (changes += 1)} />);
    await userEvent.click(await screen.findByTestId('draw-seed'));
    expect(await screen.findByText(/种子只能录入一次/u)).toBeTruthy();
    await userEvent.type(screen.getByTestId('draw-seed-input'), ' 03 07 12 19 25 31 + 08 ');
    await userEvent.click(screen.getByTestId('draw-seed-ok'));
    await waitFor(() => expect(changes).toBe(1));
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url.pathname).toBe('/api/events/4/draw/seed');
    expect(posts[0]!.body).toEqual({ seed: '03 07 12 19 25 31 + 08' });
    expect((await screen.findByTestId('draw-won-1')).textContent).toContain('张*明');
    expect(screen.queryByTestId('draw-seed')).toBeNull();
  });
  it('declares the plan with the seed source, then freezes the closed session', async () => {
    const declared: EventDraws = { ...buildEventDraws(false), draws: [] };
    let current: EventDraws = { eventId: 4, plan: null, draws: [] };
    const calls = fakeApi(cadre(['event.read', 'event.write']), (method, path) => {
      if (method === 'GET' && path === '/api/events/4/draws') return { body: current };
      if (method === 'POST' && path === '/api/events/4/draw/plan') return { body: (current = declared) };
      if (method === 'POST' && path === '/api/events/4/draw/freeze') return { body: (current = buildEventDraws(false)) };
      if (method === 'GET' && path === '/api/public/events/4/draws') return { body: buildPublicDraws(false) };
      return undefined;
    });
    renderPage(<EventDrawTab event={lottery} canWrite onChanged={() => undefined} />);
    expect(screen.queryByTestId('draw-freeze')).toBeNull();
    await userEvent.click(await screen.findByTestId('draw-plan'));
    const source = await screen.findByTestId('draw-seed-source');
    expect(source.getAttribute('placeholder')).toBe('中国福利彩票双色球 2026-12-03 开奖号码');
    await userEvent.type(source, '中国福利彩票双色球 2026-12-03 开奖号码');
    await userEvent.click(screen.getByTestId('draw-plan-ok'));
    // The session closed on 2026-06-20: the freeze is open to the writer.
    const freeze = await screen.findByTestId('draw-freeze');
    await waitFor(() => expect(freeze.hasAttribute('disabled')).toBe(false));
    await userEvent.click(freeze);
    expect(await screen.findByTestId('draw-frozen-1')).toBeTruthy();
    expect(await screen.findByTestId('draw-seed')).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.url.pathname)).toEqual(['/api/events/4/draw/plan', '/api/events/4/draw/freeze']);
    expect(posts[0]!.body).toEqual({ seedSource: '中国福利彩票双色球 2026-12-03 开奖号码', quotas: [] });
  });
});
