import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { EmploymentForm } from '../../common/members.js';
import type { Deps, HttpActivity } from '../deps.js';
import { sealPerson } from '../modules/members/members.person.js';
import { admitMembers, type Admission } from '../modules/members/members.service.js';
import type { DB } from '../db/schema.js';
import { DONGCHENG_CODE } from './beijing.js';
import { DEFAULT_DEMO_SEED } from './demo.js';
import { DEMO_MEMBERS_DONE } from './members.types.js';
import { seedMemberExtras } from './members.extras.js';
import type { DemoDistrict, DemoEmployer, DemoUnion, PlannedMember } from './members.types.js';

export type { DemoDistrict, DemoEmployer, DemoUnion, PlannedMember };
import { dayNumber, dayString, PeopleGenerator } from './people.js';
import { apportion, createRandom, type Random } from './random.js';

export type DemoMembersOptions = {
  /** Same seed, same people in the same unions. */
  seed?: number;
  /** The district's member total when done: each union's staff times a rate of its own (60–85%) when absent. */
  target?: number;
  /** The district federation (or industry union) to fill; 东城 (division 110101) when absent. */
  districtId?: number;
  /** Members written per transaction. */
  batchSize?: number;
  /** Adds 东城's review queue, outreach meetings and transfer desk (seedMemberExtras) once the members are in. */
  extras?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** The server's requests: each batch waits (up to MAX_YIELD_MS) until none is in flight, and is small while they come. */
  http?: HttpActivity;
};

/** 东城 reports 17.9万 members: a life-size 东城 gets no more. */
export const DEMO_MEMBER_TARGET = 179_000;
/** Beijing divisions of older ID numbers (崇文, 宣武, and the former counties), none of them a district of today's demo. */
const FORMER_DIVISIONS = ['110103', '110104', '110221', '110222', '110224', '110226', '110227', '110228', '110229'] as const;
/** 入会率 of a union: between these, varying from union to union (the city reports about 70%). */
const RATE_LOW = 0.6;
const RATE_HIGH = 0.85;
/**
 * Members per transaction while requests come in. On PGlite a batch runs on the server's own thread and holds its
 * only connection: 250 hold a request up for about 0.2 s at most.
 */
const BUSY_BATCH = 250;
/** Members per transaction while nobody has asked anything for BUSY_WINDOW_MS: fewer commits, faster loading. */
const IDLE_BATCH = 2000;
const BUSY_WINDOW_MS = 10_000;
/** Longest wait between batches for requests in flight; then a batch goes anyway, so the demo always advances. */
const MAX_YIELD_MS = 2000;
/** Rows per admitMembers call: a 21-column INSERT must stay under the protocol's 65,535 parameters. */
const ADMIT_CHUNK = 2000;
/** The demo world's last day, as for the organisations (builder.ts): nobody joins after it. */
const LAST_JOIN = dayNumber('2023-06-30');
const ADULT_DAYS = Math.ceil(18 * 365.25);
const MINOR_WORKER_DAYS = Math.ceil(16 * 365.25) + 1;

const gigForms: readonly (readonly [EmploymentForm, number])[] = [
  ['delivery_rider', 35],
  ['courier', 30],
  ['ride_hailing', 15],
  ['truck_driver', 10],
  ['other_gig', 10],
];
/** Share of gig workers by union kind: joint unions (联合工会) are where riders and couriers are organised. */
const gigShare: Readonly<Record<string, number>> = { joint_union: 0.35, grassroots_union: 0.025 };

/** Waits for the event loop to answer what came in, then (briefly) for requests still in flight. */
async function yieldToRequests(http: HttpActivity | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const until = performance.now() + MAX_YIELD_MS;
  while (http && http.inFlight() > 0 && performance.now() < until) await sleep(5);
}

/** The next batch's size: small while the server is in use (a console open polls demo-status), large when idle. */
function nextBatchSize(http: HttpActivity | undefined): number {
  return http && performance.now() - http.lastRequestAt() < BUSY_WINDOW_MS ? BUSY_BATCH : IDLE_BATCH;
}

