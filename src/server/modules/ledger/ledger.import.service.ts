import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/ledger.import.errors.js';
import { LEDGER_LIMITS, type CreateLedgerEntryBody, type LedgerEntry } from '../../../common/ledger.js';
import { Proposal, type ReportTreeNode } from '../../../common/ledger.report.js';
import {
  LEDGER_IMPORT_LIMITS,
  type LedgerImport,
  type LedgerImportListQuery,
  type LedgerImportSummary,
} from '../../../common/ledger.import.js';
import type { Page } from '../../../common/paging.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { listPage } from '../../http/list-page.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { createEntryFromProposal } from './ledger.service.js';
import { readPage } from './report/input.js';
import { proposeEntries } from './report/propose.js';
import * as repo from './ledger.import.repo.js';

/** A page as received: pasted text, or the bytes of an uploaded file (UTF-8 or GBK) with its name. */
export type ReceivedPage = { text: string; fileName: null } | { bytes: Uint8Array; fileName: string | null };

/** The caller's visible tree as the parser matches organisers against it (bounded, upper levels first). */
async function visibleTree(db: Executor, actor: Actor): Promise<ReportTreeNode[]> {
  const rows = await repo.treeNodesInScope(db, scopeFor(actor, 'org.read'), LEDGER_IMPORT_LIMITS.treeNodes);
  return rows.map((r) => ({ id: String(r.id), name: r.name, path: r.path, kind: r.kind, district: r.district }));
}

/** The draft the caller may work on (its node in the ledger.write scope): 404 where unseen, 403 where only read. */
async function draftToWrite(db: Executor, actor: Actor, id: number) {
  const draft = await repo.findImportInScope(db, scopeFor(actor, 'ledger.write'), id);
  if (draft) return draft;
  if (await repo.findImportInScope(db, scopeFor(actor, 'ledger.read'), id)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

async function present(db: Executor, draft: repo.ImportRow & { id: number }, rows: repo.ProposalRow[]): Promise<LedgerImport> {
  return {
    id: draft.id,
    orgId: draft.org_id,
    orgName: draft.org_name,
    fileName: draft.file_name,
    sourceText: draft.source_text,
    createdAt: draft.created_at,
    proposals: rows.map((r) => ({
      importId: r.import_id,
      position: r.position,
      status: r.status,
      entryId: r.entry_id,
      proposal: Proposal.parse(r.proposal),
    })),
  };
}

/**
 * Reads a page into proposed entries for the node `orgId` (ledger.write there) and keeps them as a draft. Binary,
 * empty and oversized pages are refused with the parser's messages; the organisers are matched against the nodes the
 * caller can see. Writes nothing to the ledger.
 */
export async function importPage(db: Kysely<DB>, actor: Actor, orgId: number, page: ReceivedPage): Promise<LedgerImport> {
  const org = await findOrgFor(db, actor, 'ledger.write', orgId);
  const { text } = readPage('bytes' in page ? page.bytes : page.text);
  const proposals = proposeEntries(text, await visibleTree(db, actor));
  if (proposals.length === 0) throw new AppError('LEDGER_IMPORT_NO_ITEMS');
  const fileName = page.fileName ? page.fileName.slice(0, LEDGER_IMPORT_LIMITS.fileName) : null;
  const id = await db.transaction().execute(async (tx) => {
    const draftId = await repo.insertImport(
      tx,
      { orgId: org.id, orgPath: org.path, fileName, sourceText: text, createdBy: actor.userId },
      proposals,
    );
    await recordWrite(
      tx,
      actor,
      'ledger.import.create',
      { type: 'ledger_import', id: draftId, orgPath: org.path },
      { title: fileName ?? proposals[0]?.headline ?? '', proposals: proposals.length },
    );
    return draftId;
  });
  return getImport(db, actor, id);
}

/** A draft with its proposals, for the cadre who may write its node's ledger. */
export async function getImport(db: Executor, actor: Actor, id: number): Promise<LedgerImport> {
  const draft = await draftToWrite(db, actor, id);
  return present(db, draft, await repo.proposalsOf(db, draft));
}

function presentDraft(r: repo.DraftRow): LedgerImportSummary {
  const open = Number(r.open);
  return {
    id: r.id,
    fileName: r.file_name,
    firstLine: r.first_line,
    orgId: r.org_id,
    orgName: r.org_name,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    status: open > 0 ? 'open' : 'finished',
    open,
    confirmed: Number(r.confirmed),
    discarded: Number(r.discarded),
  };
}

/**
 * The drafts (草稿) of the node `orgId` and its subtree that the caller may work on — the permission that opens a
 * draft (ledger.write), in the SQL — newest first, with a total on the first page; `open` keeps those with a
 * proposal awaiting a decision, `finished` the others.
 */
export async function listImports(db: Executor, actor: Actor, query: LedgerImportListQuery): Promise<Page<LedgerImportSummary>> {
  const scope = scopeFor(actor, 'ledger.write');
  // No draft to open anywhere: refused as such (403), wherever the filter points.
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const org = await findOrgFor(db, actor, 'ledger.write', query.orgId);
  const filter = { orgPath: org.path, status: query.status };
  return listPage(query, {
    cursor: 'number',
    read: (after) => repo.listDrafts(db, scope, { ...filter, after, limit: query.limit }),
    present: (rows) => rows.map(presentDraft),
    sortKey: (last) => last.id,
    total: () => repo.countDrafts(db, scope, filter),
  });
}

/**
 * Confirms one open proposal with the cadre's corrections: the entry is written (organised by an existing node the
 * cadre may write — a proposed new node is never created here) and the proposal marked, in one transaction. The
 * news item's text is kept as the entry's source unless the cadre sent one.
 */
export async function confirmProposal(
  db: Kysely<DB>,
  actor: Actor,
  importId: number,
  position: number,
  body: CreateLedgerEntryBody,
): Promise<LedgerEntry> {
  return db.transaction().execute(async (tx) => {
    const draft = await draftToWrite(tx, actor, importId);
    const row = await repo.proposalForDecision(tx, draft, position);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'open') throw new AppError('LEDGER_IMPORT_DECIDED');
    const { span } = Proposal.parse(row.proposal);
    const sourceText = body.sourceText ?? draft.source_text.slice(span.start, span.end).slice(0, LEDGER_LIMITS.sourceText);
    const entry = await createEntryFromProposal(tx, actor, { ...body, sourceText });
    if (!(await repo.decideProposal(tx, draft, position, { status: 'confirmed', entryId: entry.id, decidedBy: actor.userId }))) {
      throw new AppError('LEDGER_IMPORT_DECIDED');
    }
    return entry;
  });
}

/** Discards one open proposal: it will not become an entry. Audited with the item's headline. */
export async function discardProposal(db: Kysely<DB>, actor: Actor, importId: number, position: number): Promise<LedgerImport> {
  await db.transaction().execute(async (tx) => {
    const draft = await draftToWrite(tx, actor, importId);
    const row = await repo.proposalForDecision(tx, draft, position);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'open') throw new AppError('LEDGER_IMPORT_DECIDED');
    if (!(await repo.decideProposal(tx, draft, position, { status: 'discarded', entryId: null, decidedBy: actor.userId }))) {
      throw new AppError('LEDGER_IMPORT_DECIDED');
    }
    const { headline } = Proposal.parse(row.proposal);
    await recordWrite(
      tx,
      actor,
      'ledger.import.discard',
      { type: 'ledger_import', id: draft.id, orgPath: draft.org_path },
      { title: headline ?? '' },
    );
  });
  return getImport(db, actor, importId);
}
