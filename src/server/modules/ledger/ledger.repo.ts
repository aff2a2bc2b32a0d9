import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ListTotal } from '../../../common/paging.js';
import type { LedgerFigureInput, LedgerKind, LedgerModule, LedgerReach, LedgerSource, PeopleBasis } from '../../../common/ledger.js';
import { boundedTotal } from '../../http/list-total.js';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import './ledger.photos.tables.js';

function selectEntries(db: Executor) {
  return db
    .selectFrom('ledger_entry as e')
    .innerJoin('org_unit as o', 'o.id', 'e.org_id')
    .select([
      'e.id',
      'e.org_id',
      'o.name as org_name',
      'e.org_path',
      'e.kind',
      'e.title',
      'e.summary',
      'e.date_from',
      'e.date_to',
      'e.place',
      'e.people_reached',
      'e.people_basis',
      'e.source',
      'e.module',
      'e.module_record_id',
      'e.other_organisers',
      'e.source_snippet',
      'e.source_ref',
      sql<boolean>`e.source_text IS NOT NULL`.as('has_source_text'),
      'e.created_by',
      'e.created_at',
      'e.updated_at',
      'e.version',
    ]);
}
export type EntryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>['executeTakeFirstOrThrow']>>;

/** The entry is organised in the scope, or (for reads) co-organised by a node in it. */
function entryInScope(scope: OrgScope, withCoOrganisers: boolean): RawBuilder<SqlBool> {
  if (!withCoOrganisers) return inScope(scope, sql.ref('e.org_path'));
  return sql<SqlBool>`(${inScope(scope, sql.ref('e.org_path'))}
    OR EXISTS (SELECT 1 FROM ledger_entry_org c WHERE c.entry_id = e.id AND ${inScope(scope, sql.ref('c.org_path'))}))`;
}

/** One entry in the scope: organised there (a write), or organised or co-organised there (a read). */
export async function findEntryInScope(
  db: Executor,
  scope: OrgScope,
  id: number,
  withCoOrganisers: boolean,
): Promise<InScope<EntryRow> | undefined> {
  const row = await selectEntries(db).where('e.id', '=', id).where(entryInScope(scope, withCoOrganisers)).executeTakeFirst();
  return row && provenInScope(row);
}

export async function sourceTextOf(db: Executor, entry: InScope<{ id: number }>): Promise<string | null> {
  const row = await db.selectFrom('ledger_entry').select('source_text').where('id', '=', entry.id).executeTakeFirst();
  return row?.source_text ?? null;
}

/** The entry of a module record, whoever may see it (the module's own listener asks, inside its write). */
export async function entryIdOfModuleRecord(db: Executor, module: LedgerModule, recordId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('ledger_entry')
    .select('id')
    .where('module', '=', module)
    .where('module_record_id', '=', recordId)
    .executeTakeFirst();
  return row?.id;
}

export type LedgerFilter = { orgId: number; orgPath: string; reach: LedgerReach; year: number; kind: LedgerKind | undefined };

/** A node's entries of a year (organised or co-organised by it, or by a node under it for 'subtree'). */
export function entriesOf(db: Executor, scope: OrgScope, f: LedgerFilter) {
  const belongs =
    f.reach === 'node'
      ? sql<SqlBool>`(e.org_id = ${f.orgId} OR EXISTS (SELECT 1 FROM ledger_entry_org c WHERE c.entry_id = e.id AND c.org_id = ${f.orgId}))`
      : sql<SqlBool>`(e.org_path <@ ${f.orgPath}::ltree
          OR EXISTS (SELECT 1 FROM ledger_entry_org c WHERE c.entry_id = e.id AND c.org_path <@ ${f.orgPath}::ltree))`;
  let q = selectEntries(db)
    .where(entryInScope(scope, true))
    .where(belongs)
    .where('e.date_from', '>=', `${f.year}-01-01`)
    .where('e.date_from', '<=', `${f.year}-12-31`);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  return q;
}

/** Newest first, keyset-paged on (date_from, id). */
export async function listEntries(
  db: Executor,
  scope: OrgScope,
  f: LedgerFilter & { after: [string, number] | undefined; limit: number },
): Promise<EntryRow[]> {
  let q = entriesOf(db, scope, f)
    .orderBy('e.date_from', 'desc')
    .orderBy('e.id', 'desc')
    .limit(f.limit + 1);
  if (f.after) q = q.where(sql<SqlBool>`(e.date_from, e.id) < (${f.after[0]}::date, ${f.after[1]})`);
  return q.execute();
}

export function countEntries(db: Executor, scope: OrgScope, f: LedgerFilter): Promise<ListTotal> {
  return boundedTotal(db, entriesOf(db, scope, f));
}

/** Oldest first, keyset-paged on (date_from, id): the export's pages. */
export function entriesForExport(
  db: Executor,
  scope: OrgScope,
  f: LedgerFilter,
  after: [string, number] | undefined,
  limit: number,
): Promise<EntryRow[]> {
  let q = entriesOf(db, scope, f).orderBy('e.date_from').orderBy('e.id').limit(limit);
  if (after) q = q.where(sql<SqlBool>`(e.date_from, e.id) > (${after[0]}::date, ${after[1]})`);
  return q.execute();
}

