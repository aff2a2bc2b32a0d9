import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isKey, isOneOf, moveToRegion } from '../../db/regions.js';
import type { DB, MemberTable } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import type { Selectable, SelectQueryBuilder } from 'kysely';
import { inScope, provenInScope, scopeWithin, type InScope, type OrgScope } from '../../auth/scope.js';
import { isRootPath, regionOfPath } from '../../auth/tree.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import type { EmploymentForm, MemberStatus } from '../../../common/members.js';
import { AppError } from '../../../common/errors.js';
import { LIST_TOTAL_BOUND, type ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';

/** What a member export writes of each member, and the member's key: the head of every member read. */
const exportColumns = [
  'm.region_id',
  'm.id',
  'm.name',
  'm.id_number_masked',
  'm.phone_masked',
  'm.gender',
  'm.birth_date',
  'm.employer_name',
  'm.employment_form',
  'm.status',
  'm.join_date',
  'm.card_no',
  'm.org_id',
] as const;

const memberColumns = [...exportColumns, 'm.employer_id', 'm.org_path', 'm.card_status', 'm.card_version', 'm.version'] as const;

/** Names a member row: its region (the distribution key) and id. */
export type MemberKey = { region_id: number; id: number };

function selectMembers(db: Executor) {
  return withUnionName(db.selectFrom('member as m'));
}

/** The member row with its primary union's name. */
function withUnionName(query: SelectQueryBuilder<DB & { m: MemberTable }, 'm', object>) {
  return query.innerJoin('org_unit as o', 'o.id', 'm.org_id').select([...memberColumns, 'o.name as org_name']);
}
/** A member as every read of this repo returns it: derived from the query, so it cannot drift from the schema. */
export type MemberRow = Awaited<ReturnType<ReturnType<typeof selectMembers>['executeTakeFirstOrThrow']>>;

/** A member whose primary affiliation, or a secondary one, lies inside the scope. */
function memberInScope(scope: OrgScope) {
  return sql<boolean>`(${primaryInScope(scope)} OR EXISTS (
    SELECT 1 FROM member_affiliation a
     WHERE a.region_id = m.region_id AND a.member_id = m.id AND ${inScope(scope, sql.ref('a.org_path'))}))`;
}

/**
 * A member whose primary union lies inside the scope: in the scope's regions, so one shard per region; a district's
 * whole subtree by its region key alone (member_region_check).
 */
function primaryInScope(scope: OrgScope) {
  return inScope(scope, sql.ref('m.org_path'), sql.ref('m.region_id'), { regionChecked: true });
}

/**
 * A member inside the scope. `primaryOnly`: only through the member's primary union — a secondary affiliation lets a
 * union see the masked record, never change it or reveal its personal data.
 */
export async function findMemberInScope(
  db: Executor,
  scope: OrgScope,
  id: number,
  forUpdate = false,
  primaryOnly = false,
): Promise<InScope<MemberRow> | undefined> {
  const inScopeHere = primaryOnly ? primaryInScope(scope) : memberInScope(scope);
  if (!forUpdate) {
    // Through the primary union first: it names the scope's regions (one shard for a district cadre). Only a member
    // not found there is looked for through a secondary affiliation, which names no region (every shard).
    const primary = await selectMembers(db).where('m.id', '=', id).where(primaryInScope(scope)).executeTakeFirst();
    if (primary || primaryOnly) return primary && provenInScope(primary);
    const row = await selectMembers(db).where('m.id', '=', id).where(inScopeHere).executeTakeFirst();
    return row && provenInScope(row);
  }
  // Never `FOR UPDATE` across regions (a city-wide scope, a secondary affiliation, grants in several districts): the
  // member's region is read first in the same scope, then the row is locked in that region.
  const seen = await db.selectFrom('member as m').select('m.region_id').where('m.id', '=', id).where(inScopeHere).executeTakeFirst();
  if (!seen) return undefined;
  const row = await selectMembers(db)
    .where('m.region_id', '=', seen.region_id)
    .where('m.id', '=', id)
    .where(inScopeHere)
    .forUpdate('m')
    .executeTakeFirst();
  return row && provenInScope(row);
}

/**
 * Who holds these ID numbers (by blind index), whatever their union: for de-duplication and transfer matching only,
 * never returned as such. The city-wide claim says in which region each member lives; their rows are then read —
 * and locked — in those regions only (never `FOR UPDATE` across regions).
 */
export async function findMembersByIdIndexes(db: Executor, bidxs: readonly string[], forUpdate = true) {
  if (bidxs.length === 0) return [];
  // One array parameter each, not one per value: an import batch asks for a thousand at once.
  const claims = await db
    .selectFrom('member_claim')
    .select(['region_id', 'member_id'])
    .where('id_number_bidx', '=', sql<string>`ANY(${[...bidxs]}::text[])`)
    .execute();
  const byRegion = new Map<number, number[]>();
  for (const c of claims) {
    const ids = byRegion.get(c.region_id);
    if (ids) ids.push(c.member_id);
    else byRegion.set(c.region_id, [c.member_id]);
  }
  const rows = [];
  for (const [region, ids] of [...byRegion].sort(([a], [b]) => a - b)) {
    let q = selectMembers(db)
      .select('m.id_number_bidx')
      .where('m.region_id', '=', region)
      .where('m.id', '=', sql<number>`ANY(${ids}::bigint[])`)
      .orderBy('m.id');
    if (forUpdate) q = q.forUpdate('m');
    rows.push(...(await q.execute()));
  }
  return rows;
}

export async function findMemberByIdIndex(db: Executor, bidx: string, forUpdate = false) {
  const [row] = await findMembersByIdIndexes(db, [bidx], forUpdate);
  return row;
}

/**
 * Claims ID numbers for new members, city-wide (one person, one member). A claim another transaction holds already
 * (a concurrent admission of the same person) makes the whole admission fail as a conflict, so nobody is counted
 * twice; callers claim before they insert, with the ids the members will get.
 */
export async function claimIdNumbers(tx: Executor, claims: readonly { id_number_bidx: string; region_id: number; member_id: number }[]) {
  if (claims.length === 0) return;
  const { rows } = await sql<{ n: number }>`
    WITH claimed AS (
      INSERT INTO member_claim (id_number_bidx, region_id, member_id)
      SELECT * FROM unnest(${claims.map((c) => c.id_number_bidx)}::text[], ${claims.map((c) => c.region_id)}::bigint[],
                           ${claims.map((c) => c.member_id)}::bigint[])
      ON CONFLICT (id_number_bidx) DO NOTHING
      RETURNING 1)
    SELECT count(*)::int AS n FROM claimed`.execute(tx);
  if (rows[0]?.n !== claims.length) throw new AppError('CONFLICT');
}

/** New member ids, taken before the rows are written so that their claims can name them. */
export async function nextMemberIds(tx: Executor, count: number): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await sql<{ n: number }>`SELECT nextval('member_id_seq') AS n FROM generate_series(1, ${count})`.execute(tx);
  return rows.map((r) => r.n);
}

