import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import type { PiiCipher } from '../../crypto/pii.js';
import type { MessageSender, TextMessage } from '../../messaging/sender.js';
import { phoneOnRecord } from '../members/members.service.js';
import type { EventNotificationKind } from './events.notify.tables.js';
import type { TicketSigner } from './events.tickets.js';
import './events.notify.tables.js';
import './events.guests.tables.js';

/**
 * What the notifier needs: the cipher (the phone on record), the message sender, and the ticket signer (a guest has
 * no member pages: their confirmation carries the ticket's code).
 */
export type NotifyDeps = { cipher: PiiCipher; messages: MessageSender; tickets: TicketSigner };

/** A registration due a message, with what the message says (times already in Beijing time, 'YYYY-MM-DD HH24:MI'). */
type Due = {
  region_id: number;
  id: number;
  member_id: number | null;
  /** A guest's registration (0047): the message goes to the guest's phone. */
  guest_id: number | null;
  session_id: number;
  ticket_version: number;
  title: string;
  starts: string;
  place: string;
  offer_expires: string | null;
};

const beijing = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`;

/**
 * Registrations in `status` (of events not cancelled, sessions yet to start, within `window`) that have no
 * notification of `kind`, oldest first. `at` is the clock (the database's now() unless a test gives one).
 */
async function dueRegistrations(
  db: Executor,
  kind: EventNotificationKind,
  status: 'confirmed' | 'offered',
  at: Date | undefined,
  batch: number,
  startsWithinHours?: number,
): Promise<Due[]> {
  const now = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
  let q = db
    .selectFrom('event_registration as r')
    .innerJoin('event_session as s', 's.id', 'r.session_id')
    .innerJoin('event as e', 'e.id', 'r.event_id')
    .select(['r.region_id', 'r.id', 'r.member_id', 'r.guest_id', 'r.session_id', 'r.ticket_version', 'e.title', 's.place'])
    .select([beijing('s.starts_at').as('starts'), beijing('r.offer_expires_at').as('offer_expires')])
    .where('r.status', '=', status)
    .where('e.status', '<>', 'cancelled')
    .where(sql<boolean>`s.starts_at > ${now}`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('event_notification as n')
            .select(sql`1`.as('one'))
            .whereRef('n.region_id', '=', 'r.region_id')
            .whereRef('n.registration_id', '=', 'r.id')
            .where('n.kind', '=', kind),
        ),
      ),
    );
  if (status === 'offered') q = q.where(sql<boolean>`r.offer_expires_at > ${now}`);
  if (startsWithinHours !== undefined) q = q.where(sql<boolean>`s.starts_at <= ${now} + make_interval(hours => ${startsWithinHours})`);
  return q.orderBy('r.region_id').orderBy('r.id').limit(batch).execute();
}

/**
 * A guest's text (they have no member pages): the confirmation carries the ticket's code, the same signed ticket a
 * member's page shows, which a scanner accepts offline when typed or scanned.
 */
function guestTextOf(kind: EventNotificationKind, d: Due, ticket: string): Pick<TextMessage, 'purpose' | 'zh' | 'en'> {
  switch (kind) {
    case 'confirmed':
      return {
        purpose: 'event_confirmed',
        zh: `【工会】您已报名成功：${d.title}，${d.starts}（北京时间），${d.place}。入场码：${ticket}（签到时出示）。如不能参加，请联系邀请您的工会。`,
        en: `[Trade union] You are signed up: ${d.title}, ${d.starts} (Beijing time), ${d.place}. Ticket code: ${ticket} (show it at check-in). If you cannot come, tell the union that invited you.`,
      };
    case 'offer':
      return {
        purpose: 'event_offer',
        zh: `【工会】${d.title}（${d.starts}，${d.place}）有名额空出给您，请在${d.offer_expires ?? ''}（北京时间）前联系邀请您的工会确认，逾期名额顺延给下一位。`,
        en: `[Trade union] A place in ${d.title} (${d.starts}, ${d.place}) is offered to you. Confirm with the union that invited you before ${d.offer_expires ?? ''} (Beijing time), or it passes to the next person.`,
      };
    case 'reminder':
      return textOf('reminder', d);
  }
}

/** The text of each kind, zh-CN first; the member reads Chinese, the English is there for the outbox's readers. */
function textOf(kind: EventNotificationKind, d: Due): Pick<TextMessage, 'purpose' | 'zh' | 'en'> {
  switch (kind) {
    case 'confirmed':
      return {
        purpose: 'event_confirmed',
        zh: `【工会】您已报名成功：${d.title}，${d.starts}（北京时间），${d.place}。如不能参加，请在“会员服务”页取消。`,
        en: `[Trade union] You are signed up: ${d.title}, ${d.starts} (Beijing time), ${d.place}. If you cannot come, cancel on the member pages.`,
      };
    case 'offer':
      return {
        purpose: 'event_offer',
        zh: `【工会】${d.title}（${d.starts}，${d.place}）有名额空出给您，请在${d.offer_expires ?? ''}（北京时间）前到“会员服务”页确认，逾期名额顺延给下一位。`,
        en: `[Trade union] A place in ${d.title} (${d.starts}, ${d.place}) is offered to you. Accept it on the member pages before ${d.offer_expires ?? ''} (Beijing time), or it passes to the next person.`,
      };
    case 'reminder':
      return {
        purpose: 'event_reminder',
        zh: `【工会】提醒：您报名的${d.title}将于${d.starts}（北京时间）在${d.place}举行，请准时参加。`,
        en: `[Trade union] Reminder: ${d.title} starts at ${d.starts} (Beijing time) at ${d.place}. See you there.`,
      };
  }
}

/**
 * The one helper every notification goes through: records (registration, kind) with ON CONFLICT DO NOTHING and sends
 * the message through the sender only when the row went in, in the caller's transaction — so a message is sent at most
 * once per registration and kind, however often or from how many processes the scan runs. A member without a phone on
 * record is recorded as such (nothing to send). Answers whether a message was sent.
 */
export async function notifyRegistration(tx: Executor, deps: NotifyDeps, kind: EventNotificationKind, d: Due): Promise<boolean> {
  const phone =
    d.guest_id !== null
      ? await guestPhone(tx, deps.cipher, d.region_id, d.guest_id)
      : d.member_id !== null
        ? await phoneOnRecord(tx, deps.cipher, { region_id: d.region_id, id: d.member_id })
        : null;
  const inserted = await tx
    .insertInto('event_notification')
    .values({ region_id: d.region_id, registration_id: d.id, kind, outcome: phone ? 'sent' : 'no_phone' })
    .onConflict((oc) => oc.columns(['region_id', 'registration_id', 'kind']).doNothing())
    .returning('kind')
    .executeTakeFirst();
  if (!inserted || !phone) return false;
  const text =
    d.guest_id === null
      ? textOf(kind, d)
      : guestTextOf(kind, d, deps.tickets.sign({ r: d.region_id, i: d.id, s: d.session_id, v: d.ticket_version }));
  await deps.messages.send(tx, { phone, regionId: d.region_id, ...text });
  return true;
}

/** A guest's phone, decrypted for the sender (a removed guest hears nothing more). */
async function guestPhone(tx: Executor, cipher: PiiCipher, regionId: number, guestId: number): Promise<string | null> {
  const row = await tx
    .selectFrom('event_guest')
    .select('phone_enc')
    .where('region_id', '=', regionId)
    .where('id', '=', guestId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ? cipher.decrypt(row.phone_enc) : null;
}

export type NotifyCounts = { confirmed: number; offer: number; reminder: number };

/**
 * The notification scan (every minute, events.notify.jobs.ts): a confirmation to every confirmed registration of a
 * session yet to start that has none, an offer message (with its expiry) to every open offer that has none, and a
 * reminder to every confirmed registration whose session starts within the next 24 hours that has none. Each batch
 * runs in one transaction; safe to run again and from several processes (the unique key settles who sends).
 * `at` is the clock (the database's now(); tests give one).
 */
export async function sendEventNotifications(db: Kysely<DB>, deps: NotifyDeps, at?: Date, batch = 200): Promise<NotifyCounts> {
  const counts: NotifyCounts = { confirmed: 0, offer: 0, reminder: 0 };
  const scans: [EventNotificationKind, 'confirmed' | 'offered', number | undefined][] = [
    ['confirmed', 'confirmed', undefined],
    ['offer', 'offered', undefined],
    ['reminder', 'confirmed', 24],
  ];
  for (const [kind, status, within] of scans) {
    for (;;) {
      const done = await db.transaction().execute(async (tx) => {
        const rows = await dueRegistrations(tx, kind, status, at, batch, within);
        for (const d of rows) if (await notifyRegistration(tx, deps, kind, d)) counts[kind]++;
        return rows.length;
      });
      if (done < batch) break;
    }
  }
  return counts;
}