export async function coOrganisersOf(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('ledger_entry_org as c')
    .innerJoin('org_unit as o', 'o.id', 'c.org_id')
    .select(['c.entry_id', 'c.org_id', 'o.name'])
    .where('c.entry_id', 'in', [...ids])
    .orderBy('c.entry_id')
    .orderBy('o.name')
    .execute();
}

export async function figuresOf(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('ledger_figure')
    .select(['id', 'entry_id', 'value', 'unit', 'counts', 'approximate', 'snippet'])
    .where('entry_id', 'in', [...ids])
    .orderBy('entry_id')
    .orderBy('position')
    .execute();
}

/** The nodes among `ids` the scope reaches (co-organisers must be visible to the caller). */
export async function orgsInScope(db: Executor, scope: OrgScope, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('org_unit')
    .select(['id', 'path', 'name'])
    .where('id', 'in', [...ids])
    .where(inScope(scope, sql.ref('path')))
    .execute();
}

export type EntryValues = {
  orgId: number;
  orgPath: string;
  kind: LedgerKind;
  title: string;
  summary: string | null;
  dateFrom: string;
  dateTo: string | null;
  place: string | null;
  peopleReached: number | null;
  peopleBasis: PeopleBasis | null;
  source: LedgerSource;
  module: LedgerModule | null;
  moduleRecordId: number | null;
  otherOrganisers: string[];
  sourceSnippet: string | null;
  sourceRef: string | null;
  sourceText: string | null;
  createdBy: number | null;
};

