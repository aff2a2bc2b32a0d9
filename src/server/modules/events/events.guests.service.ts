import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.errors.js';
import '../../../common/events.guests.errors.js';
import '../../../common/identity.errors.js';
import { maskPhone, parsePhone } from '../../../common/identity.js';
import { phoneProblemError } from '../../../common/identity-errors.js';
import {
  AddGuestBody,
  GUEST_LIMITS,
  type Guest,
  type GuestList,
  type GuestSignUpBody,
  type GuestSignUpResult,
} from '../../../common/events.guests.js';
import type { PiiCipher } from '../../crypto/pii.js';
import { scopeFor, type Actor, type InScope } from '../../auth/scope.js';
import { regionOfPath } from '../../auth/tree.js';
import { recordWrite } from '../../audit/audit.js';
import type { EventRow } from './events.repo.js';
import * as repo from './events.guests.repo.js';
import { assertOrganiser, findEventFor } from './events.service.js';
import { cancelIn, signUpIn } from './events.signup.js';

/**
 * Named non-members of an event (非会员, issue #13): a cadre of the owner or a co-organiser names gig workers with a
 * mobile, signs them up for first-come sessions through the members' own guarded place-taking, and removes them. The
 * mobile is sealed at rest and answered masked; each unit sees and manages the guests it named.
 */

function toGuest(row: repo.GuestListRow): Guest {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    phoneMasked: row.phone_masked,
    note: row.note,
    orgId: row.org_id,
    orgName: row.org_name,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The guests the caller sees: those named by units in their read scope. */
export async function listGuests(db: Kysely<DB>, actor: Actor, eventId: number): Promise<GuestList> {
  const event = await findEventFor(db, actor, eventId);
  const rows = await repo.guestsInScope(db, scopeFor(actor, 'event.read'), event);
  return { items: rows.map(toGuest) };
}

/** The guest a cadre acts on: 404 where unseen, 403 where only read. */
async function guestFor(tx: Executor, actor: Actor, event: InScope<EventRow>, guestId: number) {
  const row = await repo.findGuestInScope(tx, scopeFor(actor, 'event.write'), event, guestId);
  if (row) return row;
  if (await repo.findGuestInScope(tx, scopeFor(actor, 'event.read'), event, guestId)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/**
 * Names a guest on the event for the inviting unit (the owner or a co-organiser node the caller writes at): the
 * mobile validated as a mainland mobile, sealed, blind-indexed (one guest per event and phone) and masked; audited.
 */
export async function addGuest(db: Kysely<DB>, cipher: PiiCipher, actor: Actor, eventId: number, input: AddGuestBody): Promise<Guest> {
  const body = AddGuestBody.parse(input);
  const phone = parsePhone(body.phone);
  if (!phone.ok) throw phoneProblemError(phone.problem);
  if (/^[=+\-@]/.test(body.name)) throw new AppError('NAME_FORMULA');
  const id = await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    await assertOrganiser(tx, actor, event);
    const nodes = await repo.organiserNodesInScope(tx, scopeFor(actor, 'event.write'), event);
    const unit = body.orgId === undefined ? nodes[0] : nodes.find((n) => n.id === body.orgId);
    if (!unit) throw new AppError('EVENT_GUEST_ORG_NOT_ORGANISER');
    if ((await repo.countGuests(tx, event)) >= GUEST_LIMITS.perEvent)
      throw new AppError('EVENT_GUEST_TOO_MANY', { max: GUEST_LIMITS.perEvent });
    const guestId = await repo.insertGuest(tx, {
      region_id: regionOfPath(unit.path),
      event_id: event.id,
      org_id: unit.id,
      org_path: unit.path,
      name: body.name,
      phone_enc: cipher.encrypt(phone.phone),
      phone_bidx: cipher.blindIndex('phone', phone.phone),
      phone_masked: maskPhone(phone.phone),
      note: body.note,
      created_by: actor.userId,
    });
    if (guestId === undefined) throw new AppError('EVENT_GUEST_DUPLICATE');
    await recordWrite(
      tx,
      actor,
      'event.guest.add',
      { type: 'event', id: event.id, orgPath: unit.path },
      { guestId, phone: maskPhone(phone.phone) },
    );
    return guestId;
  });
  const event = await findEventFor(db, actor, eventId);
  const row = await repo.findGuestInScope(db, scopeFor(actor, 'event.read'), event, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toGuest(row);
}

/**
 * Removes a guest: their active registrations are cancelled as no longer eligible and every freed place goes to the
 * waitlist through the one promotion function — in one audited transaction.
 */
export async function removeGuest(db: Kysely<DB>, actor: Actor, eventId: number, guestId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    const guest = await guestFor(tx, actor, event, guestId);
    if (!(await repo.markRemoved(tx, guest))) throw new AppError('NOT_FOUND');
    const regs = await repo.activeRegistrationsOf(tx, guest);
    for (const reg of regs) await cancelIn(tx, { ...reg, promotion: event.promotion, offer_hours: event.offer_hours }, 'ineligible');
    await recordWrite(
      tx,
      actor,
      'event.guest.remove',
      { type: 'event', id: event.id, orgPath: guest.org_path },
      { guestId, cancelled: regs.length },
    );
  });
}

/**
 * A cadre signs a guest up for a first-come session of the event: the same guarded place-taking, waitlist, quotas and
 * window as a member's sign-up (events.signup.ts). Idempotent by key: a retry answers the first registration.
 */
export async function signUpGuest(
  db: Kysely<DB>,
  actor: Actor,
  eventId: number,
  guestId: number,
  body: GuestSignUpBody,
): Promise<GuestSignUpResult> {
  const key = `guest:${body.key}`;
  const run = () =>
    db.transaction().execute(async (tx) => {
      const event = await findEventFor(tx, actor, eventId);
      const guest = await guestFor(tx, actor, event, guestId);
      const done = await signUpIn(tx, { guest }, body.sessionId, key, actor.userId);
      if (!done.replay)
        await recordWrite(
          tx,
          actor,
          'event.guest.sign_up',
          { type: 'event', id: event.id, orgPath: guest.org_path },
          { guestId, sessionId: body.sessionId, status: done.status },
        );
      return { registrationId: done.registrationId, status: done.status };
    });
  try {
    return await run();
  } catch (error) {
    // A concurrent retry with the same key lost the race on the unique index: it now answers the first registration.
    if (error instanceof AppError && error.code === 'EVENT_ALREADY_REGISTERED') {
      const again = await run().catch(() => undefined);
      if (again) return again;
    }
    throw error;
  }
}
