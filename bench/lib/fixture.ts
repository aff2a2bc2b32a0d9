/**
 * The benchmark world: the Beijing demo tree (26k organisations, 125k employers) and `members` members spread
 * over every grassroots and joint union of the city in proportion to the staff it covers — real encrypted,
 * blind-indexed, masked personal data, card numbers, the roll-up rebuilt. Members are written directly in large
 * batches (a fixture, not a model of how members join: the import benchmark measures that pipeline).
 */
import { sql } from 'kysely';
import { bootstrap } from '../../src/server/bootstrap.js';
import type { Database } from '../../src/server/db/client.js';
import { DONGCHENG_CODE } from '../../src/server/seed/beijing.js';
import { bulkInsert, withIndexesDeferred, type Column, type Value } from '../../src/server/seed/load.js';
import { loadUnions, planMember, type DemoUnion } from '../../src/server/seed/members.js';
import { PeopleGenerator } from '../../src/server/seed/people.js';
import { createRandom } from '../../src/server/seed/random.js';
import { checkPiiKey, createDeps, type Deps } from '../../src/server/deps.js';
import { vacuumDue } from '../../src/server/db/maintenance.js';
import { rebuildCoverage } from '../../src/server/modules/coverage/coverage.rollup.js';
import { sealPerson } from '../../src/server/modules/members/members.person.js';
import { regionOfPath } from '../../src/server/auth/tree.js';
import { pinyinKey } from '../../src/server/modules/orgs/orgs.service.js';
import { say, type Store } from './context.js';

/** Same seed, same members: runs compare like with like. */
const BENCH_SEED = 20261121;

export type Fixture = {
  database: Database;
  deps: Deps;
  /** 东城's district federation. */
  district: { id: number; path: string };
  /** A street federation of 东城. */
  street: { id: number; path: string };
  /** A grassroots union under that street, with members. */
  union: { id: number; path: string };
  /** Members in the whole city now. */
  members: number;
  /** Some members of 东城 in plaintext, for searches: their ID number, phone and name. */
  samples: { memberId: number; idNumber: string; phone: string; name: string }[];
};

/** Members per COPY / INSERT batch. */
const BATCH = 50_000;
/** Plaintext samples kept from 东城 for the search and HTTP benchmarks. */
const SAMPLES = 2000;

const memberColumns: readonly Column[] = [
  { name: 'region_id', type: 'bigint' },
  { name: 'name', type: 'text' },
  { name: 'name_pinyin', type: 'text' },
  { name: 'id_number_enc', type: 'text' },
  { name: 'id_number_bidx', type: 'text' },
  { name: 'id_number_masked', type: 'text' },
  { name: 'phone_enc', type: 'text' },
  { name: 'phone_bidx', type: 'text' },
  { name: 'phone_masked', type: 'text' },
  { name: 'gender', type: 'text' },
  { name: 'birth_date', type: 'date' },
  { name: 'employer_id', type: 'bigint' },
  { name: 'employer_name', type: 'text' },
  { name: 'employment_form', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'org_id', type: 'bigint' },
  { name: 'org_path', type: 'ltree' },
  { name: 'join_date', type: 'date' },
  { name: 'card_no', type: 'text' },
  { name: 'card_status', type: 'text' },
  { name: 'card_version', type: 'integer' },
  { name: 'card_issued_at', type: 'timestamptz' },
];

type Placed = DemoUnion & { generator: PeopleGenerator; district: { id: number; path: string } };

export type GrowableFixture = Fixture & {
  /** Adds members until the city has `to`; seconds taken. */
  grow(to: number): Promise<number>;
  close(): Promise<void>;
};

