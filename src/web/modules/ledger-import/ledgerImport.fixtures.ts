import type { LedgerImportProposal } from '../../../common/ledger.import.js';
import type { Proposal } from '../../../common/ledger.report.js';

/** A short page and its one item, as the server would propose it. */
export const SOURCE = '东城区总工会开展送清凉活动\n\n本报讯(记者 边磊)6月18日，东城区总工会为辖区1500余名户外劳动者送去清凉，共33场。\n';

const at = (text: string, from = 0) => {
  const start = SOURCE.indexOf(text, from);
  return { text, start, end: start + text.length };
};

export function buildProposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    index: 0,
    headline: '东城区总工会开展送清凉活动',
    kicker: null,
    byline: '本报讯(记者 边磊)',
    isPhoto: false,
    span: { start: 0, end: SOURCE.length },
    organisers: [
      {
        role: 'organiser',
        printed: at('东城区总工会', 10),
        match: { status: 'existing', nodeId: '7', nodeName: '东城区总工会', how: 'exact' },
      },
    ],
    district: { code: '110101', name: '东城区' },
    kind: 'welfare',
    kindBecause: '送清凉',
    date: { from: { year: null, month: 6, day: 18 }, to: null, snippet: at('6月18日') },
    relativeDate: null,
    figures: [
      { value: 1500, unit: '名', counts: '户外劳动者', approximate: true, snippet: at('1500余名户外劳动者') },
      { value: 33, unit: '场', counts: null, approximate: false, snippet: at('33场') },
    ],
    ...overrides,
  };
}

export function buildItem(overrides: Partial<LedgerImportProposal> = {}, proposal: Partial<Proposal> = {}): LedgerImportProposal {
  return { importId: 5, position: 0, status: 'open', entryId: null, proposal: buildProposal(proposal), ...overrides };
}