/**
 * Adds demo members to a district (东城 by default) until it has exactly `target`, spread over its grassroots and
 * joint unions in proportion to the staff of the employers each covers (入会率 60–85%, varying per union, never
 * above a union's covered staff), then (with `extras`) a few hundred pending applications, two outreach meetings and
 * pending transfers. Each batch is one transaction through `admitMembers` (cards, history at the join date, roll-up),
 * so a crash leaves whole batches and the next call carries on; a district already at its target gets nothing.
 */
export async function seedDemoMembers(deps: Deps, options: DemoMembersOptions = {}): Promise<{ members: number; ms: number }> {
  const started = performance.now();
  const db = deps.db;
  const district = await findDistrict(db, options.districtId);
  if (!district) return { members: 0, ms: 0 };
  const unions = await loadUnions(db, district.path);
  const random = districtRandom(options.seed, district);
  const quotas = memberQuotas(random.fork('rates'), unions, options.target ?? defaultTarget(district, unions, random));
  const target = quotas.reduce((a, b) => a + b, 0);
  if (target <= 0) return { members: 0, ms: 0 };
  const existing = await countMembers(db, district.path);
  const people = new PeopleGenerator(random.fork('people'), district.regionCode);
  // The plan is the same on every call, whatever is already there: a restart finds its own members and skips them.
  const plan = existing < target ? planMembers(random.fork('plan'), people, unions, quotas) : [];
  let written = 0;
  let start = 0;
  while (start < plan.length && existing + written < target) {
    options.signal?.throwIfAborted();
    const batch = plan.slice(start, start + (options.batchSize ?? nextBatchSize(options.http)));
    start += batch.length;
    const room = target - existing - written;
    written += await db.transaction().execute(async (tx) => {
      const bidxs = batch.map((p) => deps.cipher.blindIndex('id_number', p.person.idNumber));
      const present = await presentIdIndexes(tx, bidxs);
      const fresh = batch.filter((_, i) => !present.has(bidxs[i] ?? '')).slice(0, room);
      const admissions: Admission[] = fresh.map((p) => ({
        person: sealPerson(deps.cipher, p.person),
        employerId: p.employer.id,
        employerName: p.employer.name,
        employmentForm: p.form,
        org: { id: p.union.id, path: p.union.path },
        joinDate: p.joinDate,
        joinedInThePast: true,
      }));
      for (let i = 0; i < admissions.length; i += ADMIT_CHUNK) await admitMembers(tx, null, admissions.slice(i, i + ADMIT_CHUNK));
      return admissions.length;
    });
    options.onProgress?.(existing + written, target);
    // PGlite is one connection, run on this thread: requests that queued up meanwhile go first.
    await yieldToRequests(options.http);
  }
  options.signal?.throwIfAborted();
  const extras = (options.extras ?? true) && (await seedMemberExtras(deps, { district, unions, people, random: random.fork('extras') }));
  // PGlite runs no autovacuum: without statistics the planner would guess on a large table of members.
  if (written > 0 || extras) await sql`ANALYZE member, member_status_history, member_application`.execute(db);
  return { members: written, ms: Math.round(performance.now() - started) };
}

/** A district's own random stream (东城 keeps the one it always had), so no two districts get the same people. */
function districtRandom(seed: number | undefined, district: DemoDistrict): Random {
  const members = createRandom(seed ?? DEFAULT_DEMO_SEED).fork('members');
  return district.regionCode === DONGCHENG_CODE ? members : members.fork(district.regionCode);
}

/** A district's members when no target is given: each union's own rate; a life-size 东城 stops at its reported 17.9万. */
function defaultTarget(district: DemoDistrict, unions: readonly DemoUnion[], random: Random): number | undefined {
  if (district.regionCode !== DONGCHENG_CODE || district.kind !== 'district_federation') return undefined;
  const natural = memberQuotas(random.fork('rates'), unions, undefined).reduce((a, b) => a + b, 0);
  return natural > DEMO_MEMBER_TARGET ? DEMO_MEMBER_TARGET : undefined;
}

export type CityDemoMembersOptions = Pick<DemoMembersOptions, 'seed' | 'batchSize' | 'onProgress' | 'signal' | 'http'> & {
  /** The city's member total, split over the districts by covered staff; each union's own rate when absent. */
  total?: number;
};

/**
 * Demo members for the whole city: every district federation and city industry union in id order (东城 first, with
 * its review queue and transfer desk), each union at a rate of its own. Progress counts over the city.
 */
