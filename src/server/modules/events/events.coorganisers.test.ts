import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { BulkSignUpResult, EventDetail, Registration } from '../../../common/events.js';
import type { CheckinPack } from '../../../common/events.checkin.js';
import type { Page } from '../../../common/paging.js';
import { openSession } from './events.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const members = async (orgId: number, n: number) => {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await buildMember(ctx, orgId)).id);
  return ids;
};

describe('co-organisers (协办单位): each manages its own part of an event', () => {
  it('a co-organising street signs up, sees and checks in its own members, and nothing of the owner’s', async () => {
    // 东华门's line, open to 东华门 and 西长安街, co-organised by 西长安街 (another district).
    const created = await ctx.call('POST', '/api/events', {
      orgId: tree.dcStreet.id,
      kind: 'outing',
      title: '科技+杏福（两区合办）',
      audienceOrgIds: [tree.dcStreet.id, tree.xcStreet.id],
      coOrganiserIds: [tree.xcStreet.id, tree.dcStreet.id],
      sessions: [openSession(10)],
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json<EventDetail>();
    // The owner named among its own co-organisers is left out: it already manages the whole event.
    expect(event.coOrganisers.map((c) => c.orgId)).toEqual([tree.xcStreet.id]);
    const sessionId = event.sessions[0]!.id;

    const dcIds = await members(tree.dcUnion.id, 2);
    const owner = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, { sessionId, key: 'own', memberIds: dcIds });
    expect(owner.statusCode, owner.body).toBe(200);

    const xc = await actorWith(ctx, 'union_cadre', tree.xcStreet.id);
    const seen = await ctx.call('GET', `/api/events/${event.id}`, undefined, xc.cookie);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<EventDetail>().coOrganisers.map((c) => c.orgName)).toEqual([tree.xcStreet.name]);

    // Its own members go in; the owner's members are outside its units.
    const xcIds = await members(tree.xcUnion.id, 3);
    const bulk = await ctx.call(
      'POST',
      `/api/events/${event.id}/registrations/bulk`,
      { sessionId, key: 'co', memberIds: [...xcIds, dcIds[0]!] },
      xc.cookie,
    );
    expect(bulk.statusCode, bulk.body).toBe(200);
    const outcomes = bulk.json<BulkSignUpResult>().items.map((i) => i.outcome);
    expect(outcomes).toEqual(['confirmed', 'confirmed', 'confirmed', 'not_found']);

    // Its sign-ups are its own members' only; the owner's part is not its to list.
    const own = await ctx.call('GET', `/api/events/${event.id}/registrations?orgId=${tree.xcStreet.id}`, undefined, xc.cookie);
    expect(
      own
        .json<Page<Registration>>()
        .items.map((r) => r.memberId)
        .sort(),
    ).toEqual([...xcIds].sort());
    expect(
      (await ctx.call('GET', `/api/events/${event.id}/registrations?orgId=${tree.dcStreet.id}`, undefined, xc.cookie)).statusCode,
    ).toBe(404);

    // The scanner's pack holds its own members' tickets; a manual check-in of its own member works, of another's does not.
    const pack = await ctx.call('GET', `/api/events/${event.id}/sessions/${sessionId}/check-in/pack`, undefined, xc.cookie);
    expect(pack.statusCode, pack.body).toBe(200);
    expect(pack.json<CheckinPack>().tickets).toHaveLength(3);
    const xcReg = bulk.json<BulkSignUpResult>().items[0]!.registrationId!;
    expect((await ctx.call('POST', `/api/events/${event.id}/registrations/${xcReg}/check-in`, {}, xc.cookie)).statusCode).toBe(200);
    const dcReg = owner.json<BulkSignUpResult>().items[0]!.registrationId!;
    expect((await ctx.call('POST', `/api/events/${event.id}/registrations/${dcReg}/check-in`, {}, xc.cookie)).statusCode).toBe(404);

    // The event itself stays with the owner: capacity, close.
    const capacity = await ctx.call('PATCH', `/api/events/${event.id}/sessions/${sessionId}`, { capacity: 20 }, xc.cookie);
    expect(capacity.statusCode).toBe(403);
    expect((await ctx.call('POST', `/api/events/${event.id}/close`, { summary: '结束' }, xc.cookie)).statusCode).toBe(403);
  });

  it('a cadre who neither owns nor co-organises may not sign anyone up, even where the event is visible to them', async () => {
    const event = (
      await ctx.call('POST', '/api/events', {
        orgId: tree.dcStreet.id,
        kind: 'culture',
        title: '观影（西城可报名）',
        audienceOrgIds: [tree.dcStreet.id, tree.xcStreet.id],
        sessions: [openSession(10)],
      })
    ).json<EventDetail>();
    const xc = await actorWith(ctx, 'union_cadre', tree.xcStreet.id);
    expect((await ctx.call('GET', `/api/events/${event.id}`, undefined, xc.cookie)).statusCode).toBe(200);
    const [id] = await members(tree.xcUnion.id, 1);
    const bulk = await ctx.call(
      'POST',
      `/api/events/${event.id}/registrations/bulk`,
      { sessionId: event.sessions[0]!.id, key: 'x', memberIds: [id] },
      xc.cookie,
    );
    expect(bulk.statusCode).toBe(403);
    const pack = await ctx.call('GET', `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/check-in/pack`, undefined, xc.cookie);
    expect(pack.statusCode).toBe(403);
    // Unseen by a street outside owner, audience and co-organisers.
    const other = await actorWith(ctx, 'union_cadre', tree.dcStreet2.id);
    expect((await ctx.call('GET', `/api/events/${event.id}`, undefined, other.cookie)).statusCode).toBe(404);
  });

  it('a copy keeps the co-organisers', async () => {
    const event = (
      await ctx.call('POST', '/api/events', {
        orgId: tree.dcStreet.id,
        kind: 'outing',
        title: '合办线路',
        coOrganiserIds: [tree.xcStreet.id],
        sessions: [openSession(5)],
      })
    ).json<EventDetail>();
    const copy = await ctx.call('POST', `/api/events/${event.id}/copy`, { firstDate: '2027-05-10' });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json<EventDetail>().coOrganisers.map((c) => c.orgId)).toEqual([tree.xcStreet.id]);
  });
});
