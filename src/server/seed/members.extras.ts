import { sql, type Insertable } from 'kysely';
import type { EmploymentForm } from '../../common/members.js';
import type { Deps } from '../deps.js';
import { sealPerson } from '../modules/members/members.person.js';
import { regionOfPath } from '../auth/tree.js';
import type { MemberApplicationTable, MemberTransferTable } from '../db/schema.js';
import type { DemoDistrict, DemoEmployer, DemoUnion } from './members.types.js';
import { dayNumber, type PeopleGenerator } from './people.js';
import type { Random } from './random.js';

type Extras = { district: DemoDistrict; unions: readonly DemoUnion[]; people: PeopleGenerator; random: Random };

const DAY = 86_400_000;
const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SELF_APPLICATIONS = 120;
const CADRE_APPLICATIONS = 20;
const TRANSFERS = 20;

/** 双沟通 worker meetings in two 东城 streets; sign-ups from them wait in the review queue. */
const meetings = [
  {
    street: '崇文门外街道',
    title: '崇外街道外卖小哥专场沟通会',
    daysAgo: 12,
    venue: '崇文门外街道党群服务中心',
    form: 'delivery_rider',
    applications: 35,
  },
  {
    street: '东直门街道',
    title: '东直门街道快递员专场沟通会',
    daysAgo: 5,
    venue: '东直门街道职工之家',
    form: 'courier',
    applications: 25,
  },
] as const satisfies readonly {
  street: string;
  title: string;
  /** Held this many days before the demo is loaded (never before this year's 1 January): 今年's figures show it. */
  daysAgo: number;
  venue: string;
  form: EmploymentForm;
  applications: number;
}[];

/** The Beijing calendar day `daysAgo` days before `now`, but not before 1 January of now's year. */
export function recentMeetingDay(daysAgo: number, now = Date.now()): string {
  const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const day = beijing(now - daysAgo * DAY);
  const newYear = `${beijing(now).slice(0, 4)}-01-01`;
  return day < newYear ? newYear : day;
}

const gigForms: readonly (readonly [EmploymentForm, number])[] = [
  ['delivery_rider', 35],
  ['courier', 30],
  ['ride_hailing', 15],
  ['truck_driver', 10],
];

/**
 * The district's review queue and transfer desk as a demo should show them: pending applications (self-service,
 * entered by cadres, and sign-ups at two outreach meetings) and pending transfers between its unions, in one
 * transaction. Runs once: the first meeting's title marks it done. Says whether it added anything.
 */
