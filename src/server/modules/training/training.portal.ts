import type { Deps } from '../../deps.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/training.errors.js';
import '../../../common/portal.errors.js';
import type { CheckinBody, CheckinCode, CheckinResult, TrainingRecord } from '../../../common/training.js';
import type { Actor } from '../../auth/scope.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import { insertAudit } from '../../audit/audit.store.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import type { CheckinCodes } from './training.checkin.js';
import { attendFromTraining } from '../events/events.checkin.service.js';
import { findSessionFor, recordFor } from './training.service.js';
import * as repo from './training.repo.js';

/** Self check-in opens this long before a session starts and stays open this long after it ends. */
export const CHECKIN_MARGIN_MS = 60 * 60 * 1000;

/** The code the room's screen shows now (for the session's organisers: training.write on its node). */
export async function checkinCode(deps: Pick<Deps, 'db'>, codes: CheckinCodes, actor: Actor, id: number): Promise<CheckinCode> {
  const session = await findSessionFor(deps.db, actor, id);
  await findOrgFor(deps.db, actor, 'training.write', session.org_id);
  if (session.status === 'cancelled') throw new AppError('TRAINING_SESSION_CANCELLED');
  const { code, rotatesAt } = codes.current(session.id, new Date());
  return { sessionId: session.id, code, qr: `GHTR1:${session.id}:${code}`, rotatesAt: rotatesAt.toISOString() };
}

/**
 * A member checks in with the code on the room's screen (the current or the previous 30-second code) while the
 * session runs; recorded once, with the union the member belongs to now (and checked in to the event session behind
 * the training session, if the member holds a confirmed place there). A second check-in answers `already`.
 */
export async function checkIn(
  deps: Pick<Deps, 'db' | 'events'>,
  codes: CheckinCodes,
  principal: MemberPrincipal,
  body: CheckinBody,
): Promise<CheckinResult> {
  const now = new Date();
  const session = await repo.findSession(deps.db, body.sessionId);
  if (!session || !codes.accepts(session.id, body.code, now)) throw new AppError('TRAINING_CODE_INVALID');
  if (session.status === 'cancelled') throw new AppError('TRAINING_SESSION_CANCELLED');
  const opens = Date.parse(session.starts_at) - CHECKIN_MARGIN_MS;
  const closes = Date.parse(session.ends_at) + CHECKIN_MARGIN_MS;
  if (now.getTime() < opens || now.getTime() > closes) throw new AppError('TRAINING_CODE_INVALID');
  return deps.db.transaction().execute(async (tx) => {
    const member = await repo.memberSelf(tx, { region_id: principal.regionId, id: principal.memberId });
    if (!member || member.status !== 'member') throw new AppError('MEMBER_UNAUTHENTICATED');
    const added = await repo.insertAttendance(tx, session.id, [member], 'self_qr', null);
    if (session.event_session_id !== null) await attendFromTraining(tx, deps.events, null, session.event_session_id, [member]);
    if (added > 0)
      await insertAudit(tx, {
        userId: null,
        username: `member:${member.id}`,
        action: 'training.checkin',
        targetType: 'training_session',
        targetId: session.id,
        orgPath: member.org_path,
        result: 'ok',
        ip: principal.ip,
      });
    return { sessionId: session.id, courseTitle: session.course_title, already: added === 0 };
  });
}

/** The signed-in member's own training record. */
export async function ownRecord(deps: Pick<Deps, 'db'>, principal: MemberPrincipal): Promise<TrainingRecord> {
  return recordFor(deps.db, { region_id: principal.regionId, id: principal.memberId });
}
