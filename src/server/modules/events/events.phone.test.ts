import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildTree, createTestContext, signInMember, type TestContext } from '../../testing/harness.js';
import type { EventDetail, MemberEventList, MemberRegistration } from '../../../common/events.js';
import { openSession } from './events.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

async function person(): Promise<string> {
  const m = await buildMember(ctx, tree.dcUnion.id, { name: '手机会员' });
  return signInMember(ctx, m.idNumber, m.phone, `10.8.${serial % 250}.${++serial % 250}`);
}

describe('events: what the member phone page reads', () => {
  it('answers the events open to me with the server clock, so the page tells 未开始 / 报名中 / 已截止 by it', async () => {
    const created = await ctx.call('POST', '/api/events', {
      orgId: tree.dcStreet.id,
      kind: 'culture',
      title: `手机页观影${++serial}`,
      sessions: [openSession(1)],
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json<EventDetail>();
    const cookie = await person();
    const before = Date.now();
    const answer = await ctx.call('GET', '/api/portal/events', undefined, cookie);
    expect(answer.statusCode, answer.body).toBe(200);
    const list = answer.json<MemberEventList>();
    expect(Math.abs(Date.parse(list.now) - before)).toBeLessThan(60_000);
    expect(list.items.find((e) => e.id === event.id)?.sessions[0]).toMatchObject({ isOpenNow: true, capacity: 1 });
  });

  it('shows each member only their own place on the waitlist, counted in the session', async () => {
    const created = await ctx.call('POST', '/api/events', {
      orgId: tree.dcStreet.id,
      kind: 'culture',
      title: `手机页候补${++serial}`,
      sessions: [openSession(1)],
    });
    const sessionId = created.json<EventDetail>().sessions[0]!.id;
    const [a, b, c] = [await person(), await person(), await person()];
    const statuses: MemberRegistration[] = [];
    for (const cookie of [a, b, c]) {
      const r = await ctx.call('POST', '/api/portal/events/registrations', { sessionId, key: `phone-${++serial}` }, cookie);
      expect(r.statusCode, r.body).toBe(201);
      statuses.push(r.json<MemberRegistration>());
    }
    expect(statuses.map((s) => [s.status, s.waitlistPosition])).toEqual([
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    const mineOfC = (await ctx.call('GET', '/api/portal/events/registrations', undefined, c)).json<{ items: MemberRegistration[] }>().items;
    expect(mineOfC.map((r) => r.id)).toEqual([statuses[2]!.id]);
    expect(mineOfC[0]!.waitlistPosition).toBe(2);
  });
});
