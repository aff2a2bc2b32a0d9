import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/ledger.errors.js';
import type { Page } from '../../../common/paging.js';
import {
  LEDGER_ROLLUP_CHILDREN,
  ledgerKinds,
  type CreateLedgerEntryBody,
  type LedgerEntry,
  type LedgerEntryDetail,
  type LedgerFigureInput,
  type LedgerKind,
  type LedgerListQuery,
  type LedgerModule,
  type LedgerPeople,
  type LedgerProposal,
  type LedgerRollup,
  type LedgerRollupQuery,
  type UpdateLedgerEntryBody,
} from '../../../common/ledger.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite, type AuditActor } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import * as repo from './ledger.repo.js';
import * as rollupRepo from './ledger.rollup.repo.js';

/** The entries with their co-organisers and figures (read for the whole page at once). */
export async function presentEntries(db: Executor, rows: repo.EntryRow[]): Promise<LedgerEntry[]> {
  const ids = rows.map((r) => r.id);
  const [orgs, figures] = await Promise.all([repo.coOrganisersOf(db, ids), repo.figuresOf(db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    coOrganisers: orgs.filter((o) => o.entry_id === r.id).map((o) => ({ orgId: o.org_id, name: o.name })),
    otherOrganisers: r.other_organisers,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    dateFrom: r.date_from,
    dateTo: r.date_to,
    place: r.place,
    peopleReached: r.people_reached,
    peopleBasis: r.people_basis,
    source: r.source,
    moduleLink: r.module && r.module_record_id !== null ? { module: r.module, recordId: r.module_record_id } : null,
    sourceSnippet: r.source_snippet,
    sourceRef: r.source_ref,
    hasSourceText: r.has_source_text,
    figures: figures
      .filter((f) => f.entry_id === r.id)
      .map((f) => ({ id: f.id, value: Number(f.value), unit: f.unit, counts: f.counts, approximate: f.approximate, snippet: f.snippet })),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

/** The co-organising nodes: each in the tree, visible to the caller, not the organiser itself. */
async function coOrganisersFor(tx: Executor, actor: Actor, organiserId: number, ids: readonly number[]) {
  const unique = [...new Set(ids)];
  if (unique.includes(organiserId)) throw new AppError('LEDGER_CO_ORGANISER_INVALID');
  const orgs = await repo.orgsInScope(tx, scopeFor(actor, 'org.read'), unique);
  if (orgs.length !== unique.length) throw new AppError('LEDGER_CO_ORGANISER_INVALID');
  return orgs;
}

/** The entry the caller may correct (organised in its ledger.write scope): 404 where unseen, 403 where only seen. */
export async function entryToWrite(tx: Executor, actor: Actor, id: number) {
  const entry = await repo.findEntryInScope(tx, scopeFor(actor, 'ledger.write'), id, false);
  if (entry) return entry;
  if (await repo.findEntryInScope(tx, scopeFor(actor, 'ledger.read'), id, true)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** The entry the caller may read (organised or co-organised in its ledger.read scope): 404 where unseen. */
export async function entryToRead(db: Executor, actor: Actor, id: number) {
  const entry = await repo.findEntryInScope(db, scopeFor(actor, 'ledger.read'), id, true);
  if (!entry) throw new AppError('NOT_FOUND');
  return entry;
}

async function readBack(tx: Executor, actor: Actor, id: number): Promise<LedgerEntry> {
  const row = await repo.findEntryInScope(tx, scopeFor(actor, 'ledger.write'), id, false);
  if (!row) throw new AppError('NOT_FOUND');
  return (await presentEntries(tx, [row]))[0]!;
}

type NewEntry = Omit<CreateLedgerEntryBody, 'orgId'> & { orgId: number };

/** Inserts an entry typed or confirmed by a cadre, with its co-organisers and figures; audited as `action`. */
async function insertWritten(
  tx: Executor,
  actor: Actor,
  body: NewEntry,
  source: 'manual' | 'report',
  action: 'ledger.entry.create' | 'ledger.entry.report',
): Promise<LedgerEntry> {
  const org = await findOrgFor(tx, actor, 'ledger.write', body.orgId);
  const coOrgs = await coOrganisersFor(tx, actor, org.id, body.coOrgIds);
  const people = body.peopleReached ?? null;
  const id = await repo.insertEntry(tx, {
    orgId: org.id,
    orgPath: org.path,
    kind: body.kind,
    title: body.title,
    summary: body.summary || null,
    dateFrom: body.dateFrom,
    dateTo: body.dateTo ?? null,
    place: body.place || null,
    peopleReached: people,
    peopleBasis: people === null ? null : 'reported',
    source,
    module: null,
    moduleRecordId: null,
    otherOrganisers: body.otherOrganisers,
    sourceSnippet: body.sourceSnippet || null,
    sourceRef: body.sourceRef || null,
    sourceText: body.sourceText || null,
    createdBy: actor.userId,
  });
  if (id === undefined) throw new AppError('CONFLICT');
  await repo.replaceCoOrganisers(tx, id, coOrgs);
  await repo.replaceFigures(tx, id, body.figures);
  await recordWrite(tx, actor, action, { type: 'ledger_entry', id, orgPath: org.path }, { kind: body.kind, title: body.title });
  return readBack(tx, actor, id);
}

/** Adds an entry to the organising node's ledger (ledger.write there); co-organisers must be visible nodes. */
export async function createEntry(db: Kysely<DB>, actor: Actor, body: CreateLedgerEntryBody): Promise<LedgerEntry> {
  return db.transaction().execute((tx) => insertWritten(tx, actor, body, 'manual', 'ledger.entry.create'));
}

/**
 * Turns a proposal the cadre confirmed (the report import) into an entry, in one transaction. Nothing here creates a
 * node: a proposed node (a company union not in the tree) must sit under the organising node, and its printed name
 * is kept among the entry's other organisers, so the work shows in the parent's ledger until the node exists.
 */
export async function createEntryFromProposal(db: Executor, actor: Actor, proposal: LedgerProposal): Promise<LedgerEntry> {
  if (proposal.dateTo && proposal.dateTo < proposal.dateFrom) throw new AppError('LEDGER_PERIOD_INVALID');
  const { proposedOrg, ...entry } = proposal;
  if (proposedOrg && proposedOrg.parentOrgId !== proposal.orgId) throw new AppError('LEDGER_PROPOSED_ORG_INVALID');
  const otherOrganisers =
    proposedOrg && !entry.otherOrganisers.includes(proposedOrg.name) ? [proposedOrg.name, ...entry.otherOrganisers] : entry.otherOrganisers;
  const write = (tx: Executor) => insertWritten(tx, actor, { ...entry, otherOrganisers }, 'report', 'ledger.entry.report');
  // The report import confirms inside its own transaction (the proposal is marked with the entry it became).
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}

/** Corrects an entry (the fields given), guarded by its version; figures and co-organisers are replaced as lists. */
export async function updateEntry(db: Kysely<DB>, actor: Actor, id: number, body: UpdateLedgerEntryBody): Promise<LedgerEntry> {
  return db.transaction().execute(async (tx) => {
    const entry = await entryToWrite(tx, actor, id);
    if (entry.version !== body.version) throw new AppError('CONFLICT');
    const dateFrom = body.dateFrom ?? entry.date_from;
    const dateTo = body.dateTo === undefined ? entry.date_to : body.dateTo;
    if (dateTo !== null && dateTo < dateFrom) throw new AppError('LEDGER_PERIOD_INVALID');
    const coOrgs = body.coOrgIds && (await coOrganisersFor(tx, actor, entry.org_id, body.coOrgIds));
    // A number typed over a module's count is a reported figure: the members behind the count no longer stand for it.
    const peopleChanged = body.peopleReached !== undefined && body.peopleReached !== entry.people_reached;
    const changed = await repo.updateEntry(tx, entry, body.version, {
      kind: body.kind,
      title: body.title,
      summary: body.summary === undefined ? undefined : body.summary || null,
      dateFrom: body.dateFrom,
      dateTo: body.dateTo,
      place: body.place === undefined ? undefined : body.place || null,
      ...(peopleChanged && {
        peopleReached: body.peopleReached ?? null,
        peopleBasis: body.peopleReached === null || body.peopleReached === undefined ? null : 'reported',
      }),
      otherOrganisers: body.otherOrganisers,
      sourceSnippet: body.sourceSnippet === undefined ? undefined : body.sourceSnippet || null,
      sourceRef: body.sourceRef === undefined ? undefined : body.sourceRef || null,
    });
    if (!changed) throw new AppError('CONFLICT');
    if (peopleChanged && entry.people_basis === 'members') await repo.clearMembers(tx, entry);
    if (coOrgs) await repo.replaceCoOrganisers(tx, entry.id, coOrgs);
    if (body.figures) await repo.replaceFigures(tx, entry.id, body.figures);
    const fields = Object.keys(body)
      .filter((k) => k !== 'version')
      .sort()
      .join(', ');
    await recordWrite(
      tx,
      actor,
      'ledger.entry.update',
      { type: 'ledger_entry', id: entry.id, orgPath: entry.org_path },
      { title: body.title ?? entry.title, version: body.version + 1, changed: fields },
    );
    return readBack(tx, actor, entry.id);
  });
}

/** Deletes an entry at the version the caller read; audited with what it was. */
export async function deleteEntry(db: Kysely<DB>, actor: Actor, id: number, version: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const entry = await entryToWrite(tx, actor, id);
    if (!(await repo.deleteEntry(tx, entry, version))) throw new AppError('CONFLICT');
    await recordWrite(
      tx,
      actor,
      'ledger.entry.delete',
      { type: 'ledger_entry', id: entry.id, orgPath: entry.org_path },
      { kind: entry.kind, title: entry.title, version },
    );
  });
}

/** One entry the caller may read (organised or co-organised in its ledger.read scope), with its source text. */
export async function getEntry(db: Kysely<DB>, actor: Actor, id: number): Promise<LedgerEntryDetail> {
  const row = await entryToRead(db, actor, id);
  const [entry] = await presentEntries(db, [row]);
  return { ...entry!, sourceText: await repo.sourceTextOf(db, row) };
}

/** A node's ledger of a year: its own entries (organised or co-organised), or its whole subtree's; newest first. */
export async function listEntries(db: Kysely<DB>, actor: Actor, query: LedgerListQuery): Promise<Page<LedgerEntry>> {
  const org = await findOrgFor(db, actor, 'ledger.read', query.orgId);
  const scope = scopeFor(actor, 'ledger.read');
  const filter = { orgId: org.id, orgPath: org.path, reach: query.reach, year: query.year, kind: query.kind };
  return listPage(query, {
    cursor: 'date-number',
    read: (after) => repo.listEntries(db, scope, { ...filter, after, limit: query.limit }),
    present: (rows) => presentEntries(db, rows),
    sortKey: (last) => [last.dateFrom, last.id],
    total: () => repo.countEntries(db, scope, filter),
  });
}

const emptyPeople = (): LedgerPeople => ({ members: 0, membersEntries: 0, reported: 0, reportedEntries: 0, entriesWithoutFigure: 0 });

/**
 * A node's subtree for a year: activities by kind; people reached as distinct members where a module knows the people
 * (a person who came to five events counts once), and as the sum of reported figures elsewhere — two bases, never added.
 */
export async function rollup(db: Kysely<DB>, actor: Actor, query: LedgerRollupQuery): Promise<LedgerRollup> {
  const org = await findOrgFor(db, actor, 'ledger.read', query.orgId);
  const filter = { orgId: org.id, orgPath: org.path, reach: 'subtree' as const, year: query.year, kind: undefined };
  const scope = scopeFor(actor, 'ledger.read');
  const { kinds, members, figures } = await rollupRepo.rollupByKind(db, scope, filter);
  const children = await rollupRepo.rollupByChild(db, scope, filter, LEDGER_ROLLUP_CHILDREN);
  const people = emptyPeople();
  const byKind = kinds.map((k) => {
    const p: LedgerPeople = {
      members: Number(members.find((m) => m.kind === k.kind)?.n ?? 0),
      membersEntries: Number(k.members_entries),
      reported: Number(k.reported ?? 0),
      reportedEntries: Number(k.reported_entries),
      entriesWithoutFigure: Number(k.without_figure),
    };
    people.membersEntries += p.membersEntries;
    people.reported += p.reported;
    people.reportedEntries += p.reportedEntries;
    people.entriesWithoutFigure += p.entriesWithoutFigure;
    return { kind: k.kind, activities: Number(k.activities), people: p };
  });
  people.members = Number(members.find((m) => m.kind === null)?.n ?? 0);
  byKind.sort((a, b) => ledgerKinds.indexOf(a.kind) - ledgerKinds.indexOf(b.kind));
  return {
    orgId: org.id,
    orgName: org.name,
    year: query.year,
    activities: byKind.reduce((n, k) => n + k.activities, 0),
    people,
    byKind,
    figures: figures.map((f) => ({
      unit: f.unit,
      counts: f.counts,
      total: Number(f.total),
      entries: Number(f.entries),
      approximate: f.approximate,
    })),
    children: children.slice(0, LEDGER_ROLLUP_CHILDREN).map((c) => ({
      orgId: c.org_id,
      orgName: c.org_name,
      activities: Number(c.activities),
      people: {
        members: Number(c.members),
        membersEntries: Number(c.members_entries),
        reported: Number(c.reported ?? 0),
        reportedEntries: Number(c.reported_entries),
        entriesWithoutFigure: Number(c.without_figure),
      },
    })),
    hasMoreChildren: children.length > LEDGER_ROLLUP_CHILDREN,
  };
}

/** The work a module closed, as its listener hands it to the ledger. */
export type ModuleWork = {
  module: LedgerModule;
  recordId: number;
  orgId: number;
  orgPath: string;
  kind: LedgerKind;
  title: string;
  summary: string | null;
  dateFrom: string;
  dateTo: string | null;
  place: string | null;
  coOrganisers: readonly { id: number; path: string }[];
  /** Adds the members the work reached to the entry and answers how many; absent when the module knows no people. */
  addMembers?: (tx: Executor, entryId: number) => Promise<number>;
  /** A reported number of people, when the module knows a count but not the people. */
  reportedPeople?: number | null;
  /** The module's own figures of the work (hand-outs given …). */
  figures?: readonly LedgerFigureInput[];
};

/**
 * Adds the entry of a module record inside the module's own transaction (its listener), once: a record closed twice
 * (or re-emitted) adds nothing the second time. The people are counted from the module's records (basis 'members').
 */
export async function recordModuleWork(tx: Executor, actor: AuditActor, work: ModuleWork): Promise<number | undefined> {
  if ((await repo.entryIdOfModuleRecord(tx, work.module, work.recordId)) !== undefined) return undefined;
  const reported = work.reportedPeople ?? null;
  const id = await repo.insertEntry(tx, {
    orgId: work.orgId,
    orgPath: work.orgPath,
    kind: work.kind,
    title: work.title,
    summary: work.summary,
    dateFrom: work.dateFrom,
    dateTo: work.dateTo && work.dateTo > work.dateFrom ? work.dateTo : null,
    place: work.place,
    peopleReached: work.addMembers ? 0 : reported,
    peopleBasis: work.addMembers ? 'members' : reported === null ? null : 'reported',
    source: 'module',
    module: work.module,
    moduleRecordId: work.recordId,
    otherOrganisers: [],
    sourceSnippet: null,
    sourceRef: null,
    sourceText: null,
    createdBy: actor.userId,
  });
  if (id === undefined) return undefined;
  await repo.replaceCoOrganisers(tx, id, work.coOrganisers);
  if (work.figures && work.figures.length > 0) await repo.replaceFigures(tx, id, work.figures);
  if (work.addMembers) await repo.setMembersReached(tx, id, await work.addMembers(tx, id));
  await recordWrite(
    tx,
    actor,
    'ledger.entry.module',
    { type: 'ledger_entry', id, orgPath: work.orgPath },
    { kind: work.kind, title: work.title, module: work.module },
  );
  return id;
}
