import type { Proposal } from '../../../common/ledger.report.js';
import { segmentsOf, type MarkKind } from './draft.js';

const colors: Record<MarkKind, string> = { organiser: '#bae0ff', date: '#d9f7be', figure: '#fff1b8' };

/** The news item as printed, with the words each proposed value came from highlighted (organisers, date, figures). */
export function SourceText({ source, proposal }: { source: string; proposal: Proposal }) {
  return (
    <div
      data-testid="ledger-import-source"
      style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto', fontSize: 13, lineHeight: 1.7 }}
    >
      {segmentsOf(source, proposal).map((s, i) =>
        s.mark ? (
          <mark key={i} data-mark={s.mark} style={{ background: colors[s.mark], padding: '0 1px' }}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </div>
  );
}
