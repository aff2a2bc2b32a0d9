import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import './events.guests.tables.js';

/**
 * Registrations joined to their holder: the member (`m`) or the named guest (`g`, 0047) — a registration holds exactly
 * one of the two. Every read that shows who holds a place starts here.
 */
export function registrationsWithHolder(db: Executor) {
  return db
    .selectFrom('event_registration as r')
    .leftJoin('member as m', (j) => j.onRef('m.region_id', '=', 'r.region_id').onRef('m.id', '=', 'r.member_id'))
    .leftJoin('event_guest as g', (j) => j.onRef('g.region_id', '=', 'r.region_id').onRef('g.id', '=', 'r.guest_id'));
}

/** The holder's name, the member's or the guest's, over `registrationsWithHolder`. */
export const holderNameSql = sql<string>`coalesce(m.name, g.name)`;