export async function seedCityDemoMembers(deps: Deps, options: CityDemoMembersOptions = {}): Promise<{ members: number; ms: number }> {
  const started = performance.now();
  const tops = await deps.db
    .selectFrom('org_unit')
    .select(['id', 'path', 'region_code'])
    .where('kind', 'in', ['district_federation', 'industry_union'])
    .where('parent_id', '=', (eb) => eb.selectFrom('org_unit').select('id').where('parent_id', 'is', null).limit(1))
    .orderBy(sql`region_code = ${DONGCHENG_CODE}`, 'desc')
    .orderBy('id')
    .execute();
  const targets: (number | undefined)[] = [];
  const natural: number[] = [];
  const staff: number[] = [];
  for (const top of tops) {
    const district = await findDistrict(deps.db, top.id);
    const unions = district ? await loadUnions(deps.db, district.path) : [];
    const random = district ? districtRandom(options.seed, district) : createRandom(0);
    const fixed = district ? defaultTarget(district, unions, random) : undefined;
    natural.push(fixed ?? memberQuotas(random.fork('rates'), unions, undefined).reduce((a, b) => a + b, 0));
    staff.push(unions.reduce((sum, u) => sum + u.staff, 0));
  }
  if (options.total === undefined) targets.push(...natural);
  else
    targets.push(
      ...apportionCapped(
        Math.min(
          options.total,
          staff.reduce((a, b) => a + b, 0),
        ),
        staff,
        staff,
      ),
    );
  const total = targets.reduce<number>((a, b) => a + (b ?? 0), 0);
  let before = 0;
  let members = 0;
  for (const [i, top] of tops.entries()) {
    const target = targets[i] ?? 0;
    if (target > 0) {
      const r = await seedDemoMembers(deps, {
        seed: options.seed,
        batchSize: options.batchSize,
        signal: options.signal,
        http: options.http,
        districtId: top.id,
        target,
        extras: top.region_code === DONGCHENG_CODE,
        onProgress: (n) => options.onProgress?.(before + n, total),
      });
      members += r.members;
    }
    before += target;
    options.onProgress?.(before, total);
  }
  return { members, ms: Math.round(performance.now() - started) };
}

async function findDistrict(db: Kysely<DB>, districtId: number | undefined): Promise<DemoDistrict | undefined> {
  let q = db.selectFrom('org_unit').select(['id', 'path', 'kind', 'region_code']);
  q =
    districtId === undefined
      ? q.where('kind', '=', 'district_federation').where('region_code', '=', DONGCHENG_CODE)
      : q.where('id', '=', districtId).where('kind', 'in', ['district_federation', 'industry_union']);
  const row = await q.orderBy('id').executeTakeFirst();
  if (!row) return undefined;
  if (row.kind === 'industry_union') {
    // The city's industry unions (region 110000) recruit everywhere: ID numbers of a former county or district each.
    const { rank } = await db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<number>().as('rank'))
      .where('kind', '=', 'industry_union')
      .where('id', '<', row.id)
      .executeTakeFirstOrThrow();
    return { id: row.id, path: row.path, kind: row.kind, regionCode: FORMER_DIVISIONS[Number(rank) % FORMER_DIVISIONS.length]! };
  }
  const regionCode = row.region_code && /^\d{6}$/.test(row.region_code) ? row.region_code : DONGCHENG_CODE;
  return { id: row.id, path: row.path, kind: row.kind, regionCode };
}

