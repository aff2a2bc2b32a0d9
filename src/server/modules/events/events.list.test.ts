import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { BulkSignUpResult, EventDetail, EventListItem } from '../../../common/events.js';
import type { Page } from '../../../common/paging.js';
import { openSession } from './events.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

async function createEvent(orgId: number, sessions: ReturnType<typeof openSession>[]): Promise<EventDetail> {
  const response = await ctx.call('POST', '/api/events', { orgId, kind: 'culture', title: `读书会${++serial}`, sessions });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<EventDetail>();
}

async function signUp(event: EventDetail, sessionIndex: number, n: number): Promise<BulkSignUpResult['items']> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await buildMember(ctx, tree.dcUnion.id, { name: `读者${++serial}` })).id);
  const response = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
    sessionId: event.sessions[sessionIndex]!.id,
    key: `list${++serial}`,
    memberIds: ids,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<BulkSignUpResult>().items;
}

async function list(orgId: number, query = ''): Promise<Page<EventListItem>> {
  const response = await ctx.call('GET', `/api/events?orgId=${orgId}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page<EventListItem>>();
}

describe('events list: each event with its sessions counted by the server', () => {
  it('counts the sessions, their places together and the confirmed, the waitlisted left out, on every page', async () => {
    // 3 + 5 places; 4 sign up for the 3-place session (one waits) and 2 for the other.
    const busy = await createEvent(tree.dcStreet.id, [openSession(3), openSession(5, '图书馆')]);
    const waiting = await signUp(busy, 0, 4);
    expect(waiting.map((w) => w.outcome)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    await signUp(busy, 1, 2);
    const quiet = await createEvent(tree.dcStreet.id, [openSession(7)]);

    const first = await list(tree.dcStreet.id, '&limit=1');
    expect(first.items.map((e) => e.id)).toEqual([quiet.id]);
    expect(first.items[0]).toMatchObject({ sessionCount: 1, capacity: 7, confirmed: 0 });
    const second = await list(tree.dcStreet.id, `&limit=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(second.items.map((e) => e.id)).toEqual([busy.id]);
    expect(second.items[0]).toMatchObject({ sessionCount: 2, capacity: 8, confirmed: 5, title: busy.title });
  });

  it('gives a cancelled place back in the figures', async () => {
    const event = await createEvent(tree.dcStreet.id, [openSession(2)]);
    const [kept, gone] = await signUp(event, 0, 2);
    expect(kept?.outcome).toBe('confirmed');
    const cancel = await ctx.call('POST', `/api/events/${event.id}/registrations/${gone!.registrationId}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    const page = await list(tree.dcStreet.id);
    expect(page.items.find((e) => e.id === event.id)).toMatchObject({ sessionCount: 1, capacity: 2, confirmed: 1 });
  });

  it('shows a cadre of another district neither the event nor its figures', async () => {
    const dongcheng = await createEvent(tree.dcStreet.id, [openSession(4)]);
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const own = await ctx.call('GET', `/api/events?orgId=${tree.xicheng.id}`, undefined, xicheng.cookie);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<Page<EventListItem>>().items.map((e) => e.id)).not.toContain(dongcheng.id);
    const across = await ctx.call('GET', `/api/events?orgId=${tree.dcStreet.id}`, undefined, xicheng.cookie);
    expect(across.statusCode).toBe(404);
  });
});
