import { useEffect, useState } from 'react';
import type { LedgerRollup } from '../../../common/ledger.js';
import { useNotify } from '../../app/notify.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { ledgerApi } from './ledger.api.js';

/** Sub-nodes whose roll-ups are asked for, one request each (a district's streets; a street's unions page further). */
export const ROLLUP_CHILDREN = 30;

export type ChildRollups = { rows: LedgerRollup[]; hasMore: boolean };

/** The roll-up of a node's subtree for a year, and the roll-up of each of its first sub-nodes. */
export function useRollup(orgId: number, year: number) {
  const notify = useNotify();
  const [rollup, setRollup] = useState<LedgerRollup | null>(null);
  const [children, setChildren] = useState<ChildRollups | null>(null);
  useEffect(() => {
    let isCurrent = true;
    setRollup(null);
    setChildren(null);
    ledgerApi
      .rollup(orgId, year)
      .then((r) => isCurrent && setRollup(r))
      .catch(notify.error);
    orgsApi
      .children(orgId, undefined, ROLLUP_CHILDREN)
      .then(async (page) => {
        const rows = await Promise.all(page.items.map((child) => ledgerApi.rollup(child.id, year)));
        if (isCurrent) setChildren({ rows, hasMore: page.nextCursor !== null });
      })
      .catch((error: unknown) => {
        if (isCurrent) setChildren({ rows: [], hasMore: false });
        notify.error(error);
      });
    return () => {
      isCurrent = false;
    };
  }, [orgId, year, notify]);
  return { rollup, children };
}