export async function seedMemberExtras(deps: Deps, extras: Extras): Promise<boolean> {
  const { district, unions, people, random } = extras;
  const staffed = unions.filter((u) => u.staff > 0);
  if (staffed.length < 2) return false;
  return deps.db.transaction().execute(async (tx) => {
    const done = await tx
      .selectFrom('outreach_meeting')
      .select('id')
      .where('title', '=', meetings[0].title)
      .where(sql<boolean>`org_path <@ ${district.path}::ltree`)
      .executeTakeFirst();
    if (done) return false;
    const streets = await tx
      .selectFrom('org_unit')
      .select(['id', 'path', 'name'])
      .where('kind', '=', 'street_federation')
      .where(sql<boolean>`path <@ ${district.path}::ltree`)
      .orderBy('id')
      .execute();
    const codes = new Set<string>();
    const trackingCode = (): string => {
      for (;;) {
        let code = '';
        for (let i = 0; i < 12; i++) code += random.pick([...TRACKING_ALPHABET]);
        if (!codes.has(code)) {
          codes.add(code);
          return code;
        }
      }
    };
    const byStaff = staffed.map((u) => [u, u.staff] as const);
    const application = (
      source: MemberApplicationTable['source'],
      union: DemoUnion,
      form: EmploymentForm,
      createdAt: string,
      meetingId: number | null,
    ): Insertable<MemberApplicationTable> => {
      const person =
        form === 'standard' ? people.next() : people.next({ fromDay: dayNumber('1975-01-01'), toDay: dayNumber('2003-12-31') });
      const employer: DemoEmployer | undefined =
        union.employers.length > 0 ? random.weighted(union.employers.map((e) => [e, e.headcount + 1] as const)) : undefined;
      return {
        region_id: regionOfPath(union.path),
        tracking_code: trackingCode(),
        source,
        meeting_id: meetingId,
        ...sealPerson(deps.cipher, person),
        employer_id: employer?.id ?? null,
        employer_name: employer?.name ?? null,
        employment_form: form,
        org_id: union.id,
        org_path: union.path,
        created_at: createdAt,
      };
    };
    const recently = () => new Date(Date.now() - random.int(3600, 20 * 86_400) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const rows: Insertable<MemberApplicationTable>[] = [];

    for (const [k, m] of meetings.entries()) {
      const street = streets.find((s) => s.name.startsWith(m.street)) ?? streets[k] ?? streets[0];
      if (!street) break;
      const heldOn = recentMeetingDay(m.daysAgo);
      const meeting = await tx
        .insertInto('outreach_meeting')
        .values({
          org_id: street.id,
          org_path: street.path,
          kind: 'worker',
          title: m.title,
          held_on: heldOn,
          venue: m.venue,
          is_online: false,
          created_at: `${heldOn}T02:00:00Z`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Riders sign up with the street's joint union (联合工会) when it has one.
      const local = staffed.filter((u) => u.streetId === street.id);
      const hosts = local.filter((u) => u.kind === 'joint_union');
      const pool = hosts.length > 0 ? hosts : local.length > 0 ? local : staffed;
      for (let i = 0; i < m.applications; i++) {
        // Sign-ups come in during the meeting's evening (19:00–21:00 Beijing time).
        const at = new Date(Date.parse(`${heldOn}T11:00:00Z`) + random.int(0, 7200) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
        rows.push(application('meeting', random.pick(pool), m.form, at, meeting.id));
      }
    }
    for (let i = 0; i < SELF_APPLICATIONS + CADRE_APPLICATIONS; i++) {
      const union = random.weighted(byStaff);
      const gig = union.kind === 'joint_union' ? 0.35 : 0.025;
      const form = random.chance(gig) ? random.weighted(gigForms) : 'standard';
      rows.push(application(i < SELF_APPLICATIONS ? 'self' : 'cadre', union, form, recently(), null));
    }
    await tx.insertInto('member_application').values(rows).execute();

    const { rows: candidates } = await sql<{ region_id: number; id: number; org_id: number; org_path: string }>`
      SELECT m.region_id, m.id, m.org_id, m.org_path::text AS org_path FROM member m
       WHERE m.region_id = ${regionOfPath(district.path)} AND m.status = 'member' AND m.org_path <@ ${district.path}::ltree
         AND NOT EXISTS (SELECT 1 FROM member_transfer t
                          WHERE t.region_id = m.region_id AND t.member_id = m.id AND t.status = 'pending')
       ORDER BY m.id LIMIT 2000`.execute(tx);
    const transfers: Insertable<MemberTransferTable>[] = [];
    const days = Math.max(2, deps.config.transferAutoConfirmDays);
    while (transfers.length < TRANSFERS && candidates.length > 0) {
      const [member] = candidates.splice(random.int(0, candidates.length - 1), 1);
      const to = random.weighted(byStaff);
      if (!member || to.id === member.org_id) continue;
      // Requested in the last days, so the releasing union still has time to confirm or refuse.
      const requested = Date.now() - random.int(0, (days - 1) * 86_400) * 1000;
      transfers.push({
        region_id: member.region_id,
        member_id: member.id,
        from_org_id: member.org_id,
        from_org_path: member.org_path,
        to_org_id: to.id,
        to_org_path: to.path,
        requested_via: 'union',
        requested_by: null,
        requested_at: new Date(requested).toISOString(),
        auto_confirm_at: new Date(requested + days * DAY).toISOString(),
      });
    }
    if (transfers.length > 0) await tx.insertInto('member_transfer').values(transfers).execute();
    return true;
  });
}
