import { LEDGER_LIMITS, type CreateLedgerEntryBody, type LedgerKind, type LedgerOrgRef } from '../../../common/ledger.js';
import type { PrintedDay, Proposal } from '../../../common/ledger.report.js';

/** A figure as the cadre keeps or corrects it. */
export type FigureRow = { include: boolean; value: number; unit: string; counts: string; approximate: boolean; snippet: string };

/** What a proposal's card edits before it is confirmed. */
export type ProposalForm = {
  orgId: number | undefined;
  orgName: string;
  /** 协办单位: nodes of the tree, never the organiser itself. */
  coOrgs: LedgerOrgRef[];
  kind: LedgerKind;
  title: string;
  dateFrom: string | undefined;
  dateTo: string | undefined;
  peopleReached: number | null;
  figures: FigureRow[];
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A printed day as YYYY-MM-DD, the year supplied by the cadre when none is printed; undefined without a day. */
export function dayOf(day: PrintedDay, year: number): string | undefined {
  if (day.day === null) return undefined;
  return `${day.year ?? year}-${pad(day.month)}-${pad(day.day)}`;
}

/**
 * The card's first values: the first organiser found in the tree, the other nodes of the tree the item names as
 * co-organisers, the kind, the headline, the printed dates.
 */
export function initialForm(p: Proposal, year: number): ProposalForm {
  const found = p.organisers.flatMap((o) => (o.match.status === 'existing' ? [o.match] : []));
  const existing = found[0];
  const coOrgs = new Map<number, LedgerOrgRef>();
  for (const m of found.slice(1)) {
    const orgId = Number(m.nodeId);
    if (orgId !== Number(existing?.nodeId) && coOrgs.size < LEDGER_LIMITS.coOrganisers) coOrgs.set(orgId, { orgId, name: m.nodeName });
  }
  return {
    orgId: existing ? Number(existing.nodeId) : undefined,
    orgName: existing ? existing.nodeName : '',
    coOrgs: [...coOrgs.values()],
    kind: p.kind,
    title: (p.headline ?? p.kicker ?? '').slice(0, 200),
    dateFrom: p.date ? dayOf(p.date.from, year) : undefined,
    dateTo: p.date?.to ? dayOf(p.date.to, year) : undefined,
    peopleReached: null,
    figures: p.figures.map((f) => ({
      include: f.counts !== null,
      value: f.value,
      unit: f.unit ?? '',
      counts: f.counts ?? '',
      approximate: f.approximate,
      snippet: f.snippet.text,
    })),
  };
}

/** The confirmation's body, or the i18n key of what is missing. */
export function toBody(form: ProposalForm): { body: CreateLedgerEntryBody } | { missing: 'organiser' | 'title' | 'dateFrom' | 'counts' } {
  if (form.orgId === undefined) return { missing: 'organiser' };
  if (form.title.trim() === '') return { missing: 'title' };
  if (!form.dateFrom) return { missing: 'dateFrom' };
  const kept = form.figures.filter((f) => f.include);
  if (kept.some((f) => f.counts.trim() === '')) return { missing: 'counts' };
  return {
    body: {
      orgId: form.orgId,
      kind: form.kind,
      title: form.title.trim(),
      dateFrom: form.dateFrom,
      ...(form.dateTo ? { dateTo: form.dateTo } : {}),
      ...(form.peopleReached !== null ? { peopleReached: form.peopleReached } : {}),
      coOrgIds: form.coOrgs.map((o) => o.orgId).filter((id) => id !== form.orgId),
      otherOrganisers: [],
      figures: kept.map((f) => ({
        value: f.value,
        unit: f.unit.trim(),
        counts: f.counts.trim(),
        approximate: f.approximate,
        snippet: f.snippet,
      })),
    },
  };
}

export type MarkKind = 'organiser' | 'date' | 'figure';
export type Segment = { text: string; mark: MarkKind | null };

/** The item's text cut into plain and highlighted pieces: where each organiser, the date and each figure were read. */
export function segmentsOf(source: string, p: Proposal): Segment[] {
  const marks: { start: number; end: number; mark: MarkKind }[] = [
    ...p.organisers.map((o) => ({ start: o.printed.start, end: o.printed.end, mark: 'organiser' as const })),
    ...(p.date ? [{ start: p.date.snippet.start, end: p.date.snippet.end, mark: 'date' as const }] : []),
    ...p.figures.map((f) => ({ start: f.snippet.start, end: f.snippet.end, mark: 'figure' as const })),
  ]
    .filter((m) => m.start >= p.span.start && m.end <= p.span.end && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = p.span.start;
  for (const m of marks) {
    if (m.start < at) continue; // overlapping: the first (longest) mark wins
    if (m.start > at) out.push({ text: source.slice(at, m.start), mark: null });
    out.push({ text: source.slice(m.start, m.end), mark: m.mark });
    at = m.end;
  }
  if (at < p.span.end) out.push({ text: source.slice(at, p.span.end), mark: null });
  return out;
}
