import type { LedgerEntry } from '../../../common/ledger.js';

/** A ledger entry as the server answers it, with overrides. */
export function buildEntry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: 1,
    orgId: 2,
    orgName: '东城区总工会',
    coOrganisers: [],
    otherOrganisers: [],
    kind: 'welfare',
    title: '夏送清凉',
    summary: null,
    dateFrom: '2026-06-18',
    dateTo: null,
    place: null,
    peopleReached: null,
    peopleBasis: null,
    source: 'manual',
    moduleLink: null,
    sourceSnippet: null,
    sourceRef: null,
    hasSourceText: false,
    figures: [],
    createdBy: 7,
    createdAt: '2026-06-20T08:00:00Z',
    updatedAt: '2026-06-20T08:00:00Z',
    version: 1,
    ...overrides,
  };
}
