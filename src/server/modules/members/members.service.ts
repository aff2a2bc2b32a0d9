import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/members.errors.js';
import { LIST_TOTAL_BOUND, type ListTotal, type Page } from '../../../common/paging.js';
import { maskPhone, parseIdNumber, parsePhone } from '../../../common/identity.js';
import { phoneProblemError } from '../../../common/identity-errors.js';
import type { EmploymentForm, Member, MemberDetail, MemberListQuery, MemberSort } from '../../../common/members.js';
import { coveringKinds } from '../../../common/orgs.js';
import { scopeFor, type Actor, type InScope, type OrgScope } from '../../auth/scope.js';
import { regionOfPath } from '../../auth/tree.js';
import { endSessionsOfMember } from '../../auth/member-session.js';
import type { PiiCipher } from '../../crypto/pii.js';
import { listPage } from '../../http/list-page.js';
import { reusedTotal } from '../../http/list-total.js';
import { assertQuota, recordWrite } from '../../audit/audit.js';
import { addAlongPaths, addToCoverage, type CoverageCounts } from '../coverage/coverage.rollup.js';
import { findOrgFor, pinyinKey, type OrgMoved } from '../orgs/orgs.service.js';
import type { SealedPerson } from './members.person.js';
import * as repo from './members.repo.js';
import type { MemberRow } from './members.repo.js';

function toMember(row: MemberRow, secondary: repo.SecondaryOrg[] = []): Member {
  return {
    id: row.id,
    name: row.name,
    idNumberMasked: row.id_number_masked,
    phoneMasked: row.phone_masked,
    gender: row.gender,
    birthDate: row.birth_date,
    employerId: row.employer_id,
    employerName: row.employer_name,
    employmentForm: row.employment_form,
    status: row.status,
    orgId: row.org_id,
    orgName: row.org_name,
    joinDate: row.join_date,
    cardNo: row.card_no,
    cardStatus: row.card_status,
    secondaryOrgs: secondary,
    version: row.version,
  };
}

/** Mirrors MEMBER_INCOMPLETE_SQL: a standard employee without employer, or a join date before the 16th birthday. */
export function isIncomplete(m: { employment_form: string; employer_name: string | null; birth_date: string; join_date: string }): boolean {
  const sixteen = `${String(Number(m.birth_date.slice(0, 4)) + 16).padStart(4, '0')}${m.birth_date.slice(4)}`;
  return (m.employment_form === 'standard' && !m.employer_name) || m.join_date < sixteen;
}

/** What one active member adds to the roll-up of its union and the ancestors. */
export function memberContribution(m: Parameters<typeof isIncomplete>[0], sign: 1 | -1): Partial<CoverageCounts> {
  return { members: sign, members_incomplete: isIncomplete(m) ? sign : 0 };
}

/**
 * A member the caller may act on; 404 outside every scope the caller has, 403 when only visible. Reading reaches a
 * member through their primary union or a secondary affiliation; changing them or revealing their personal data
 * belongs to the primary union's subtree alone.
 */
