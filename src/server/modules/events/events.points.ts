import type { Executor } from '../../db/executor.js';
import type { Actor } from '../../auth/scope.js';
import { findProgrammeFor } from '../points/programmes.service.js';
import { setPointsProgramme } from './events.checkin.repo.js';

/** At an event's creation: the programme its attendance awards points through, one the creator may see (else 404). */
export async function attachPointsProgramme(tx: Executor, actor: Actor, eventId: number, programmeId: number): Promise<void> {
  const programme = await findProgrammeFor(tx, actor, 'points.read', programmeId);
  await setPointsProgramme(tx, eventId, programme.id);
}