/** Seeds the demo tree into the (empty) store, then `members` members. */
export async function loadFixture(store: Store, members: number): Promise<GrowableFixture> {
  const database = await store.open();
  const config = { ...store.config, seedDemo: true, demoScale: 1 };
  await bootstrap(database, config);
  const deps = createDeps(database, config);
  await checkPiiKey(deps.db, deps.cipher);
  const db = database.db;
  const random = createRandom(BENCH_SEED).fork('bench-members');

  // Every grassroots and joint union of the city with the employers it covers; one people generator per district
  // (its region code in the ID numbers), so ID numbers never repeat across the city.
  const districts = await db
    .selectFrom('org_unit')
    .select(['id', 'path', 'region_code'])
    .where('kind', '=', 'district_federation')
    .orderBy('id')
    .execute();
  const unions: Placed[] = [];
  for (const d of districts) {
    const generator = new PeopleGenerator(random.fork(`people-${d.id}`), d.region_code ?? DONGCHENG_CODE);
    for (const u of await loadUnions(db, d.path)) if (u.staff > 0) unions.push({ ...u, generator, district: { id: d.id, path: d.path } });
  }
  const unionPick = cumulative(unions.map((u) => u.staff));
  const employerPicks = new Map(unions.map((u) => [u.id, cumulative(u.employers.map((e) => e.headcount))]));
  const dongcheng = districts.find((d) => d.region_code === DONGCHENG_CODE) ?? districts[0]!;
  const home = unions.filter((u) => u.district.id === dongcheng.id).sort((a, b) => b.staff - a.staff)[0]!;
  const street = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', '=', home.streetId ?? dongcheng.id)
    .executeTakeFirstOrThrow();

  const pinyinCache = new Map<string, string>();
  const samples: (Fixture['samples'][number] & { bidx: string })[] = [];
  let count = 0;

  async function grow(to: number): Promise<number> {
    const started = performance.now();
    const issuedAt = new Date().toISOString();
    await db.transaction().execute(async (tx) => {
      await withIndexesDeferred(tx, ['member'], async () => {
        while (count < to) {
          const rows: Value[][] = [];
          for (const end = Math.min(to, count + BATCH); count < end; count++) {
            const union = unions[pick(unionPick, random.next())]!;
            const employer = union.employers[pick(employerPicks.get(union.id)!, random.next())]!;
            const { member } = planMember(random, union.generator, union, employer);
            const person = sealPerson(deps.cipher, member.person);
            let py = pinyinCache.get(person.name);
            if (py === undefined) pinyinCache.set(person.name, (py = pinyinKey(person.name)));
            rows.push([
              regionOfPath(union.path),
              person.name,
              py,
              person.id_number_enc,
              person.id_number_bidx,
              person.id_number_masked,
              person.phone_enc,
              person.phone_bidx,
              person.phone_masked,
              person.gender,
              person.birth_date,
              employer.id,
              employer.name,
              member.form,
              'member',
              union.id,
              union.path,
              member.joinDate,
              `GH11${String(count + 1).padStart(10, '0')}`,
              'active',
              1,
              issuedAt,
            ]);
            if (samples.length < SAMPLES && union.district.id === dongcheng.id)
              samples.push({
                memberId: 0,
                idNumber: member.person.idNumber,
                phone: member.person.phone,
                name: person.name,
                bidx: person.id_number_bidx,
              });
          }
          await bulkInsert(database, tx, 'member', memberColumns, rows);
          say(`fixture: ${count.toLocaleString('en')} / ${to.toLocaleString('en')} members`);
        }
      });
      await sql`SELECT setval('member_card_seq', ${count})`.execute(tx);
      // One person, one member: the city-wide claims the application takes one by one, written here at once.
      await sql`INSERT INTO member_claim (id_number_bidx, region_id, member_id)
        SELECT m.id_number_bidx, m.region_id, m.id FROM member m
         WHERE NOT EXISTS (SELECT 1 FROM member_claim c WHERE c.id_number_bidx = m.id_number_bidx)`.execute(tx);
      say('fixture: rebuilding the roll-up');
      await rebuildCoverage(tx);
    });
    // What a PostgreSQL server's autovacuum, or the embedded server's maintenance tick, does after a bulk load: the
    // pages all-visible for index-only scans, the statistics fresh (#16).
    say('fixture: vacuum and analyse');
    await vacuumDue(db);
    return (performance.now() - started) / 1000;
  }

  await grow(members);
  const ids = await db
    .selectFrom('member')
    .select(['id', 'id_number_bidx'])
    .where(
      'id_number_bidx',
      'in',
      samples.map((s) => s.bidx),
    )
    .execute();
  const idByBidx = new Map(ids.map((r) => [r.id_number_bidx, r.id]));
  const fixture: GrowableFixture = {
    database,
    deps,
    district: { id: dongcheng.id, path: dongcheng.path },
    street: { id: street.id, path: street.path },
    union: { id: home.id, path: home.path },
    get members() {
      return count;
    },
    samples: samples.map(({ bidx, ...s }) => ({ ...s, memberId: idByBidx.get(bidx) ?? 0 })),
    grow,
    close: () => database.close(),
  };
  return fixture;
}

/** Running totals of `weights`, for picking by weight with a binary search. */
function cumulative(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (sums[i] = total += w));
  return sums;
}

/** Index of the weight that `u` in [0, 1) falls in. */
function pick(sums: Float64Array, u: number): number {
  const target = u * (sums[sums.length - 1] ?? 0);
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sums[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