export async function findMemberFor(
  db: Executor,
  actor: Actor,
  action: 'member.read' | 'member.write' | 'member.reveal',
  id: number,
  forUpdate = false,
): Promise<InScope<MemberRow>> {
  const row = await repo.findMemberInScope(db, scopeFor(actor, action), id, forUpdate, action !== 'member.read');
  if (row) return row;
  if (action !== 'member.read' && (await repo.findMemberInScope(db, scopeFor(actor, 'member.read'), id))) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** What a search string means: a phone or its last four digits, an ID number, a card number, or a name / pinyin prefix. */
export function classifyQuery(cipher: PiiCipher, q: string | undefined): repo.MemberSearch['match'] {
  if (!q) return { kind: 'none' };
  const phone = parsePhone(q);
  if (phone.ok) return { kind: 'phone', bidx: cipher.blindIndex('phone', phone.phone) };
  if (/^\d{4}$/.test(q)) return { kind: 'phoneLast4', digits: q };
  const id = parseIdNumber(q);
  if (id.ok) return { kind: 'idNumber', bidx: cipher.blindIndex('id_number', id.facts.id) };
  if (/^GH\d{12}$/i.test(q)) return { kind: 'card', cardNo: q.toUpperCase() };
  return { kind: 'name', prefix: q };
}

/** The node a list is read under, or the org look-up's own answer: FORBIDDEN when only visible, else NOT_FOUND. */
async function findListRootFor(db: Executor, actor: Actor, scope: OrgScope, orgId: number) {
  const root = await repo.findListRoot(db, scope, orgId);
  if (root) return root;
  await findOrgFor(db, actor, 'member.read', orgId);
  throw new AppError('NOT_FOUND');
}

export async function listMembers(
  db: Kysely<DB>,
  cipher: PiiCipher,
  actor: Actor,
  query: Omit<MemberListQuery, 'sort'> & { sort?: MemberSort },
): Promise<Page<Member>> {
  const scope = scopeFor(actor, 'member.read');
  const org = await findListRootFor(db, actor, scope, query.orgId);
  const hasRollup = org.members !== null && org.members_secondary !== null;
  // Members of other districts affiliated here need a query over every region: only when the subtree has any.
  const withSecondary = !hasRollup || Number(org.members_secondary) > 0;
  let match = classifyQuery(cipher, query.q);
  if (match.kind === 'name') {
    // Once per request: the list's page and its total then read the matches by key (or, too many to probe, as before).
    const probe = await repo.probeNameMatches(db, scope, {
      underPath: org.path,
      status: query.status,
      employmentForm: query.employmentForm,
      prefix: match.prefix,
      limit: query.limit,
    });
    match = probe.isComplete ? { ...match, candidates: probe.ids } : { ...match, atLeast: probe.atLeast, inRanges: probe.inRanges };
  }
  const filter = { underPath: org.path, status: query.status, employmentForm: query.employmentForm, match };
  // Above the bound, the roll-up counts a subtree's members for the list with no filter but status 会员.
  const isRollupList = query.status === 'member' && !query.employmentForm && filter.match.kind === 'none';
  const rollup: ListTotal | null = hasRollup ? { count: Number(org.members) + Number(org.members_secondary), kind: 'rollup' } : null;
  // With no filter but status 会员 at most, every active member whose union lies in the subtree is on the list: when
  // the roll-up holds more than the bound, a count would stop above it, so its answer is known without counting
  // (issue #16: a district's first page no longer reads 10,001 index entries).
  const holdsRollup = !query.employmentForm && filter.match.kind === 'none' && (query.status === undefined || query.status === 'member');
  const total = async (): Promise<ListTotal> => {
    if (holdsRollup && Number(org.members) > LIST_TOTAL_BOUND)
      return (isRollupList && rollup) || { count: LIST_TOTAL_BOUND, kind: 'atLeast' };
    const count = () => repo.countMembers(db, scope, filter, withSecondary, async () => (isRollupList ? rollup : null));
    // A search is counted each time (a phone or a name changes without touching the roll-up); a list by status and
    // employment form changes with the subtree's active members, whose roll-up figures are part of the key.
    if (filter.match.kind !== 'none') return count();
    const key = JSON.stringify(['members', scope.paths, org.path, query.status, query.employmentForm, org.members, org.members_secondary]);
    return reusedTotal(db, key, count);
  };
  const common = { present: (page: InScope<repo.MemberListRow>[]) => page.map((r) => toMember(r, r.secondary_orgs)), total };
  const read = (order: repo.MemberOrder) => repo.listMembers(db, scope, { ...filter, order, limit: query.limit }, withSecondary);
  const sort = query.sort ?? 'newest';
  if (sort === 'newest') {
    return listPage(query, { cursor: 'number', read: (after) => read({ sort, after }), sortKey: (last) => last.id, ...common });
  }
  if (sort === 'name') {
    // The page's last member's pinyin is the cursor: kept from the rows (the answer shows the name only).
    const keys = new Map<number, string>();
    return listPage(query, {
      cursor: 'string-number',
      read: async (after) => {
        const rows = await read({ sort, after });
        for (const r of rows) keys.set(r.id, r.name_key);
        return rows;
      },
      sortKey: (last) => [keys.get(last.id) ?? '', last.id],
      ...common,
    });
  }
  return listPage(query, {
    cursor: 'date-number',
    read: (after) => read({ sort, after }),
    sortKey: (last) => [last.joinDate, last.id],
    ...common,
  });
}

export async function getMember(db: Kysely<DB>, actor: Actor, id: number): Promise<MemberDetail> {
  const row = await findMemberFor(db, actor, 'member.read', id);
  const secondary = await repo.listSecondaryOrgs(db, [row]);
  const history = await repo.listHistory(db, row);
  return {
    ...toMember(row, secondary.get(id)),
    history: history.map((h) => ({
      at: h.at,
      event: h.event,
      orgId: h.org_id,
      orgName: h.org_name,
      fromOrgId: h.from_org_id,
      fromOrgName: h.from_org_name,
      reason: h.reason,
    })),
  };
}

/**
 * The full ID number or phone, for roles allowed to see it, with a stated reason and within the caller's
 * hourly quota (counted from the audit log); every reveal is audited with its field and reason.
 */
export async function revealMember(
  db: Kysely<DB>,
  cipher: PiiCipher,
  actor: Actor,
  id: number,
  request: { field: 'idNumber' | 'phone'; reason: string; perHour: number },
) {
  const { field, reason } = request;
  return db.transaction().execute(async (tx) => {
    const row = await findMemberFor(tx, actor, 'member.reveal', id);
    await assertQuota(tx, actor, { action: 'member.reveal', seconds: 3600, limit: request.perHour, code: 'REVEAL_QUOTA_SPENT' });
    const sealed = await repo.readSecret(tx, row, field);
    await recordWrite(tx, actor, 'member.reveal', { type: 'member', id, orgPath: row.org_path }, { field, reason });
    return { field, value: sealed === null ? null : cipher.decrypt(sealed) };
  });
}

/** Lapses a member (会籍终止); the roll-up loses one member along the path in the same transaction. */
export async function lapseMember(db: Kysely<DB>, actor: Actor, id: number, reason: string): Promise<Member> {
  return db.transaction().execute(async (tx) => {
    const row = await findMemberFor(tx, actor, 'member.write', id, true);
    if (row.status !== 'member') throw new AppError('MEMBER_NOT_ACTIVE');
    await repo.updateMember(tx, row, {
      status: 'lapsed',
      card_status: row.card_status === 'active' ? 'revoked' : row.card_status,
      bump_card: true,
    });
    await repo.insertHistory(tx, [
      {
        region_id: row.region_id,
        member_id: id,
        event: 'lapsed',
        from_org_id: null,
        org_id: row.org_id,
        org_path: row.org_path,
        actor_id: actor.userId,
        reason,
      },
    ]);
    await addToCoverage(tx, row.org_path, memberContribution(row, -1));
    await recordWrite(tx, actor, 'member.lapse', { type: 'member', id, orgPath: row.org_path }, { reason });
    return toMember((await repo.findMemberInScope(tx, scopeFor(actor, 'member.read'), id))!);
  });
}

/** Re-admits a lapsed member to the union they lapsed from, with a new card. */
export async function rejoinMember(db: Kysely<DB>, actor: Actor, id: number): Promise<Member> {
  return db.transaction().execute(async (tx) => {
    const row = await findMemberFor(tx, actor, 'member.write', id, true);
    if (row.status === 'member') throw new AppError('MEMBER_ALREADY_ACTIVE');
    const [cardNo] = await repo.nextCardNumbers(tx, 1);
    await repo.updateMember(tx, row, { status: 'member', card_no: cardNo!, card_status: 'active', bump_card: true });
    await repo.insertHistory(tx, [
      {
        region_id: row.region_id,
        member_id: id,
        event: 'rejoined',
        from_org_id: null,
        org_id: row.org_id,
        org_path: row.org_path,
        actor_id: actor.userId,
        reason: null,
      },
    ]);
    await addToCoverage(tx, row.org_path, memberContribution(row, 1));
    await recordWrite(tx, actor, 'member.rejoin', { type: 'member', id, orgPath: row.org_path });
    return toMember((await repo.findMemberInScope(tx, scopeFor(actor, 'member.read'), id))!);
  });
}

/** Who holds an ID number (by blind index), whatever their union: for de-duplication and transfers only. */
export async function findPersonByIdIndex(tx: Executor, bidx: string, lock = true) {
  return repo.findMemberByIdIndex(tx, bidx, lock);
}

/** A person found by their ID number's blind index: their member row, whatever its status. */
export type FoundPerson = Awaited<ReturnType<typeof repo.findMembersByIdIndexes>>[number];

/** The same for many ID numbers at once, locked unless `lock` is false (a list that only shows them). */
export async function findPeopleByIdIndexes(tx: Executor, bidxs: string[], lock = true): Promise<FoundPerson[]> {
  return repo.findMembersByIdIndexes(tx, bidxs, lock);
}

/**
 * Moves a member's primary affiliation to another union (a confirmed transfer): history, and the roll-up
 * loses the member along the old path and gains them along the new, in the caller's transaction.
 */
export async function moveMember(
  tx: Executor,
  m: { regionId: number; id: number; orgId: number; orgPath: string },
  to: { id: number; path: string },
  actorId: number | null,
  reason: string | null,
): Promise<void> {
  const from = { region_id: m.regionId, id: m.id };
  const row = await repo.findMemberRecord(tx, from);
  const moved =
    regionOfPath(to.path) === m.regionId
      ? (await repo.updateMember(tx, from, { org_id: to.id, org_path: to.path }), from)
      : await repo.relocateMember(tx, from, to);
  await repo.insertHistory(tx, [
    {
      region_id: moved.region_id,
      member_id: m.id,
      event: 'transferred',
      from_org_id: m.orgId,
      org_id: to.id,
      org_path: to.path,
      actor_id: actorId,
      reason,
    },
  ]);
  await addAlongPaths(tx, new Map([[m.orgPath, memberContribution(row, -1)]]));
  await addToCoverage(tx, to.path, memberContribution(row, 1));
}

export async function findCardHolder(db: Executor, by: Parameters<typeof repo.findMemberForCard>[1]) {
  return repo.findMemberForCard(db, by);
}

/** The phone on a member's record, decrypted: where one-time codes and notices go. Null when none is recorded. */
export async function phoneOnRecord(db: Executor, cipher: PiiCipher, member: repo.MemberKey): Promise<string | null> {
  const sealed = await repo.readPhoneForMessages(db, member);
  return sealed === null ? null : cipher.decrypt(sealed);
}

/**
 * A new phone on record, after the member's union saw the person (a member who lost their phone cannot receive a
 * code at the old one). Only the primary union's cadres; audited with the reason; the member's sessions end.
 */
export async function changePhone(
  db: Kysely<DB>,
  cipher: PiiCipher,
  actor: Actor,
  id: number,
  body: { phone: string; reason: string },
): Promise<Member> {
  const parsed = parsePhone(body.phone);
  if (!parsed.ok) throw phoneProblemError(parsed.problem);
  return db.transaction().execute(async (tx) => {
    const row = await findMemberFor(tx, actor, 'member.write', id, true);
    const bidx = cipher.blindIndex('phone', parsed.phone);
    if ((await repo.readPhoneBidx(tx, row)) === bidx) throw new AppError('PHONE_UNCHANGED');
    await repo.updatePhone(tx, row, { phone_enc: cipher.encrypt(parsed.phone), phone_bidx: bidx, phone_masked: maskPhone(parsed.phone) });
    await endSessionsOfMember(tx, row.region_id, id);
    await recordWrite(
      tx,
      actor,
      'member.phone_change',
      { type: 'member', id, orgPath: row.org_path },
      { reason: body.reason, from: row.phone_masked, to: maskPhone(parsed.phone) },
    );
    return toMember((await repo.findMemberInScope(tx, scopeFor(actor, 'member.read'), id))!);
  });
}

export async function revokeCard(tx: Executor, member: InScope<repo.MemberKey>): Promise<void> {
  await repo.updateMember(tx, member, { card_status: 'revoked', bump_card: true });
}

/** A new card number and version: every token of the old card stops verifying. */
export async function reissueCard(tx: Executor, member: InScope<repo.MemberKey>): Promise<string> {
  const [cardNo] = await repo.nextCardNumbers(tx, 1);
  await repo.updateMember(tx, member, { card_no: cardNo!, card_status: 'active', bump_card: true });
  return cardNo!;
}

/**
 * Adds a secondary affiliation: the member stays counted where their primary affiliation is, and the second
 * union sees them in its lists. The caller must be able to change both the member and the second union.
 */
export async function addAffiliation(db: Kysely<DB>, actor: Actor, memberId: number, orgId: number): Promise<Member> {
  return db.transaction().execute(async (tx) => {
    const member = await findMemberFor(tx, actor, 'member.write', memberId, true);
    const org = await findOrgFor(tx, actor, 'member.write', orgId);
    if (!coveringKinds.includes(org.kind)) throw new AppError('RECEIVING_ORG_KIND');
    if (org.id === member.org_id) throw new AppError('AFFILIATION_IS_PRIMARY');
    if (await repo.insertAffiliation(tx, { member, orgId: org.id, orgPath: org.path })) {
      await addToCoverage(tx, org.path, { members_secondary: 1 });
    }
    await recordWrite(tx, actor, 'member.affiliate', { type: 'member', id: memberId, orgPath: org.path }, { orgId: org.id });
    const secondary = await repo.listSecondaryOrgs(tx, [member]);
    return toMember(member, secondary.get(memberId));
  });
}

export async function removeAffiliation(db: Kysely<DB>, actor: Actor, memberId: number, orgId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const member = await findMemberFor(tx, actor, 'member.write', memberId, true);
    const org = await findOrgFor(tx, actor, 'member.write', orgId);
    if (!(await repo.deleteAffiliation(tx, member, org.id))) throw new AppError('NOT_FOUND');
    await addToCoverage(tx, org.path, { members_secondary: -1 });
    await recordWrite(tx, actor, 'member.unaffiliate', { type: 'member', id: memberId, orgPath: org.path }, { orgId: org.id });
  });
}