/** The blind indexes of the members whose primary union lies under `path` (in its region). */
export async function idIndexesUnder(db: Executor, region: number, path: string): Promise<string[]> {
  const rows = await db
    .selectFrom('member')
    .select('id_number_bidx')
    .where('region_id', '=', region)
    .where(sql<SqlBool>`org_path <@ ${path}::ltree`)
    .execute();
  return rows.map((r) => r.id_number_bidx);
}

/** The region a member's claim names, after a move to another region. */
export async function moveClaims(tx: Executor, bidxs: readonly string[], region: number): Promise<void> {
  if (bidxs.length === 0) return;
  await tx
    .updateTable('member_claim')
    .set({ region_id: region })
    .where('id_number_bidx', 'in', [...bidxs])
    .execute();
}

/**
 * The node a member list is read under, if the scope reaches it, with its subtree's active members from the roll-up
 * (`members`: primary union there; `members_secondary`: affiliated there) — one look-up where the list needed two.
 */
export async function findListRoot(db: Executor, scope: OrgScope, orgId: number) {
  const row = await db
    .selectFrom('org_unit as o')
    .leftJoin('org_coverage as c', 'c.org_id', 'o.id')
    .select(['o.id', 'o.path', 'c.members', 'c.members_secondary'])
    .where('o.id', '=', orgId)
    .where(inScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

export type MemberSearch = {
  underPath: string;
  status: MemberStatus | undefined;
  employmentForm: EmploymentForm | undefined;
  match:
    | { kind: 'none' }
    | { kind: 'phone'; bidx: string }
    | { kind: 'phoneLast4'; digits: string }
    | { kind: 'idNumber'; bidx: string }
    | { kind: 'card'; cardNo: string }
    // `candidates`: every member of the primary query that can match, found by probeNameMatches (its result when the
    // probe was not full); the list and its total then read these rows by key instead of searching the subtree.
    // `atLeast`: the probe was full of members in scope, so the list holds at least that many (its total says so).
    // `inRanges`: the probe was full, but each index range of the prefix holds few enough members of the region that
    // the page reads the ranges (their ids, then the rows by key) rather than walking the region's ids newest first.
    | { kind: 'name'; prefix: string; candidates?: readonly number[]; atLeast?: number; inRanges?: boolean };
  order: MemberOrder;
  limit: number;
};

/** The order of a member list and where its page starts (the sort key of the last member of the page before). */
export type MemberOrder =
  { sort: 'newest'; after: number | undefined } | { sort: 'name' | 'joinDateAsc' | 'joinDateDesc'; after: [string, number] | undefined };

/** The name's sort key: the full pinyin in byte order, the expression of member_name_order_idx (0024_list_sort.sql). */
const NAME_KEY = sql<string>`(split_part(m.name_pinyin, ' ', 2) COLLATE "C")`;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The list's filters on the two queries of a subtree's members: primary union there, secondary affiliation there. */
function filteredMembers(db: Executor, scope: OrgScope, s: Omit<MemberSearch, 'order' | 'limit'>) {
  type Query = SelectQueryBuilder<DB & { m: MemberTable }, 'm', object>;
  const filtered = (query: Query, secondary = false): Query => {
    let q = query;
    if (s.status) q = q.where('m.status', '=', s.status);
    if (s.employmentForm) q = q.where('m.employment_form', '=', s.employmentForm);
    const m = s.match;
    if (m.kind === 'phone') q = q.where('m.phone_bidx', '=', m.bidx);
    // The visible end of the masked phone (member_phone_last4_idx).
    if (m.kind === 'phoneLast4') q = q.where('m.phone_masked', 'is not', null).where(sql<boolean>`right(m.phone_masked, 4) = ${m.digits}`);
    if (m.kind === 'idNumber') q = q.where('m.id_number_bidx', '=', m.bidx);
    if (m.kind === 'card') q = q.where('m.card_no', '=', m.cardNo);
    if (m.kind === 'name' && m.candidates && !secondary) q = q.where('m.id', '=', sql<number>`ANY(${[...m.candidates]}::bigint[])`);
    if (m.kind === 'name' && m.inRanges && !secondary) {
      // The same members as the name conditions below select in the region, found through the prefix's index ranges,
      // and those conditions left out: given both, PostgreSQL 18 (PGlite) intersected each range's index with the
      // ids (a BitmapOr) and read every match's row to sort them, where the ids alone let it walk the primary key
      // backwards and stop after the page (2-letter pinyin at 10M on PGlite, the page's p99 78–98 → 40–47 ms).
      q = q.where(
        'm.id',
        '=',
        sql<number>`ANY(ARRAY(${nameRanges(m.prefix, (_, match) => sql`SELECT m.id FROM member m WHERE ${regionOf(s.underPath)} AND ${match}`)}))`,
      );
    } else if (m.kind === 'name' && HAN.test(m.prefix)) {
      // The pinyin keys hold only a–z, 0–9 and a space: a prefix with Chinese characters can only match the name,
      // and one indexed condition lets the planner walk member_name_idx instead of scanning the subtree.
      q = q.where('m.name', 'like', `${escapeLike(m.prefix)}%`);
    } else if (m.kind === 'name') {
      const like = `${escapeLike(m.prefix)}%`;
      // The keys write ü as v (吕 → lv): a typed "lü" means the same.
      const key = like.toLowerCase().replace(/ü/g, 'v');
      q = q.where((eb) =>
        eb.or([eb('m.name', 'like', like), eb('m.name_pinyin', 'like', key), sql<boolean>`split_part(m.name_pinyin, ' ', 2) LIKE ${key}`]),
      );
    }
    return q;
  };
  // Below the root, the subtree lies in one region: named, so a distributed database reads one shard.
  const inRegion = isRootPath(s.underPath) ? sql<boolean>`true` : sql<boolean>`m.region_id = ${regionOfPath(s.underPath)}::bigint`;
  const within = scopeWithin(scope, s.underPath);
  const primary = filtered(db.selectFrom('member as m').where(primaryInScope(within)).where(inRegion));
  const secondary = filtered(
    db.selectFrom('member as m').where(({ exists, selectFrom }) =>
      exists(
        selectFrom('member_affiliation as a')
          .select('a.member_id')
          .whereRef('a.region_id', '=', 'm.region_id')
          .whereRef('a.member_id', '=', 'm.id')
          .where(inScope(within, sql.ref('a.org_path'))),
      ),
    ),
    true,
  );
  return { primary, secondary };
}

/** How many members a name search's probe reads at most from each index range, per member of the page asked for. */
const PROBE_PER_ROW = 20;

/**
 * Above how many members of the region in one index range of the prefix, per member of the page asked for, a name
 * search walks the region's ids newest first (filtering each by the prefix) rather than reading the ranges and sorting
 * their members by id. At 10M members (733,087 in 东城), "zr" — 3,016 members in its ranges — walked 203,799 ids for a
 * page of 50 (70 ms; 1.2 s with the pages not in memory), where its ranges took 4.5 ms; "zh" — 100,517 — took 428 ms by
 * its ranges and 1.9 ms by the walk. A walk reads about page × region ÷ matches ids, a range read its matches: for a
 * page of 50 they cost the same near ten thousand.
 */
const WALK_ABOVE_PER_ROW = 200;

/**
 * What a name search's probe found: every member of the subtree that matches, or — a range being full — perhaps not
 * all; `atLeast` then when that range alone held more members in scope than the bound, and `inRanges` when no range
 * holds more members of the region than `limit` × WALK_ABOVE_PER_ROW.
 */
export type NameProbe = { isComplete: true; ids: number[] } | { isComplete: false; atLeast: number | undefined; inRanges: boolean };

/** The region condition of a name search under `underPath`: the root's children (each a range of the index), else one. */
function regionOf(underPath: string): RawBuilder<boolean> {
  const root = regionOfPath(underPath);
  return isRootPath(underPath)
    ? sql<boolean>`m.region_id IN (SELECT o.id FROM org_unit o WHERE o.id = ${root}::bigint OR o.parent_id = ${root}::bigint)`
    : sql<boolean>`m.region_id = ${root}::bigint`;
}

/**
 * The index ranges of a name prefix, one query each (`range(branch, match)`), unioned: the name's and, for a prefix
 * without Chinese characters, the pinyin key's (initials first) and the full pinyin's — member_region_name_idx,
 * member_region_pinyin_idx (0061) and member_name_order_idx (0024), each led by the region.
 */
function nameRanges(prefix: string, range: (branch: string, match: RawBuilder<boolean>) => RawBuilder<unknown>) {
  const like = `${escapeLike(prefix)}%`;
  const ranges = [range('name', sql<boolean>`m.name LIKE ${like}`)];
  if (!HAN.test(prefix)) {
    const key = like.toLowerCase().replace(/ü/g, 'v');
    ranges.push(range('initials', sql<boolean>`m.name_pinyin LIKE ${key}`), range('full', sql<boolean>`${NAME_KEY} LIKE ${key}`));
  }
  return sql.join(ranges, sql` UNION ALL `);
}

/**
 * Every member whose primary union lies in the subtree (with the list's filters) and whose name or pinyin key starts
 * with `prefix`, when each index range of the prefix holds at most `limit` × PROBE_PER_ROW members of the subtree's
 * region(s); else whether the range read showed that many in scope, and whether the ranges are few enough to read.
 *
 * Each range is read in its index's order (region, key, id) and stops after its bound, so a rare prefix costs its
 * matches only — the planner, over-estimating them, would otherwise walk the subtree's ids newest first and filter
 * (half a million rows for `zxy` at 10M members). A full range is then counted up to `limit` × WALK_ABOVE_PER_ROW from the index alone:
 * below, the page reads the ranges; above, the prefix is common enough that walking the ids newest first finds a
 * page quickly. Either way every match in scope is found by paging: the probe's ids are all of them, or none are
 * used. A full probe only tells the total, and the way to the page.
 */
export async function probeNameMatches(
  db: Executor,
  scope: OrgScope,
  s: Omit<MemberSearch, 'match' | 'order'> & { prefix: string },
): Promise<NameProbe> {
  const bound = s.limit * PROBE_PER_ROW;
  const walkAbove = s.limit * WALK_ABOVE_PER_ROW;
  const region = regionOf(s.underPath);
  // The list's other filters too: the probe's ids are then exactly the members the list holds, and their number its total.
  const filters = sql.join(
    [
      sql`true`,
      ...(s.status ? [sql`m.status = ${s.status}`] : []),
      ...(s.employmentForm ? [sql`m.employment_form = ${s.employmentForm}`] : []),
    ],
    sql` AND `,
  );
  // Each range reads the region's index entries of the prefix, nothing else: given the district's path too, the
  // planner (which takes the path and its region for independent conditions) would intersect the range with the
  // district's whole path index (165 ms for "zh" at 1M members). Scope and filters are tested on what each range
  // reads, in the range: a district's scope is its region, a column of every range's index, so the range is read
  // from the index alone (2,002 members of "la" at 10M: 13 ms through the table, ≈ 1 ms without).
  const isMatch = sql<boolean>`${primaryInScope(scopeWithin(scope, s.underPath))} AND ${filters}`;
  const ranges = nameRanges(
    s.prefix,
    (branch, match) =>
      sql`(SELECT ${branch}::text AS branch, m.id, ${isMatch} AS is_match FROM member m WHERE ${region} AND ${match} LIMIT ${bound + 1})`,
  );
  const { rows } = await sql<{ branch: string; id: number; is_match: boolean }>`${ranges}`.execute(db);
  const read = new Map<string, number>();
  const matched = new Map<string, number>();
  for (const r of rows) {
    read.set(r.branch, (read.get(r.branch) ?? 0) + 1);
    if (r.is_match) matched.set(r.branch, (matched.get(r.branch) ?? 0) + 1);
  }
  if (![...read.values()].some((n) => n > bound))
    return { isComplete: true, ids: [...new Set(rows.filter((r) => r.is_match).map((r) => r.id))] };
  const atLeast = Math.max(0, ...matched.values());
  // How many ids each range holds, up to one past the walk's bound: its index's entries only (region, key, id).
  const counted = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (${nameRanges(
      s.prefix,
      (branch, match) => sql`(SELECT ${branch}::text AS branch FROM member m WHERE ${region} AND ${match} LIMIT ${walkAbove + 1})`,
    )}) AS r GROUP BY r.branch`.execute(db);
  return { isComplete: false, atLeast: atLeast > bound ? atLeast : undefined, inRanges: counted.rows.every((r) => r.n <= walkAbove) };
}

/** The secondary unions of the member row `p`, oldest id first, as `SecondaryOrg`s (names only, like the history's). */
const SECONDARY_ORGS = sql<SecondaryOrg[]>`coalesce((
  SELECT json_agg(json_build_object('id', a.org_id, 'name', o.name) ORDER BY a.org_id)
    FROM member_affiliation a JOIN org_unit o ON o.id = a.org_id
   WHERE a.region_id = p.region_id AND a.member_id = p.id), '[]'::json)`;

/** A row of a member list page: the member, its sort key by name and its secondary unions. */
export type MemberListRow = MemberRow & { name_key: string; secondary_orgs: SecondaryOrg[] };

/**
 * Members of a subtree, newest id first, keyset-paged: those whose primary union lies in it, and those with a
 * secondary affiliation there, each page with its members' secondary unions. Two index-friendly halves (rather than
 * one OR that would scan), each limited, joined in one statement (issue #16: one query per page) and merged by id.
 */
export async function listMembers(db: Executor, scope: OrgScope, s: MemberSearch, withSecondary = true): Promise<InScope<MemberListRow>[]> {
  const { primary, secondary } = filteredMembers(db, scope, s);
  const o = s.order;
  const paged = (query: typeof primary) => {
    let q = withUnionName(query)
      .select(NAME_KEY.as('name_key'))
      .limit(s.limit + 1);
    if (o.sort === 'newest') {
      q = q.orderBy('m.id', 'desc');
      if (o.after !== undefined) q = q.where('m.id', '<', o.after);
    } else if (o.sort === 'name') {
      q = q.orderBy(NAME_KEY).orderBy('m.id');
      if (o.after) q = q.where(sql<boolean>`(${NAME_KEY}, m.id) > (${o.after[0]} COLLATE "C", ${o.after[1]})`);
    } else {
      const direction = o.sort === 'joinDateAsc' ? 'asc' : 'desc';
      q = q.orderBy('m.join_date', direction).orderBy('m.id', direction);
      if (o.after)
        q = q.where(sql<boolean>`(m.join_date, m.id) ${sql.raw(direction === 'asc' ? '>' : '<')} (${o.after[0]}::date, ${o.after[1]})`);
    }
    return q;
  };
  // The secondary unions are looked up for the page's rows only: outside the limited halves.
  const halves = withSecondary ? sql`(${paged(primary)}) UNION ALL (${paged(secondary)})` : sql`${paged(primary)}`;
  // The page comes as one JSON value: decoded by one JSON.parse, where 50 rows of 21 columns were 1,050 fields for
  // the driver to decode one by one — a quarter of an embedded server's time on the list (issue #16). JSON keeps
  // each value's JS type as the row parsers give it: numbers, text, dates as YYYY-MM-DD.
  const { rows } = await sql<{ page: MemberListRow[] }>`
    SELECT coalesce(json_agg(q), '[]'::json) AS page
      FROM (SELECT p.*, ${SECONDARY_ORGS} AS secondary_orgs FROM (${halves}) AS p) AS q`.execute(db);
  const byId = new Map<number, MemberListRow>();
  for (const row of rows[0]?.page ?? []) byId.set(row.id, row);
  return [...byId.values()]
    .sort(compareFor(o.sort))
    .slice(0, s.limit + 1)
    .map(provenInScope);
}

/** The SQL order of a list in memory, for merging its primary and secondary members (pinyin is ASCII: byte order). */
function compareFor(sort: MemberOrder['sort']) {
  type Keyed = { id: number; name_key: string; join_date: string };
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const day = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));
  if (sort === 'name') return (x: Keyed, y: Keyed) => byText(x.name_key, y.name_key) || x.id - y.id;
  if (sort === 'joinDateAsc') return (x: Keyed, y: Keyed) => byText(day(x.join_date), day(y.join_date)) || x.id - y.id;
  if (sort === 'joinDateDesc') return (x: Keyed, y: Keyed) => byText(day(y.join_date), day(x.join_date)) || y.id - x.id;
  return (x: Keyed, y: Keyed) => y.id - x.id;
}

/**
 * One keyset page of a member export: the member list's rows under the same filters, newest id first, with only
 * the columns the file holds — its union's name comes apart (`unionNames`): joined here, the look-up of each row's
 * union took the database several times as long as reading the members (a million-row export, issue #16).
 *
 * `packed` reads each row as one JSON text instead of thirteen fields. That is for PGlite, whose protocol decoder
 * copies every field into a new buffer before decoding it: a quarter of a 1M-member export's time, and packed the
 * export ran at 1.8× the rows/s. node-postgres decodes fields as slices of its buffer; on PostgreSQL the JSON cost
 * more than it saved (≈ 10 % fewer rows/s, 45 MiB more peak RSS), so it reads the columns.
 */
export async function listMembersToExport(
  db: Executor,
  scope: OrgScope,
  s: Omit<MemberSearch, 'order'> & { after: number | undefined; packed: boolean },
) {
  const { primary, secondary } = filteredMembers(db, scope, s);
  const paged = async (query: typeof primary): Promise<ExportMemberRow[]> => {
    const ordered = query.orderBy('m.id', 'desc').limit(s.limit + 1);
    const page = s.after === undefined ? ordered : ordered.where('m.id', '<', s.after);
    if (!s.packed) return page.select(exportColumns).execute();
    const rows = await page
      .select(sql<string>`json_build_array(${sql.join(exportColumns.map((c) => sql.ref(c)))})::text`.as('r'))
      .execute();
    return rows.map((row) => exportRow(JSON.parse(row.r) as unknown[]));
  };
  const [a, b] = await Promise.all([paged(primary), paged(secondary)]);
  if (b.length === 0) return a.map(provenInScope);
  const byId = new Map(a.map((row) => [row.id, row]));
  for (const row of b) byId.set(row.id, row);
  return [...byId.values()]
    .sort((x, y) => y.id - x.id)
    .slice(0, s.limit + 1)
    .map(provenInScope);
}

/** A member export's row: `exportColumns`, named without their table's alias. */
export type ExportMemberRow = {
  [C in (typeof exportColumns)[number] as C extends `m.${infer K}` ? K : never]: C extends `m.${infer K extends keyof MemberTable}`
    ? Selectable<MemberTable>[K]
    : never;
};

const exportKeys = exportColumns.map((c) => c.slice('m.'.length));

/** A packed row (`json_build_array` of `exportColumns`, in their order: dates as `YYYY-MM-DD`, ids as numbers). */
function exportRow(values: readonly unknown[]): ExportMemberRow {
  // A loop, not Object.fromEntries: 0.7 s against 1.7 s a million rows.
  const row: Record<string, unknown> = {};
  for (let i = 0; i < exportKeys.length; i++) row[exportKeys[i]!] = values[i];
  return row as ExportMemberRow;
}

/** The names of these members' primary unions, by org id (names only, as the list shows them). */
export async function unionNames(db: Executor, members: readonly InScope<{ org_id: number }>[]): Promise<Map<number, string>> {
  const ids = [...new Set(members.map((m) => m.org_id))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('id', '=', sql<number>`ANY(${ids}::bigint[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How many members the list's filters hold (bounded; `beyond` answers above the bound, e.g. the roll-up). */
export function countMembers(
  db: Executor,
  scope: OrgScope,
  s: Omit<MemberSearch, 'order' | 'limit'>,
  withSecondary: boolean,
  beyond: () => Promise<ListTotal | null>,
): Promise<ListTotal> {
  // The probe found every member the primary query holds, with the same filters: no need to count them again.
  if (s.match.kind === 'name' && s.match.atLeast !== undefined) return Promise.resolve({ count: s.match.atLeast, kind: 'atLeast' });
  if (s.match.kind === 'name' && s.match.candidates && !withSecondary) {
    const count = s.match.candidates.length;
    return Promise.resolve(count <= LIST_TOTAL_BOUND ? { count, kind: 'exact' } : { count: LIST_TOTAL_BOUND, kind: 'atLeast' });
  }
  const { primary, secondary } = filteredMembers(db, scope, s);
  const ids = primary.select('m.id');
  if (!withSecondary) return boundedTotal(db, ids, beyond);
  // Those affiliated here whose primary union is not counted already: two disjoint parts, so UNION ALL, which the
  // bound can stop early (a UNION would read every id of the subtree to remove duplicates).
  const inRegion = isRootPath(s.underPath) ? sql<boolean>`true` : sql<boolean>`m.region_id = ${regionOfPath(s.underPath)}::bigint`;
  const secondaryOnly = secondary
    .select('m.id')
    .where(sql<boolean>`NOT (${primaryInScope(scopeWithin(scope, s.underPath))} AND ${inRegion})`);
  return boundedTotal(db, ids.unionAll(secondaryOnly), beyond);
}

export type SecondaryOrg = { id: number; name: string };

/** The secondary unions of these members, by member id, with their names (names only, like the history's). */
export async function listSecondaryOrgs(db: Executor, members: readonly InScope<MemberKey>[]): Promise<Map<number, SecondaryOrg[]>> {
  const map = new Map<number, SecondaryOrg[]>();
  if (members.length === 0) return map;
  const rows = await db
    .selectFrom('member_affiliation as a')
    .innerJoin('org_unit as o', 'o.id', 'a.org_id')
    .select(['a.member_id', 'a.org_id', 'o.name'])
    .where(isOneOf(members, 'a.region_id', 'a.member_id'))
    .orderBy('a.org_id')
    .execute();
  for (const r of rows) map.set(r.member_id, [...(map.get(r.member_id) ?? []), { id: r.org_id, name: r.name }]);
  return map;
}

/** A member's history with the unions' names (names only: a union outside the caller's view is still named). */
export async function listHistory(db: Executor, member: InScope<MemberKey>) {
  return db
    .selectFrom('member_status_history as h')
    .innerJoin('org_unit as o', 'o.id', 'h.org_id')
    .leftJoin('org_unit as f', 'f.id', 'h.from_org_id')
    .select(['h.at', 'h.event', 'h.org_id', 'o.name as org_name', 'h.from_org_id', 'f.name as from_org_name', 'h.reason'])
    .where('h.region_id', '=', member.region_id)
    .where('h.member_id', '=', member.id)
    .orderBy('h.id')
    .execute();
}

/** A new member row as admission writes it: ids taken beforehand (`nextMemberIds`), card issued now. */
export type NewMember = Pick<
  MemberTable,
  | 'region_id'
  | 'name'
  | 'id_number_enc'
  | 'id_number_bidx'
  | 'id_number_masked'
  | 'phone_enc'
  | 'phone_bidx'
  | 'phone_masked'
  | 'gender'
  | 'birth_date'
  | 'employer_id'
  | 'employer_name'
  | 'employment_form'
  | 'status'
  | 'org_id'
  | 'org_path'
  | 'join_date'
  | 'card_no'
> & { id: number; name_pinyin: string; card_status: 'none' | 'active' | 'revoked'; card_version: number };

/**
 * Writes new members in one statement whatever their number: one array per column through `unnest`, so a batch of a
 * thousand is 23 parameters, not 23,000 compiled and bound one by one.
 */
export async function insertMembers(tx: Executor, rows: readonly NewMember[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(pick: (r: NewMember) => T) => rows.map(pick);
  await sql`
    INSERT INTO member (region_id, id, name, name_pinyin, id_number_enc, id_number_bidx, id_number_masked, phone_enc,
                        phone_bidx, phone_masked, gender, birth_date, employer_id, employer_name, employment_form,
                        status, org_id, org_path, join_date, card_no, card_status, card_version, card_issued_at)
    SELECT region_id, id, name, name_pinyin, id_number_enc, id_number_bidx, id_number_masked, phone_enc, phone_bidx,
           phone_masked, gender, birth_date, employer_id, employer_name, employment_form, status, org_id,
           org_path::ltree, join_date, card_no, card_status, card_version, now()
      FROM unnest(${column((r) => r.region_id)}::bigint[], ${column((r) => r.id)}::bigint[], ${column((r) => r.name)}::text[],
                  ${column((r) => r.name_pinyin)}::text[], ${column((r) => r.id_number_enc)}::text[],
                  ${column((r) => r.id_number_bidx)}::text[], ${column((r) => r.id_number_masked)}::text[],
                  ${column((r) => r.phone_enc)}::text[], ${column((r) => r.phone_bidx)}::text[],
                  ${column((r) => r.phone_masked)}::text[], ${column((r) => r.gender)}::text[],
                  ${column((r) => r.birth_date)}::date[], ${column((r) => r.employer_id)}::bigint[],
                  ${column((r) => r.employer_name)}::text[], ${column((r) => r.employment_form)}::text[],
                  ${column((r) => r.status)}::text[], ${column((r) => r.org_id)}::bigint[], ${column((r) => r.org_path)}::text[],
                  ${column((r) => r.join_date)}::date[], ${column((r) => r.card_no)}::text[],
                  ${column((r) => r.card_status)}::text[], ${column((r) => r.card_version)}::int[])
        AS r(region_id, id, name, name_pinyin, id_number_enc, id_number_bidx, id_number_masked, phone_enc, phone_bidx,
             phone_masked, gender, birth_date, employer_id, employer_name, employment_form, status, org_id, org_path,
             join_date, card_no, card_status, card_version)`.execute(tx);
}

export type HistoryEntry = {
  /** The member's region (history lives with the member). */
  region_id: number;
  member_id: number;
  event: 'joined' | 'transferred' | 'lapsed' | 'rejoined' | 'updated';
  from_org_id: number | null;
  org_id: number;
  org_path: string;
  actor_id: number | null;
  reason: string | null;
  /** When it happened; now when absent. */
  at?: string;
};
/** Writes history entries in one statement, one array per column (see `insertMembers`). */
export async function insertHistory(tx: Executor, entries: readonly HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const column = <T>(pick: (e: HistoryEntry) => T) => entries.map(pick);
  await sql`
    INSERT INTO member_status_history (region_id, member_id, event, from_org_id, org_id, org_path, actor_id, reason, at)
    SELECT region_id, member_id, event, from_org_id, org_id, org_path::ltree, actor_id, reason, coalesce(at, now())
      FROM unnest(${column((e) => e.region_id)}::bigint[], ${column((e) => e.member_id)}::bigint[], ${column((e) => e.event)}::text[],
                  ${column((e) => e.from_org_id)}::bigint[], ${column((e) => e.org_id)}::bigint[], ${column((e) => e.org_path)}::text[],
                  ${column((e) => e.actor_id)}::bigint[], ${column((e) => e.reason)}::text[], ${column((e) => e.at ?? null)}::timestamptz[])
        AS e(region_id, member_id, event, from_org_id, org_id, org_path, actor_id, reason, at)`.execute(tx);
}

/** Changes a member in place. A new org path must stay in the member's region (`relocateMember` moves regions). */
export async function updateMember(
  tx: Executor,
  member: MemberKey,
  fields: Partial<
    Pick<MemberTable, 'status' | 'org_id' | 'org_path' | 'join_date' | 'employer_id' | 'employer_name' | 'employment_form'>
  > & {
    card_no?: string;
    card_status?: 'none' | 'active' | 'revoked';
    bump_card?: boolean;
  },
): Promise<void> {
  const { bump_card, ...rest } = fields;
  if (rest.org_path !== undefined && regionOfPath(rest.org_path) !== member.region_id)
    throw new Error('updateMember: the new union is in another region; relocateMember moves the member there');
  await tx
    .updateTable('member')
    .set({
      ...rest,
      ...(bump_card ? { card_version: sql`card_version + 1`, card_issued_at: sql`now()` } : {}),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where(isKey(member))
    .execute();
}

export async function nextCardNumbers(tx: Executor, count: number): Promise<string[]> {
  if (count === 0) return [];
  const { rows } = await sql<{ n: number }>`SELECT nextval('member_card_seq') AS n FROM generate_series(1, ${count})`.execute(tx);
  return rows.map((r) => `GH11${String(r.n).padStart(10, '0')}`);
}

export async function readSecret(db: Executor, member: InScope<MemberKey>, field: 'idNumber' | 'phone'): Promise<string | null> {
  const row = await db.selectFrom('member').select(['id_number_enc', 'phone_enc']).where(isKey(member)).executeTakeFirstOrThrow();
  return field === 'idNumber' ? row.id_number_enc : row.phone_enc;
}

/**
 * The encrypted phone on a member's record, for sending the member a code or a notice: the plaintext goes to that
 * phone, never back to whoever asked.
 */
export async function readPhoneForMessages(db: Executor, member: MemberKey): Promise<string | null> {
  const row = await db.selectFrom('member').select('phone_enc').where(isKey(member)).executeTakeFirstOrThrow();
  return row.phone_enc;
}

/**
 * Encrypted ID numbers and phones of many members at once (for an audited revealing export): only of those listed
 * whose primary union lies inside the reveal scope (a secondary affiliation stays masked).
 */
export async function readSecrets(
  db: Executor,
  revealScope: OrgScope,
  members: readonly InScope<MemberKey>[],
): Promise<Map<number, { id: string; phone: string | null }>> {
  if (members.length === 0) return new Map();
  const rows = await db
    .selectFrom('member as m')
    .select(['m.id', 'm.id_number_enc', 'm.phone_enc'])
    .where(isOneOf(members, 'm.region_id', 'm.id'))
    .where(inScope(revealScope, sql.ref('m.org_path'), sql.ref('m.region_id')))
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id_number_enc, phone: r.phone_enc }]));
}

/** The facts the roll-up needs of one member, unscoped (the caller has authorised the change). */
export async function findMemberRecord(db: Executor, member: MemberKey) {
  return db
    .selectFrom('member')
    .select(['employment_form', 'employer_name', 'birth_date', 'join_date', 'org_path', 'id_number_bidx'])
    .where(isKey(member))
    .executeTakeFirstOrThrow();
}

/**
 * A card holder: a member a cadre reached through their scope, the signed-in member themselves, or whoever holds the
 * card number of a verified token.
 */
export async function findMemberForCard(db: Executor, by: InScope<MemberKey> | MemberPrincipal | { regionId: number; cardNo: string }) {
  const q = db.selectFrom('member').select(['region_id', 'id', 'name', 'status', 'card_no', 'card_status', 'card_version', 'org_path']);
  if ('cardNo' in by) return q.where('region_id', '=', by.regionId).where('card_no', '=', by.cardNo).executeTakeFirst();
  if ('memberId' in by) return q.where('region_id', '=', by.regionId).where('id', '=', by.memberId).executeTakeFirst();
  return q.where(isKey(by)).executeTakeFirst();
}

export async function updatePhone(tx: Executor, member: MemberKey, phone: { phone_enc: string; phone_bidx: string; phone_masked: string }) {
  await tx
    .updateTable('member')
    .set({ ...phone, version: sql`version + 1`, updated_at: sql`now()` })
    .where(isKey(member))
    .execute();
}

export async function readPhoneBidx(db: Executor, member: InScope<MemberKey>): Promise<string | null> {
  const row = await db.selectFrom('member').select('phone_bidx').where(isKey(member)).executeTakeFirst();
  return row?.phone_bidx ?? null;
}

/** Adds a secondary affiliation; false when the member had it already. */
export async function insertAffiliation(tx: Executor, a: { member: InScope<MemberKey>; orgId: number; orgPath: string }): Promise<boolean> {
  const inserted = await tx
    .insertInto('member_affiliation')
    .values({ region_id: a.member.region_id, member_id: a.member.id, org_id: a.orgId, org_path: a.orgPath })
    .onConflict((oc) => oc.columns(['region_id', 'member_id', 'org_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function deleteAffiliation(tx: Executor, member: InScope<MemberKey>, orgId: number): Promise<boolean> {
  const result = await tx
    .deleteFrom('member_affiliation')
    .where('region_id', '=', member.region_id)
    .where('member_id', '=', member.id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Moves a member to a union in another region: the member row is re-inserted there with its new union, with every
 * row that references it (history, affiliations, transfers, sessions …), and deleted where it was; the claim follows.
 */
export async function relocateMember(tx: Executor, member: MemberKey, to: { id: number; path: string }): Promise<MemberKey> {
  const region = regionOfPath(to.path);
  const { id_number_bidx } = await findMemberRecord(tx, member);
  await moveToRegion(tx, {
    table: 'member',
    from: member.region_id,
    to: region,
    where: sql<SqlBool>`id = ${member.id}`,
    set: { org_id: sql`${to.id}::bigint`, org_path: sql`${to.path}::ltree`, version: sql`version + 1`, updated_at: sql`now()` },
  });
  await moveClaims(tx, [id_number_bidx], region);
  return { region_id: region, id: member.id };
}

/** Puts members of a union who have no employer yet on the employer named for their ID number; returns how many moved. */
export async function setMissingEmployers(
  tx: Executor,
  org: { id: number; path: string },
  pairs: readonly { idNumberBidx: string; employerId: number }[],
): Promise<number> {
  if (pairs.length === 0) return 0;
  const result = await sql<{ id: number }>`
    UPDATE member m SET employer_id = d.employer_id, version = m.version + 1, updated_at = now()
      FROM unnest(${pairs.map((p) => p.idNumberBidx)}::text[], ${pairs.map((p) => p.employerId)}::bigint[]) AS d(bidx, employer_id)
     WHERE m.region_id = ${regionOfPath(org.path)} AND m.org_id = ${org.id} AND m.id_number_bidx = d.bidx
       AND m.employer_id IS NULL AND m.status = 'member'
    RETURNING m.id`.execute(tx);
  return result.rows.length;
}
