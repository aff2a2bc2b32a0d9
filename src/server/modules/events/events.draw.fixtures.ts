import type { AuthzFixtures } from '../../testing/authz.js';
import type { EventDetail } from '../../../common/events.js';
import { openSession } from './events.fixtures.js';

/** A session whose sign-up window closed an hour ago: ready to be frozen. */
export function closedSession(capacity: number) {
  const hour = 3_600_000;
  const now = Date.now();
  return { ...openSession(capacity), opensAt: new Date(now - 2 * hour).toISOString(), closesAt: new Date(now - hour).toISOString() };
}

/** A lottery of the street T; `stage` says how far the admin has taken it: created, planned, or planned and frozen. */
export async function lotteryOnStreet(f: AuthzFixtures, stage: 'created' | 'planned' | 'frozen'): Promise<EventDetail> {
  const event = await f.asAdmin<EventDetail>({
    method: 'POST',
    url: '/api/events',
    payload: {
      orgId: f.tree.dcStreet.id,
      kind: 'matchmaking',
      title: `矩阵抽签活动${f.unique()}`,
      selection: 'lottery',
      sessions: [closedSession(10)],
    },
  });
  if (stage === 'created') return event;
  await f.asAdmin({
    method: 'POST',
    url: `/api/events/${event.id}/draw/plan`,
    payload: { seedSource: '中国福利彩票双色球 2026-12-03 开奖号码' },
  });
  if (stage === 'frozen') await f.asAdmin({ method: 'POST', url: `/api/events/${event.id}/draw/freeze` });
  return event;
}
