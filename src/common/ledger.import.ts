import { z } from 'zod';
import { Id, PageQuery, pageOf, queryCount } from './paging.js';
import { Proposal } from './ledger.report.js';
import { defineAuditActions } from './audit.actions.js';

/**
 * The report import of the work ledger (issue #15): a cadre pastes or uploads a page of the union paper, the server
 * proposes one entry per news item and keeps the proposals as a draft; the cadre corrects and confirms each one (it
 * becomes a ledger entry) or discards it. Nothing is written to the ledger without a person confirming.
 */

/** Named limits. */
export const LEDGER_IMPORT_LIMITS = {
  /** Nodes of the caller's visible tree the organisers are matched against (upper levels first). */
  treeNodes: 20_000,
  /** A file name as kept with the draft. */
  fileName: 200,
  /** The first line of a page as the drafts list shows it. */
  firstLine: 200,
} as const;

export const ledgerImportStatuses = ['open', 'confirmed', 'discarded'] as const;
export type LedgerImportStatus = (typeof ledgerImportStatuses)[number];

/** Which node's draft a pasted or uploaded page becomes (the cadre writes that node's ledger). */
export const LedgerImportQuery = z.object({ orgId: Id });
export type LedgerImportQuery = z.infer<typeof LedgerImportQuery>;

export const LedgerImportProposalParams = z.object({ id: Id, position: queryCount(0, 99_999) });
export type LedgerImportProposalParams = z.infer<typeof LedgerImportProposalParams>;

/** One proposed entry of a draft: what the parser read, and what became of it. */
export const LedgerImportProposal = z.object({
  importId: z.number(),
  /** The item's position on the page (0-based): the proposal's key within its draft. */
  position: z.number(),
  status: z.enum(ledgerImportStatuses),
  /** The ledger entry a confirmed proposal became (null if it was deleted from the ledger since). */
  entryId: z.number().nullable(),
  proposal: Proposal,
});
export type LedgerImportProposal = z.infer<typeof LedgerImportProposal>;

/** A draft: the page as pasted or uploaded (the offsets of every snippet point into it) and its proposals. */
export const LedgerImport = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  fileName: z.string().nullable(),
  sourceText: z.string(),
  createdAt: z.string(),
  proposals: z.array(LedgerImportProposal),
});
export type LedgerImport = z.infer<typeof LedgerImport>;

/** A draft is `open` while one of its proposals awaits a decision, `finished` once each is confirmed or discarded. */
export const ledgerImportDraftStatuses = ['open', 'finished'] as const;
export type LedgerImportDraftStatus = (typeof ledgerImportDraftStatuses)[number];

/** The drafts of a node's subtree (草稿), newest first; keyset-paged like every list (`cursor`, `limit`). */
export const LedgerImportListQuery = PageQuery.extend({
  orgId: Id,
  status: z.enum(ledgerImportDraftStatuses).optional(),
});
export type LedgerImportListQuery = z.infer<typeof LedgerImportListQuery>;

/** One draft of the list: what it is, whose, and how far the cadre got with its proposals. */
export const LedgerImportSummary = z.object({
  id: z.number(),
  /** The uploaded file's name, else null (a pasted page). */
  fileName: z.string().nullable(),
  /** The first line of the page that is not blank (at most LEDGER_IMPORT_LIMITS.firstLine characters). */
  firstLine: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  createdAt: z.string(),
  createdBy: z.number().nullable(),
  createdByName: z.string().nullable(),
  status: z.enum(ledgerImportDraftStatuses),
  /** Proposals by what became of them. */
  open: z.number(),
  confirmed: z.number(),
  discarded: z.number(),
});
export type LedgerImportSummary = z.infer<typeof LedgerImportSummary>;

export const LedgerImportPage = pageOf(LedgerImportSummary);
export type LedgerImportPage = z.infer<typeof LedgerImportPage>;

defineAuditActions({
  'ledger.import.create': {
    label: { 'zh-CN': '导入报道草稿', en: 'Report imported as a draft' },
    sentence: { 'zh-CN': '导入新闻报道，生成拟记台账草稿 {target}', en: 'Imported a news report as the draft of ledger entries {target}' },
  },
  'ledger.import.discard': {
    label: { 'zh-CN': '舍弃拟记条目', en: 'Proposed entry discarded' },
    sentence: { 'zh-CN': '舍弃报道草稿 {target} 中的一条拟记条目', en: 'Discarded a proposed entry of the report draft {target}' },
  },
});