/** Inserts an entry; a module record's second entry is not inserted (undefined: the unique link held). */
export async function insertEntry(tx: Executor, v: EntryValues): Promise<number | undefined> {
  const row = await tx
    .insertInto('ledger_entry')
    .values({
      org_id: v.orgId,
      org_path: v.orgPath,
      kind: v.kind,
      title: v.title,
      summary: v.summary,
      date_from: v.dateFrom,
      date_to: v.dateTo,
      place: v.place,
      people_reached: v.peopleReached,
      people_basis: v.peopleBasis,
      source: v.source,
      module: v.module,
      module_record_id: v.moduleRecordId,
      other_organisers: v.otherOrganisers,
      source_snippet: v.sourceSnippet,
      source_ref: v.sourceRef,
      source_text: v.sourceText,
      created_by: v.createdBy,
    })
    .onConflict((oc) => oc.columns(['module', 'module_record_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export type EntryChanges = Partial<
  Omit<EntryValues, 'orgId' | 'orgPath' | 'source' | 'module' | 'moduleRecordId' | 'createdBy' | 'sourceText'>
>;

/** Applies a correction when the entry is still at `version` (false: someone changed it meanwhile). */
export async function updateEntry(tx: Executor, entry: InScope<{ id: number }>, version: number, c: EntryChanges): Promise<boolean> {
  const set = {
    ...(c.kind !== undefined && { kind: c.kind }),
    ...(c.title !== undefined && { title: c.title }),
    ...(c.summary !== undefined && { summary: c.summary }),
    ...(c.dateFrom !== undefined && { date_from: c.dateFrom }),
    ...(c.dateTo !== undefined && { date_to: c.dateTo }),
    ...(c.place !== undefined && { place: c.place }),
    ...(c.peopleReached !== undefined && { people_reached: c.peopleReached, people_basis: c.peopleBasis ?? null }),
    ...(c.otherOrganisers !== undefined && { other_organisers: c.otherOrganisers }),
    ...(c.sourceSnippet !== undefined && { source_snippet: c.sourceSnippet }),
    ...(c.sourceRef !== undefined && { source_ref: c.sourceRef }),
  };
  const result = await tx
    .updateTable('ledger_entry')
    .set({ ...set, version: version + 1, updated_at: sql<string>`now()` })
    .where('id', '=', entry.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceCoOrganisers(tx: Executor, entryId: number, orgs: readonly { id: number; path: string }[]): Promise<void> {
  await tx.deleteFrom('ledger_entry_org').where('entry_id', '=', entryId).execute();
  if (orgs.length > 0)
    await tx
      .insertInto('ledger_entry_org')
      .values(orgs.map((o) => ({ entry_id: entryId, org_id: o.id, org_path: o.path })))
      .execute();
}

export async function replaceFigures(tx: Executor, entryId: number, figures: readonly LedgerFigureInput[]): Promise<void> {
  await tx.deleteFrom('ledger_figure').where('entry_id', '=', entryId).execute();
  if (figures.length > 0)
    await tx
      .insertInto('ledger_figure')
      .values(
        figures.map((f, position) => ({
          entry_id: entryId,
          position,
          value: f.value,
          unit: f.unit,
          counts: f.counts,
          approximate: f.approximate,
          snippet: f.snippet ?? null,
        })),
      )
      .execute();
}

/** Deletes an entry still at `version`, its figures, co-organisers, members and photos with it. */
export async function deleteEntry(tx: Executor, entry: InScope<{ id: number }>, version: number): Promise<boolean> {
  const current = await tx.selectFrom('ledger_entry').select('version').where('id', '=', entry.id).forUpdate().executeTakeFirst();
  if (current?.version !== version) return false;
  await tx.deleteFrom('ledger_figure').where('entry_id', '=', entry.id).execute();
  await tx.deleteFrom('ledger_entry_org').where('entry_id', '=', entry.id).execute();
  await tx.deleteFrom('ledger_entry_member').where('entry_id', '=', entry.id).execute();
  await tx.deleteFrom('ledger_entry_photo').where('entry_id', '=', entry.id).execute();
  await tx.deleteFrom('ledger_entry').where('id', '=', entry.id).execute();
  return true;
}

export async function clearMembers(tx: Executor, entry: InScope<{ id: number }>): Promise<void> {
  await tx.deleteFrom('ledger_entry_member').where('entry_id', '=', entry.id).execute();
}

export async function setMembersReached(tx: Executor, entryId: number, count: number): Promise<void> {
  await tx.updateTable('ledger_entry').set({ people_reached: count }).where('id', '=', entryId).execute();
}

/**
 * The members who attended the sessions of an event (checked in), and those marked present at a training session taking
 * its sign-ups through one of them, each once: the people an event entry reached.
 */
export async function addEventAttendees(tx: Executor, entryId: number, eventId: number): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    WITH added AS (
      INSERT INTO ledger_entry_member (region_id, entry_id, member_id)
      SELECT r.region_id, ${entryId}::bigint, r.member_id FROM event_registration r
       WHERE r.event_id = ${eventId} AND r.status = 'attended'
      UNION
      SELECT a.region_id, ${entryId}::bigint, a.member_id FROM training_attendance a
        JOIN training_session t ON t.id = a.training_session_id
        JOIN event_session s ON s.id = t.event_session_id
       WHERE s.event_id = ${eventId}
      ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM added`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Whether a training session takes its sign-ups through an event session: the work is then the event's, and its entry
 * (added when the event closes) counts the session's attendees with the event's.
 */
export async function trainingSessionInEvent(tx: Executor, sessionId: number): Promise<boolean> {
  const row = await tx.selectFrom('training_session').select('event_session_id').where('id', '=', sessionId).executeTakeFirst();
  return row?.event_session_id != null;
}

/** The members marked present at a training session, each once: the people a training entry reached. */
export async function addTrainingAttendees(tx: Executor, entryId: number, sessionId: number): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    WITH added AS (
      INSERT INTO ledger_entry_member (region_id, entry_id, member_id)
      SELECT a.region_id, ${entryId}::bigint, a.member_id FROM training_attendance a WHERE a.training_session_id = ${sessionId}
      ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM added`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

/** What the ledger needs of a closed event: its days (Beijing), the place of its first session, its co-organisers. */
export async function eventFacts(tx: Executor, eventId: number) {
  const { rows } = await sql<{ date_from: string | null; date_to: string | null; place: string | null; summary: string | null }>`
    SELECT min((s.starts_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS date_from,
           max((s.ends_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS date_to,
           (SELECT s1.place FROM event_session s1 WHERE s1.event_id = ${eventId} ORDER BY s1.starts_at, s1.id LIMIT 1) AS place,
           (SELECT left(c.summary, 4000) FROM event_closing c WHERE c.event_id = ${eventId}) AS summary
      FROM event_session s WHERE s.event_id = ${eventId}`.execute(tx);
  const coOrganisers = await tx
    .selectFrom('event_co_organiser')
    .select(['org_id as id', 'org_path as path'])
    .where('event_id', '=', eventId)
    .execute();
  return { ...rows[0], coOrganisers };
}

/** The members who received a hand-out of a welfare campaign, each once: the people a welfare entry reached. */
export async function addWelfareRecipients(tx: Executor, entryId: number, regionId: number, campaignId: number): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    WITH added AS (
      INSERT INTO ledger_entry_member (region_id, entry_id, member_id)
      SELECT DISTINCT h.member_region_id, ${entryId}::bigint, h.member_id FROM welfare_handout h
       WHERE h.region_id = ${regionId} AND h.campaign_id = ${campaignId} AND h.member_id IS NOT NULL
      ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM added`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

/** A welfare campaign's hand-outs given (a counted batch by its people) and its co-organising nodes. */
export async function welfareFacts(tx: Executor, regionId: number, campaignId: number) {
  const { rows } = await sql<{ n: number | string | null }>`
    SELECT coalesce(sum(coalesce(h.batch_count, 1)), 0) AS n FROM welfare_handout h
     WHERE h.region_id = ${regionId} AND h.campaign_id = ${campaignId}`.execute(tx);
  const coOrganisers = await tx
    .selectFrom('welfare_campaign_node')
    .select(['org_id as id', 'org_path as path'])
    .where('campaign_id', '=', campaignId)
    .execute();
  return { handedOut: Number(rows[0]?.n ?? 0), coOrganisers };
}
