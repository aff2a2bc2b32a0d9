import type { Proposal, ReportDate, ReportTreeNode } from '../../../../common/ledger.report.js';
import type { ExpectedItem } from './expected.fixture.js';
import { proposeEntries } from './propose.js';

export type Score = { tp: number; fp: number; fn: number };
export type Measure = 'items' | 'organisers' | 'kinds' | 'dates' | 'figures';
export type Scores = Record<Measure, Score>;

const empty = (): Scores => ({
  items: { tp: 0, fp: 0, fn: 0 },
  organisers: { tp: 0, fp: 0, fn: 0 },
  kinds: { tp: 0, fp: 0, fn: 0 },
  dates: { tp: 0, fp: 0, fn: 0 },
  figures: { tp: 0, fp: 0, fn: 0 },
});

export const precision = (s: Score) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
export const recall = (s: Score) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));

function dateKey(d: ReportDate | null): string | null {
  if (!d) return null;
  const day = (x: { year: number | null; month: number; day: number | null }) => `${x.year ? `${x.year}-` : ''}${x.month}-${x.day ?? ''}`;
  return d.to ? `${day(d.from)}..${day(d.to)}` : day(d.from);
}

function organiserKeys(p: Proposal): string[] {
  return p.organisers.map((o) => (o.match.status === 'existing' ? o.match.nodeName : `new:${o.match.name}`));
}

function figureKeys(p: Proposal): string[] {
  return p.figures.map((f) => `${f.value}|${f.unit ?? ''}${f.approximate ? '|~' : ''}`);
}

function compareSets(predicted: string[], expected: string[], s: Score): void {
  const left = [...expected];
  for (const p of predicted) {
    const i = left.indexOf(p);
    if (i >= 0) {
      s.tp++;
      left.splice(i, 1);
    } else s.fp++;
  }
  s.fn += left.length;
}

/**
 * Scores proposals against expected items. An item is found when a proposal's span holds its key (one proposal
 * per item); organisers, kinds, dates and figures are compared on found items, and count as missed on the rest.
 */
export function scorePage(source: string, proposals: Proposal[], expected: ExpectedItem[], into: Scores = empty()): Scores {
  const used = new Set<number>();
  for (const item of expected) {
    const at = source.indexOf(item.key);
    const found = proposals.findIndex((p, i) => !used.has(i) && p.span.start <= at && at < p.span.end);
    const p = found >= 0 ? proposals[found] : undefined;
    if (!p) {
      into.items.fn++;
      into.organisers.fn += item.organisers.length;
      into.kinds.fn++;
      if (item.date) into.dates.fn++;
      into.figures.fn += item.figures.length;
      continue;
    }
    used.add(found);
    into.items.tp++;
    compareSets(organiserKeys(p), item.organisers, into.organisers);
    if (p.kind === item.kind) into.kinds.tp++;
    else {
      into.kinds.fp++;
      into.kinds.fn++;
    }
    const date = dateKey(p.date);
    if (date !== null && date === item.date) into.dates.tp++;
    else {
      if (date !== null) into.dates.fp++;
      if (item.date !== null) into.dates.fn++;
    }
    compareSets(figureKeys(p), item.figures, into.figures);
  }
  into.items.fp += proposals.length - used.size;
  return into;
}

/** Scores every page of `pages` (file name → source) against its expected items. */
export function scorePages(pages: Record<string, string>, expected: Record<string, ExpectedItem[]>, tree: readonly ReportTreeNode[]): Scores {
  const scores = empty();
  for (const [name, source] of Object.entries(pages)) scorePage(source, proposeEntries(source, tree), expected[name] ?? [], scores);
  return scores;
}

/** The table the test prints and the doc shows. */
export function scoreTable(scores: Scores): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const rows = (Object.keys(scores) as Measure[]).map((m) => {
    const s = scores[m];
    return `| ${m.padEnd(10)} | ${pct(precision(s))} | ${pct(recall(s))} | ${String(s.tp).padStart(3)} | ${String(s.fp).padStart(3)} | ${String(s.fn).padStart(3)} |`;
  });
  return ['| measure    | precision | recall  |  tp |  fp |  fn |', '| ---------- | --------- | ------- | --- | --- | --- |', ...rows].join('\n');
}
