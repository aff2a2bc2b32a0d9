import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.errors.js';
import type { MemberRow } from './events.repo.js';
import * as drawRepo from './events.draw.repo.js';

/**
 * Records an entry of a lottery or points-ranking session inside the caller's transaction (the window, audience and
 * event status already checked by events.signup.ts): nobody holds a place before the draw. The session row is held
 * FOR SHARE so a freeze (FOR UPDATE) waits for this entry and then sees it, or this entry waits and sees the freeze.
 */
export async function enterIn(
  tx: Executor,
  member: MemberRow,
  session: { id: number; event_id: number },
  key: string,
  signedUpBy: number | null,
  choices: readonly number[] | null = null,
): Promise<number> {
  await drawRepo.lockSessionShared(tx, session.id);
  if (await drawRepo.isFrozen(tx, session.event_id, session.id)) throw new AppError('EVENT_DRAW_FROZEN');
  if (await drawRepo.hasEntryOrActive(tx, member.region_id, choices ?? [session.id], member.id))
    throw new AppError('EVENT_ALREADY_REGISTERED');
  const id = await drawRepo.insertEntry(tx, { member, eventId: session.event_id, sessionId: session.id, key, signedUpBy, choices });
  if (id === undefined) throw new AppError('EVENT_ALREADY_REGISTERED');
  return id;
}