async function countMembers(db: Kysely<DB>, districtPath: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM member WHERE status = 'member' AND org_path <@ ${districtPath}::ltree`.execute(db);
  return rows[0]?.n ?? 0;
}

async function presentIdIndexes(db: Kysely<DB>, bidxs: string[]): Promise<Set<string>> {
  const { rows } = await sql<{ bidx: string }>`
    SELECT id_number_bidx AS bidx FROM member WHERE id_number_bidx = ANY(${bidxs}::text[])`.execute(db);
  return new Set(rows.map((r) => r.bidx));
}

/** The district's grassroots and joint unions in id order, each with the employers it covers (id order). */
export async function loadUnions(db: Kysely<DB>, districtPath: string): Promise<DemoUnion[]> {
  const { rows: unionRows } = await sql<{ id: number; path: string; kind: string; street_id: number | null; created_at: string }>`
    SELECT u.id, u.path::text AS path, u.kind, u.created_at,
           (SELECT s.id FROM org_unit s WHERE s.kind = 'street_federation' AND u.path <@ s.path LIMIT 1) AS street_id
      FROM org_unit u
     WHERE u.path <@ ${districtPath}::ltree AND u.kind IN ('grassroots_union', 'joint_union')
     ORDER BY u.id`.execute(db);
  const { rows: employerRows } = await sql<DemoEmployer & { union_org_id: number }>`
    SELECT e.id, e.name, e.headcount, e.union_org_id
      FROM employer e JOIN org_unit u ON u.id = e.union_org_id
     WHERE u.path <@ ${districtPath}::ltree AND u.kind IN ('grassroots_union', 'joint_union')
     ORDER BY e.id`.execute(db);
  const unions = unionRows.map((u) => ({
    id: u.id,
    path: u.path,
    kind: u.kind,
    streetId: u.street_id,
    createdDay: dayNumber(u.created_at),
    employers: [] as DemoEmployer[],
    staff: 0,
  }));
  const byId = new Map(unions.map((u) => [u.id, u]));
  for (const e of employerRows) {
    const union = byId.get(e.union_org_id);
    if (!union) continue;
    union.employers.push({ id: e.id, name: e.name, headcount: e.headcount });
    union.staff += e.headcount;
  }
  return unions;
}

/**
 * Splits `total` over parts in proportion to `weights` without any part exceeding its cap: whatever a capped
 * part cannot take is spread again over the parts with room left.
 */
export function apportionCapped(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const room = caps.reduce((a, b) => a + b, 0);
  if (total > room) throw new Error(`cannot place ${total} members: the unions cover only ${room} staff`);
  const parts = weights.map(() => 0);
  let left = total;
  let open = weights.map((_, i) => i).filter((i) => (caps[i] ?? 0) > 0);
  while (left > 0) {
    const openWeights = open.map((i) => weights[i] ?? 0);
    // Once only weightless parts have room, they fill by their caps.
    const shares = apportion(left, openWeights.some((w) => w > 0) ? openWeights : open.map((i) => caps[i] ?? 0));
    open.forEach((i, k) => {
      const take = Math.min(shares[k] ?? 0, (caps[i] ?? 0) - (parts[i] ?? 0));
      parts[i] = (parts[i] ?? 0) + take;
      left -= take;
    });
    open = open.filter((i) => (parts[i] ?? 0) < (caps[i] ?? 0));
  }
  return parts;
}

/**
 * How many members each union gets: its covered staff times a rate of its own (60–85%), or, with a `target`, that
 * target split in the same proportions (never above a union's covered staff).
 */
export function memberQuotas(random: Random, unions: readonly DemoUnion[], target: number | undefined): number[] {
  const rates = unions.map(() => RATE_LOW + (RATE_HIGH - RATE_LOW) * ((random.next() + random.next()) / 2));
  if (target === undefined) return unions.map((u, i) => Math.round(u.staff * (rates[i] ?? 0)));
  return apportionCapped(
    target,
    unions.map((u, i) => u.staff * (rates[i] ?? 0)),
    unions.map((u) => u.staff),
  );
}

/**
 * Who joins where: each union its quota, each employer of the union in proportion to its headcount; people get ages
 * that fit their work and a join date after their union's founding and their 18th birthday. Sorted by join date, so
 * member ids follow the order people joined in.
 */
export function planMembers(
  random: Random,
  people: PeopleGenerator,
  unions: readonly DemoUnion[],
  quotas: readonly number[],
): PlannedMember[] {
  const plan: { member: PlannedMember; day: number; order: number }[] = [];
  unions.forEach((union, u) => {
    const perEmployer = apportion(
      quotas[u] ?? 0,
      union.employers.map((e) => e.headcount),
    );
    union.employers.forEach((employer, e) => {
      for (let n = 0; n < (perEmployer[e] ?? 0); n++) plan.push({ ...planMember(random, people, union, employer), order: plan.length });
    });
  });
  plan.sort((a, b) => a.day - b.day || a.order - b.order);
  return plan.map((p) => p.member);
}

/**
 * One member of `union` working at `employer`: gig work as common as the union's kind makes it, a person of a
 * fitting age, and a join date between the union's founding (or the person's coming of age) and the demo's last day.
 */
export function planMember(
  random: Random,
  people: PeopleGenerator,
  union: DemoUnion,
  employer: DemoEmployer,
): { member: PlannedMember; day: number } {
  const form: EmploymentForm = random.chance(gigShare[union.kind] ?? 0) ? random.weighted(gigForms) : 'standard';
  // Riders and drivers are younger than office staff.
  const person = form === 'standard' ? people.next() : people.next({ fromDay: dayNumber('1972-01-01'), toDay: dayNumber('2003-12-31') });
  const birth = dayNumber(person.birthDate);
  const adult = birth + ADULT_DAYS <= LAST_JOIN ? birth + ADULT_DAYS : birth + MINOR_WORKER_DAYS;
  // Unions founded after the demo's last day (built in tests) take members on that day.
  const from = Math.max(Math.min(union.createdDay, LAST_JOIN), adult);
  const day = from >= LAST_JOIN ? LAST_JOIN : from + Math.floor(random.next() * (LAST_JOIN - from + 1));
  return { member: { person, union, employer, form, joinDate: dayString(day) }, day };
}

type Log = { info(message: string): void; error(details: { err: unknown }, message: string): void };

/** How long after the server is ready the demo members start arriving. */
export const DEMO_MEMBERS_START_DELAY_MS = 5000;

/**
 * Starts seedCityDemoMembers without waiting for it, logging about every 10% and the outcome, and keeping
 * `deps.demoStatus` (GET /api/public/demo-status) up to date: loading from now until it ends, stops or fails.
 * `stop()` aborts it between batches and resolves once the batch in flight has committed, so the database can close.
 */
export function runDemoMembersInBackground(deps: Deps, log: Log, total: number | undefined): { stop(): Promise<void> } {
  const controller = new AbortController();
  const count = (n: number) => n.toLocaleString('en-US');
  let tenth = -1;
  let done = 0;
  deps.demoStatus.loading = true;
  deps.demoStatus.percent = 0;
  // A few seconds' grace first: a newcomer's first page and health check are answered before batches start.
  const running = sleep(DEMO_MEMBERS_START_DELAY_MS, undefined, { signal: controller.signal })
    .then(() =>
      seedCityDemoMembers(deps, {
        total,
        signal: controller.signal,
        http: deps.http,
        onProgress: (n, all) => {
          done = n;
          // 100 only once everything (the review queue too) is in.
          deps.demoStatus.percent = all > 0 ? Math.min(99, Math.floor((n / all) * 100)) : 99;
          const now = all > 0 ? Math.floor((n / all) * 10) : 10;
          if (now > tenth) log.info(`demo members: ${count(n)} / ${count(all)}`);
          tenth = Math.max(tenth, now);
        },
      }),
    )
    .then(async (r) => {
      if (r.members > 0) log.info(`demo members: ${count(r.members)} added in ${(r.ms / 1000).toFixed(1)} s`);
      await deps.db
        .insertInto('app_setting')
        .values({ key: DEMO_MEMBERS_DONE, value: new Date().toISOString() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      await (await import('./points-programmes.js')).seedPointsProgrammes(deps.db); // 党心e家's awards, now its members exist (#12)
      await (await import('./events.js')).seedEvents(deps.db); // the demo events' sign-ups (#13)
      await (await import('./events.js')).seedEventGuests(deps.db, deps.cipher); // named gig workers (非会员, #13)
      await (await import('./training.js')).seedTraining(deps.db); // the 送教 sessions' attendance (#13)
      await (await import('./competitions.js')).seedCompetitions(deps.db); // the poetry contest, dragon boats, football (#14)
      await (await import('./matchmaking.js')).seedMatchmaking(deps.db, deps.cipher); // 燕缘际会: profiles, tasks, ranking (#14)
      await (await import('./ledgers.js')).seedLedgers(deps.db); // the seed pages' unions' 工作台账, through the report import (#15)
    })
    .catch((error: unknown) => {
      if (controller.signal.aborted) log.info(`demo members: stopped at ${count(done)}; the next start carries on`);
      else log.error({ err: error }, 'demo members failed');
    })
    .finally(() => {
      deps.demoStatus.loading = false;
      deps.demoStatus.percent = 100;
    });
  return {
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}