export type Admission = {
  person: SealedPerson;
  employerId: number | null;
  employerName: string | null;
  employmentForm: EmploymentForm;
  org: { id: number; path: string };
  joinDate: string;
  /** History records the join at the join date (members of the past, as the demo's) instead of now. */
  joinedInThePast?: boolean;
};

/**
 * Admits people as members in one transaction (the caller's): new people get a member row and a card, lapsed
 * members re-join at the new union, and the roll-up gains one member per admission along each path.
 * The caller has checked that nobody here is an active member already.
 */
export async function admitMembers(
  tx: Executor,
  actorId: number | null,
  admissions: Admission[],
  found?: readonly FoundPerson[],
): Promise<Map<string, number>> {
  // The people the caller found and locked in this transaction (`findPeopleByIdIndexes`) are not asked for again.
  const existing = new Map(
    (
      found ??
      (await repo.findMembersByIdIndexes(
        tx,
        admissions.map((a) => a.person.id_number_bidx),
      ))
    ).map((m) => [m.id_number_bidx, m]),
  );
  const fresh = admissions.filter((a) => !existing.has(a.person.id_number_bidx));
  const cards = await repo.nextCardNumbers(tx, admissions.length);
  const newIds = await repo.nextMemberIds(tx, fresh.length);
  await repo.claimIdNumbers(
    tx,
    fresh.map((a, i) => ({ id_number_bidx: a.person.id_number_bidx, region_id: regionOfPath(a.org.path), member_id: newIds[i]! })),
  );
  // The person's fields named one by one: with `...a.person` this map cost 10–12 µs a row of a roster import, a
  // tenth of it now (CPU profile of 100,000 rows, #16).
  const rows: repo.NewMember[] = fresh.map((a, i) => ({
    name: a.person.name,
    id_number_enc: a.person.id_number_enc,
    id_number_bidx: a.person.id_number_bidx,
    id_number_masked: a.person.id_number_masked,
    phone_enc: a.person.phone_enc,
    phone_bidx: a.person.phone_bidx,
    phone_masked: a.person.phone_masked,
    gender: a.person.gender,
    birth_date: a.person.birth_date,
    region_id: regionOfPath(a.org.path),
    id: newIds[i]!,
    name_pinyin: pinyinKey(a.person.name),
    employer_id: a.employerId,
    employer_name: a.employerName,
    employment_form: a.employmentForm,
    status: 'member',
    org_id: a.org.id,
    org_path: a.org.path,
    join_date: a.joinDate,
    card_no: cards[i]!,
    card_status: 'active',
    card_version: 1,
  }));
  await repo.insertMembers(tx, rows);
  const ids = new Map(rows.map((r) => [r.id_number_bidx, r.id]));
  const history: repo.HistoryEntry[] = rows.map((r, i) => ({
    region_id: r.region_id,
    member_id: r.id,
    event: 'joined',
    from_org_id: null,
    org_id: fresh[i]!.org.id,
    org_path: fresh[i]!.org.path,
    actor_id: actorId,
    reason: null,
    ...(fresh[i]!.joinedInThePast ? { at: `${fresh[i]!.joinDate}T09:00:00+08:00` } : {}),
  }));
  let cardIndex = fresh.length;
  for (const a of admissions) {
    const prior = existing.get(a.person.id_number_bidx);
    if (!prior) continue;
    if (prior.status === 'member') throw new AppError('ALREADY_MEMBER');
    // A lapsed member re-joining a union in another region moves there first, with everything of theirs.
    const key =
      regionOfPath(a.org.path) === prior.region_id ? prior : await repo.relocateMember(tx, prior, { id: a.org.id, path: a.org.path });
    await repo.updateMember(tx, key, {
      status: 'member',
      org_id: a.org.id,
      org_path: a.org.path,
      join_date: a.joinDate,
      employer_id: a.employerId,
      employer_name: a.employerName,
      employment_form: a.employmentForm,
      card_no: cards[cardIndex++]!,
      card_status: 'active',
      bump_card: true,
    });
    history.push({
      region_id: key.region_id,
      member_id: prior.id,
      event: 'rejoined',
      from_org_id: prior.org_id,
      org_id: a.org.id,
      org_path: a.org.path,
      actor_id: actorId,
      reason: null,
    });
    ids.set(a.person.id_number_bidx, prior.id);
  }
  await repo.insertHistory(tx, history);
  const deltas = new Map<string, Partial<CoverageCounts>>();
  for (const a of admissions) {
    const d = deltas.get(a.org.path) ?? { members: 0, members_incomplete: 0 };
    const c = memberContribution(
      { employment_form: a.employmentForm, employer_name: a.employerName, birth_date: a.person.birth_date, join_date: a.joinDate },
      1,
    );
    d.members! += c.members!;
    d.members_incomplete! += c.members_incomplete!;
    deltas.set(a.org.path, d);
  }
  await addAlongPaths(tx, deltas);
  return ids;
}

/**
 * Keeps the city-wide claims in step when a subtree moved to another region: its members live there now (orgs moved
 * their rows), so their claims name the new region. In batches, for a street of many thousand members.
 */
/**
 * A roster read again after its employers were recorded: members of the union it names who have no employer yet are
 * put on the one their row names now. Never moves a member off an employer they already have. In the caller's
 * transaction (an import batch).
 */
export async function attachMissingEmployers(
  tx: Executor,
  org: { id: number; path: string },
  pairs: readonly { idNumberBidx: string; employerId: number }[],
): Promise<number> {
  return repo.setMissingEmployers(tx, org, pairs);
}

export async function followMovedSubtree(tx: Executor, moved: OrgMoved): Promise<void> {
  if (moved.fromRegion === moved.toRegion) return;
  const bidxs = await repo.idIndexesUnder(tx, moved.toRegion, moved.newPath);
  for (let i = 0; i < bidxs.length; i += 5000) await repo.moveClaims(tx, bidxs.slice(i, i + 5000), moved.toRegion);
}
