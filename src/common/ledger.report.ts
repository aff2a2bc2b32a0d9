import { z } from 'zod';
import { ledgerKinds, type LedgerKind } from './ledger.js';

/**
 * Proposed ledger entries read from a news report (工作台账 from the union paper, issue #15). The server proposes,
 * a cadre corrects and confirms; nothing here is ever written without a person.
 */

/** One pasted or uploaded page: larger than this is not one page of a newspaper. */
export const REPORT_PAGE_MAX_BYTES = 2 * 1024 * 1024;
/** A streamed upload (many pages, proposed item by item): past this it is refused, a 50 MB text included. */
export const REPORT_STREAM_MAX_BYTES = 32 * 1024 * 1024;
/** A news item longer than this is split where it can be: no real item comes near it. */
export const REPORT_ITEM_MAX_CHARS = 64 * 1024;

/** The kinds of work of the ledger (台账类别); the rules of the report step pick one of them. */
export const reportLedgerKinds = ledgerKinds;
export type ReportLedgerKind = LedgerKind;

/** Where a value came from: the text as printed and its character offsets [start, end) in the source page. */
export const Snippet = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Snippet = z.infer<typeof Snippet>;

/** A node of the tree the organisers are matched against. `district` is the district code (110101) or null. */
export const ReportTreeNode = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  path: z.string(),
  kind: z.string(),
  district: z.string().nullable(),
});
export type ReportTreeNode = z.infer<typeof ReportTreeNode>;

/** A day as printed: no year is invented when none is printed. */
export const PrintedDay = z.object({
  year: z.number().int().nullable(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31).nullable(),
});
export type PrintedDay = z.infer<typeof PrintedDay>;

export const ReportDate = z.object({
  from: PrintedDay,
  /** The last day of a range (6月18日至19日), else null. */
  to: PrintedDay.nullable(),
  snippet: Snippet,
});
export type ReportDate = z.infer<typeof ReportDate>;

export const ReportFigure = z.object({
  value: z.number(),
  /** The measure word or unit as printed (人, 名, 家, 斤, %), null when none (3万职工). */
  unit: z.string().nullable(),
  /** What it counts (职工, 基层工会组织), when the words around it say so. */
  counts: z.string().nullable(),
  /** 余 / 多 / 近 / 约 / 左右: the printed value is not exact. */
  approximate: z.boolean(),
  snippet: Snippet,
});
export type ReportFigure = z.infer<typeof ReportFigure>;

export const OrganiserMatch = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('existing'),
    nodeId: z.string(),
    nodeName: z.string(),
    /** exact name, a known short form (市总工会, 东城区总), the district the item names (区总工会), or a close name. */
    how: z.enum(['exact', 'alias', 'context', 'fuzzy']),
  }),
  z.object({
    status: z.literal('new'),
    /** Proposed only: the cadre creates it, or not. */
    name: z.string(),
    parentId: z.string().nullable(),
    parentName: z.string().nullable(),
  }),
]);
export type OrganiserMatch = z.infer<typeof OrganiserMatch>;

export const ProposedOrganiser = z.object({
  role: z.enum(['organiser', 'co_organiser']),
  printed: Snippet,
  match: OrganiserMatch,
});
export type ProposedOrganiser = z.infer<typeof ProposedOrganiser>;

export const Proposal = z.object({
  /** Position of the item on its page (0-based), or in the stream. */
  index: z.number().int().nonnegative(),
  headline: z.string().nullable(),
  /** 引题 / 副题 printed with the headline. */
  kicker: z.string().nullable(),
  /** 本报讯(记者 …) or the photo credit, as printed. */
  byline: z.string().nullable(),
  isPhoto: z.boolean(),
  /** The whole item in the source page. */
  span: Snippet.omit({ text: true }),
  organisers: z.array(ProposedOrganiser),
  district: z.object({ code: z.string(), name: z.string() }).nullable(),
  kind: z.enum(reportLedgerKinds),
  /** The words that decided the kind (培训班, 送清凉 …), for the cadre to judge. */
  kindBecause: z.string().nullable(),
  date: ReportDate.nullable(),
  /** 近日 / 连日来 / 日前 when no day is printed. */
  relativeDate: z.string().nullable(),
  figures: z.array(ReportFigure),
});
export type Proposal = z.infer<typeof Proposal>;
