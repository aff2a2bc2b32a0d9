/**
 * Matching a roster's 所在单位 to the employers a union covers. Cadres type employer names every which way: spaces,
 * full-width letters and brackets, 有限责任公司 for 有限公司, a 股份 left out. Names are compared after folding those
 * differences, exactly; a cell holding a 统一社会信用代码 (alone or in brackets after the name) matches on it.
 */

const USCC = /[0-9A-HJ-NPQRTUWXY]{18}/;

/** The form two spellings of one employer's name share: NFKC (full-width → half-width), no spaces, () for （）, one 有限公司. */
export function employerNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\uFEFF]/g, '')
    .replace(/[（【[〔]/g, '(')
    .replace(/[）】\]〕]/g, ')')
    .replace(/股份有限公司|有限责任公司|有限公司/g, '有限公司')
    .toUpperCase();
}

/** A USCC the cell carries: the whole cell, or 18 characters in brackets, e.g. 某某公司（91110105MA01ABCD1X）. */
export function usccInCell(cell: string): string | null {
  const folded = cell.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (new RegExp(`^${USCC.source}$`).test(folded)) return folded;
  const bracketed = new RegExp(`\\((${USCC.source})\\)`).exec(folded.replace(/[（【[]/g, '(').replace(/[）】\]]/g, ')'));
  return bracketed?.[1] ?? null;
}

export type CoveredEmployer = { id: number; name: string; uscc: string | null };

/**
 * Finds the covered employer a row names: by the USCC of its 统一社会信用代码 column or its 所在单位 cell first, then by
 * the folded name; null when none.
 */
export type EmployerMatcher = (cell: string, uscc?: string | null) => CoveredEmployer | null;

export function createEmployerMatcher(employers: readonly CoveredEmployer[]): EmployerMatcher {
  const byUscc = new Map<string, CoveredEmployer>();
  const byName = new Map<string, CoveredEmployer | 'ambiguous'>();
  for (const e of employers) {
    if (e.uscc) byUscc.set(e.uscc, e);
    const key = employerNameKey(e.name);
    // Two covered employers folding to one name: matching either would be a guess, so neither is matched by name.
    byName.set(key, byName.has(key) ? 'ambiguous' : e);
  }
  return (cell, usccColumn) => {
    for (const uscc of [usccColumn, usccInCell(cell)]) {
      const hit = uscc ? byUscc.get(uscc) : undefined;
      if (hit) return hit;
    }
    const byKey = byName.get(employerNameKey(cell.replace(/[（(]\s*[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{18}\s*[)）]\s*$/, '')));
    return byKey === undefined || byKey === 'ambiguous' ? null : byKey;
  };
}
