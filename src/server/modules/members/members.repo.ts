import { sql } from 'kysely';
import type { MemberTable } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import type { Insertable } from 'kysely';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import type { EmploymentForm, MemberStatus } from '../../../common/members.js';

const memberColumns = [
  'm.id',
  'm.name',
  'm.id_number_masked',
  'm.phone_masked',
  'm.gender',
  'm.birth_date',
  'm.employer_id',
  'm.employer_name',
  'm.employment_form',
  'm.status',
  'm.org_id',
  'm.org_path',
  'm.join_date',
  'm.card_no',
  'm.card_status',
  'm.card_version',
  'm.version',
] as const;

function selectMembers(db: Executor) {
  return db
    .selectFrom('member as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .select([...memberColumns, 'o.name as org_name']);
}
/** A member as every read of this repo returns it: derived from the query, so it cannot drift from the schema. */
export type MemberRow = Awaited<ReturnType<ReturnType<typeof selectMembers>['executeTakeFirstOrThrow']>>;

/** A member whose primary affiliation, or a secondary one, lies inside the scope. */
function memberInScope(scope: OrgScope) {
  return sql<boolean>`(${inScope(scope, sql.ref('m.org_path'))} OR EXISTS (
    SELECT 1 FROM member_affiliation a WHERE a.member_id = m.id AND ${inScope(scope, sql.ref('a.org_path'))}))`;
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
  let q = selectMembers(db)
    .where('m.id', '=', id)
    .where(primaryOnly ? inScope(scope, sql.ref('m.org_path')) : memberInScope(scope));
  if (forUpdate) q = q.forUpdate('m');
  const row = await q.executeTakeFirst();
  return row && provenInScope(row);
}

/** Unscoped look-up by blind index: only for de-duplication and transfer matching, never returned as such. */
export async function findMemberByIdIndex(db: Executor, bidx: string, forUpdate = false) {
  let q = db
    .selectFrom('member as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .select([...memberColumns, 'o.name as org_name'])
    .where('m.id_number_bidx', '=', bidx);
  if (forUpdate) q = q.forUpdate('m');
  return q.executeTakeFirst();
}

export async function findMembersByIdIndexes(db: Executor, bidxs: string[]) {
  if (bidxs.length === 0) return [];
  return db
    .selectFrom('member')
    .select(['id', 'id_number_bidx', 'org_id', 'org_path', 'status'])
    .where('id_number_bidx', 'in', bidxs)
    .forUpdate()
    .execute();
}

export type MemberSearch = {
  underPath: string;
  status: MemberStatus | undefined;
  employmentForm: EmploymentForm | undefined;
  match:
    | { kind: 'none' }
    | { kind: 'phone'; bidx: string }
    | { kind: 'idNumber'; bidx: string }
    | { kind: 'card'; cardNo: string }
    | { kind: 'name'; prefix: string };
  afterId: number | undefined;
  limit: number;
};

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Members of a subtree, newest id first, keyset-paged: those whose primary union lies in it, and those with a
 * secondary affiliation there. Two index-friendly queries merged by id, rather than one OR that would scan.
 */
export async function listMembers(db: Executor, scope: OrgScope, s: MemberSearch): Promise<InScope<MemberRow>[]> {
  const filtered = <Q extends ReturnType<typeof selectMembers>>(query: Q): Q => {
    let q = query.orderBy('m.id', 'desc').limit(s.limit + 1);
    if (s.status) q = q.where('m.status', '=', s.status);
    if (s.employmentForm) q = q.where('m.employment_form', '=', s.employmentForm);
    if (s.afterId !== undefined) q = q.where('m.id', '<', s.afterId);
    const m = s.match;
    if (m.kind === 'phone') q = q.where('m.phone_bidx', '=', m.bidx);
    if (m.kind === 'idNumber') q = q.where('m.id_number_bidx', '=', m.bidx);
    if (m.kind === 'card') q = q.where('m.card_no', '=', m.cardNo);
    if (m.kind === 'name' && HAN.test(m.prefix)) {
      // The pinyin keys hold only a–z, 0–9 and a space: a prefix with Chinese characters can only match the name,
      // and one indexed condition lets the planner walk member_name_idx instead of scanning the subtree.
      q = q.where('m.name', 'like', `${escapeLike(m.prefix)}%`);
    } else if (m.kind === 'name') {
      const like = `${escapeLike(m.prefix)}%`;
      q = q.where((eb) =>
        eb.or([
          eb('m.name', 'like', like),
          eb('m.name_pinyin', 'like', like.toLowerCase()),
          sql<boolean>`split_part(m.name_pinyin, ' ', 2) LIKE ${like.toLowerCase()}`,
        ]),
      );
    }
    return q as Q;
  };
  const primary = filtered(
    selectMembers(db)
      .where(inScope(scope, sql.ref('m.org_path')))
      .where(sql<boolean>`m.org_path <@ ${s.underPath}::ltree`),
  );
  const secondary = filtered(
    selectMembers(db).where(({ exists, selectFrom }) =>
      exists(
        selectFrom('member_affiliation as a')
          .select('a.member_id')
          .whereRef('a.member_id', '=', 'm.id')
          .where(inScope(scope, sql.ref('a.org_path')))
          .where(sql<boolean>`a.org_path <@ ${s.underPath}::ltree`),
      ),
    ),
  );
  const [a, b] = await Promise.all([primary.execute(), secondary.execute()]);
  const byId = new Map<number, MemberRow>();
  for (const row of [...a, ...b]) byId.set(row.id, row);
  return [...byId.values()]
    .sort((x, y) => y.id - x.id)
    .slice(0, s.limit + 1)
    .map(provenInScope);
}

export async function listSecondaryOrgIds(db: Executor, members: readonly InScope<{ id: number }>[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (members.length === 0) return map;
  const rows = await db
    .selectFrom('member_affiliation')
    .select(['member_id', 'org_id'])
    .where(
      'member_id',
      'in',
      members.map((m) => m.id),
    )
    .execute();
  for (const r of rows) map.set(r.member_id, [...(map.get(r.member_id) ?? []), r.org_id]);
  return map;
}

/** A member's history with the unions' names (names only: a union outside the caller's view is still named). */
export async function listHistory(db: Executor, member: InScope<{ id: number }>) {
  return db
    .selectFrom('member_status_history as h')
    .innerJoin('org_unit as o', 'o.id', 'h.org_id')
    .leftJoin('org_unit as f', 'f.id', 'h.from_org_id')
    .select(['h.at', 'h.event', 'h.org_id', 'o.name as org_name', 'h.from_org_id', 'f.name as from_org_name', 'h.reason'])
    .where('h.member_id', '=', member.id)
    .orderBy('h.id')
    .execute();
}

export async function insertMembers(tx: Executor, rows: Insertable<MemberTable>[]): Promise<{ id: number; id_number_bidx: string }[]> {
  if (rows.length === 0) return [];
  return tx.insertInto('member').values(rows).returning(['id', 'id_number_bidx']).execute();
}

export type HistoryEntry = {
  member_id: number;
  event: 'joined' | 'transferred' | 'lapsed' | 'rejoined' | 'updated';
  from_org_id: number | null;
  org_id: number;
  org_path: string;
  actor_id: number | null;
  reason: string | null;
};
export async function insertHistory(tx: Executor, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insertInto('member_status_history').values(entries).execute();
}

export async function updateMember(
  tx: Executor,
  id: number,
  fields: Partial<
    Pick<MemberTable, 'status' | 'org_id' | 'org_path' | 'join_date' | 'employer_id' | 'employer_name' | 'employment_form'>
  > & {
    card_no?: string;
    card_status?: 'none' | 'active' | 'revoked';
    bump_card?: boolean;
  },
): Promise<void> {
  const { bump_card, ...rest } = fields;
  await tx
    .updateTable('member')
    .set({
      ...rest,
      ...(bump_card ? { card_version: sql`card_version + 1`, card_issued_at: sql`now()` } : {}),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function nextCardNumbers(tx: Executor, count: number): Promise<string[]> {
  if (count === 0) return [];
  const { rows } = await sql<{ n: number }>`SELECT nextval('member_card_seq') AS n FROM generate_series(1, ${count})`.execute(tx);
  return rows.map((r) => `GH11${String(r.n).padStart(10, '0')}`);
}

export async function readSecret(db: Executor, member: InScope<{ id: number }>, field: 'idNumber' | 'phone'): Promise<string | null> {
  const row = await db.selectFrom('member').select(['id_number_enc', 'phone_enc']).where('id', '=', member.id).executeTakeFirstOrThrow();
  return field === 'idNumber' ? row.id_number_enc : row.phone_enc;
}

/**
 * The encrypted phone on a member's record, for sending the member a code or a notice: the plaintext goes to that
 * phone, never back to whoever asked.
 */
export async function readPhoneForMessages(db: Executor, memberId: number): Promise<string | null> {
  const row = await db.selectFrom('member').select('phone_enc').where('id', '=', memberId).executeTakeFirstOrThrow();
  return row.phone_enc;
}

/**
 * Encrypted ID numbers and phones of many members at once (for an audited revealing export): only of those listed
 * whose primary union lies inside the reveal scope (a secondary affiliation stays masked).
 */
export async function readSecrets(
  db: Executor,
  revealScope: OrgScope,
  members: readonly InScope<{ id: number }>[],
): Promise<Map<number, { id: string; phone: string | null }>> {
  if (members.length === 0) return new Map();
  const rows = await db
    .selectFrom('member as m')
    .select(['m.id', 'm.id_number_enc', 'm.phone_enc'])
    .where(
      'm.id',
      'in',
      members.map((m) => m.id),
    )
    .where(inScope(revealScope, sql.ref('m.org_path')))
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id_number_enc, phone: r.phone_enc }]));
}

/** The facts the roll-up needs of one member, unscoped (the caller has authorised the change). */
export async function findMemberRecord(db: Executor, id: number) {
  return db
    .selectFrom('member')
    .select(['employment_form', 'employer_name', 'birth_date', 'join_date', 'org_path'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/**
 * A card holder: a member a cadre reached through their scope, the signed-in member themselves, or whoever holds the
 * card number of a verified token.
 */
export async function findMemberForCard(db: Executor, by: InScope<{ id: number }> | MemberPrincipal | { cardNo: string }) {
  const q = db.selectFrom('member').select(['id', 'name', 'status', 'card_no', 'card_status', 'card_version', 'org_path']);
  if ('cardNo' in by) return q.where('card_no', '=', by.cardNo).executeTakeFirst();
  return q.where('id', '=', 'memberId' in by ? by.memberId : by.id).executeTakeFirst();
}

export async function updatePhone(tx: Executor, id: number, phone: { phone_enc: string; phone_bidx: string; phone_masked: string }) {
  await tx
    .updateTable('member')
    .set({ ...phone, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function readPhoneBidx(db: Executor, member: InScope<{ id: number }>): Promise<string | null> {
  const row = await db.selectFrom('member').select('phone_bidx').where('id', '=', member.id).executeTakeFirst();
  return row?.phone_bidx ?? null;
}

export async function insertAffiliation(tx: Executor, a: { memberId: number; orgId: number; orgPath: string }): Promise<void> {
  await tx
    .insertInto('member_affiliation')
    .values({ member_id: a.memberId, org_id: a.orgId, org_path: a.orgPath })
    .onConflict((oc) => oc.columns(['member_id', 'org_id']).doNothing())
    .execute();
}

export async function deleteAffiliation(tx: Executor, memberId: number, orgId: number): Promise<boolean> {
  const result = await tx.deleteFrom('member_affiliation').where('member_id', '=', memberId).where('org_id', '=', orgId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
