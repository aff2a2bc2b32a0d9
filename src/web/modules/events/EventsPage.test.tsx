// @vitest-environment jsdom
import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EventListItem } from '../../../common/events.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { OrgTreeProvider } from '../orgs/treeStore.js';
import { buildEvent } from './events.fixtures.js';
import { EventsPage } from './EventsPage.js';

// antd's first render is slow on a busy machine: wait longer than the default second for what the page shows.
configure({ asyncUtilTimeout: 30_000 });

function listItem(id: number, figures: Pick<EventListItem, 'sessionCount' | 'capacity' | 'confirmed'>): EventListItem {
  const { audience: _audience, sessions: _sessions, ...summary } = buildEvent({ id, title: `活动${id}` });
  return { ...summary, ...figures };
}

describe('EventsPage', () => {
  it("shows each event's number of sessions and its confirmed of all places, as the server counted them", async () => {
    fakeApi(cadre(['event.read']), (_method, path) =>
      path === '/api/events'
        ? {
            body: {
              items: [
                listItem(8, { sessionCount: 3, capacity: 120, confirmed: 47 }),
                listItem(5, { sessionCount: 1, capacity: 30, confirmed: 0 }),
              ],
              nextCursor: null,
            },
          }
        : undefined,
    );
    renderPage(
      <OrgTreeProvider>
        <EventsPage orgId={2} />
      </OrgTreeProvider>,
    );
    const table = await screen.findByTestId('events-table');
    expect((await within(table).findByTestId('event-filled-8')).textContent).toBe('47 / 120');
    expect(within(table).getByTestId('event-filled-5').textContent).toBe('0 / 30');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['班次数', '已确认 / 总名额']));
    const row = within(table).getByTestId('event-filled-8').closest('tr');
    expect(row && within(row).getByText('3')).toBeTruthy();
  });
});
