import { describe, expect, it } from 'vitest';
import { dayOf, initialForm, segmentsOf, toBody } from './draft.js';
import { SOURCE, buildProposal } from './ledgerImport.fixtures.js';

describe('a proposal as the cadre corrects it', () => {
  it('completes a printed day with the year the cadre gives, never inventing a day', () => {
    expect(dayOf({ year: null, month: 6, day: 18 }, 2025)).toBe('2025-06-18');
    expect(dayOf({ year: 2023, month: 1, day: 2 }, 2025)).toBe('2023-01-02');
    expect(dayOf({ year: null, month: 6, day: null }, 2025)).toBeUndefined();
  });

  it('starts from the matched organiser, kind, headline and printed date, keeping figures that say what they count', () => {
    const form = initialForm(buildProposal(), 2026);
    expect(form).toMatchObject({ orgId: 7, kind: 'welfare', title: '东城区总工会开展送清凉活动', dateFrom: '2026-06-18' });
    expect(form.figures.map((f) => f.include)).toEqual([true, false]);
    expect(toBody(form)).toEqual({
      body: expect.objectContaining({
        orgId: 7,
        dateFrom: '2026-06-18',
        figures: [{ value: 1500, unit: '名', counts: '户外劳动者', approximate: true, snippet: '1500余名户外劳动者' }],
      }),
    });
  });

  it('does not pick a node the tree lacks: a proposed new organiser leaves the organiser to choose', () => {
    const p = buildProposal({
      organisers: [
        {
          role: 'organiser',
          printed: { text: '某公司工会', start: 0, end: 5 },
          match: { status: 'new', name: '某公司工会', parentId: '7', parentName: '东城区总工会' },
        },
      ],
    });
    expect(toBody(initialForm(p, 2026))).toEqual({ missing: 'organiser' });
  });

  it('asks what a kept figure counts, and for a date when none was printed', () => {
    const form = initialForm(buildProposal(), 2026);
    expect(toBody({ ...form, figures: form.figures.map((f) => ({ ...f, include: true })) })).toEqual({ missing: 'counts' });
    expect(toBody(initialForm(buildProposal({ date: null }), 2026))).toEqual({ missing: 'dateFrom' });
  });

  it('cuts the item into plain and highlighted pieces that put the source back together', () => {
    const segments = segmentsOf(SOURCE, buildProposal());
    expect(segments.map((s) => s.text).join('')).toBe(SOURCE);
    expect(segments.filter((s) => s.mark).map((s) => [s.mark, s.text])).toEqual([
      ['date', '6月18日'],
      ['organiser', '东城区总工会'],
      ['figure', '1500余名户外劳动者'],
      ['figure', '33场'],
    ]);
  });
});
