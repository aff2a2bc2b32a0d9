import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Reach, ReachQuery } from '../../../common/events.reach.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { coverage as trainingCoverage } from '../training/training.service.js';
import * as repo from './events.reach.repo.js';

/**
 * The reach of events and training for a subtree over a period (the coverage dashboard's card): people reached,
 * each counted once however many events and sessions they took part in, sign-ups, the attendance rate, and the
 * training plans' progress. Everything is read in the caller's scope.
 */
export async function reachOf(db: Kysely<DB>, actor: Actor, query: ReachQuery): Promise<Reach> {
  const org = await findOrgFor(db, actor, 'event.read', query.orgId);
  const scope = scopeFor(actor, 'event.read');
  const period = { underPath: org.path, from: query.from, to: query.to };
  const [people, children, registrations, training] = await Promise.all([
    repo.countReached(db, scope, period),
    repo.reachedByChild(db, scope, period),
    repo.signUpsAndAttendance(db, scope, period),
    trainingCoverage(db, actor, query),
  ]);
  return {
    orgId: org.id,
    from: query.from,
    to: query.to,
    ...people,
    signUps: registrations.signUps,
    attended: registrations.attended,
    attendanceRate: registrations.expected > 0 ? registrations.attended / registrations.expected : null,
    training: { sessionsHeld: training.sessionsHeld, plannedSessions: training.plannedSessions, targetPeople: training.targetPeople },
    children,
  };
}
