import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/training.errors.js';
import type { Session } from '../../../common/training.js';
import type { OpenSignUpBody } from '../../../common/training.signup.js';
import type { Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { createEvent } from '../events/events.service.js';
import { cancelEvent } from '../events/events.admin.service.js';
import type { EventAttended } from '../events/events.checkin.service.js';
import * as repo from './training.signup.repo.js';
import { insertAttendance } from './training.repo.js';
import { findSessionFor, getSession } from './training.service.js';

/**
 * Opens sign-up of a training session through the events machinery: an event of kind 'training' owned by the
 * session's node, open to its subtree, first come, with one session at the training session's time and place, the
 * places given and the window given (default: from now until the session starts); the training session keeps that
 * event session. The event is created by the events service in its own transaction (its rules, its audit), then
 * linked by a guarded update; a concurrent second opening that loses the link cancels the event it made.
 */
export async function openSignUp(db: Kysely<DB>, actor: Actor, id: number, body: OpenSignUpBody): Promise<Session> {
  const session = await findSessionFor(db, actor, id);
  await findOrgFor(db, actor, 'training.write', session.org_id);
  if (session.status === 'cancelled') throw new AppError('TRAINING_SESSION_CANCELLED');
  if (session.event_session_id !== null) throw new AppError('TRAINING_SIGNUP_OPEN', { eventSessionId: session.event_session_id });
  const startsAt = new Date(session.starts_at).toISOString();
  const opensAt = body.opensAt ?? new Date().toISOString();
  const closesAt = body.closesAt ?? startsAt;
  if (Date.parse(closesAt) <= Date.parse(opensAt)) throw new AppError('TRAINING_SIGNUP_WINDOW');
  const event = await createEvent(db, actor, {
    orgId: session.org_id,
    kind: 'training',
    title: session.course_title,
    description: '',
    selection: 'first_come',
    promotion: 'auto',
    audienceOrgIds: [session.org_id],
    coOrganiserIds: [],
    sessions: [
      {
        startsAt,
        endsAt: new Date(session.ends_at).toISOString(),
        place: session.place,
        capacity: body.capacity,
        opensAt,
        closesAt,
      },
    ],
  });
  const eventSessionId = event.sessions[0]!.id;
  const linked = await db.transaction().execute(async (tx) => {
    if (!(await repo.linkEventSession(tx, session, eventSessionId))) return false;
    await recordWrite(
      tx,
      actor,
      'training.session.sign_up',
      { type: 'training_session', id: session.id, orgPath: session.org_path },
      { eventId: event.id, eventSessionId, capacity: body.capacity },
    );
    return true;
  });
  if (!linked) {
    await cancelEvent(db, actor, event.id);
    const now = await findSessionFor(db, actor, id);
    throw new AppError('TRAINING_SIGNUP_OPEN', { eventSessionId: now.event_session_id ?? 0 });
  }
  return getSession(db, actor, id);
}

/**
 * Listens to the events module: a person checked in to an event session that takes a training session's sign-ups
 * (ticket scan or by hand, always by a cadre) is marked attended in training too, with the union they belong to
 * now, in the check-in's transaction; a second check-in adds nothing (one attendance per member and session).
 */
export async function attendFromEvent(tx: Executor, e: EventAttended): Promise<void> {
  const session = await repo.sessionOfEventSession(tx, e.sessionId);
  if (!session) return;
  const member = await repo.memberUnion(tx, e);
  if (!member) return;
  await insertAttendance(tx, session.id, [member], 'cadre_list', e.userId);
}
