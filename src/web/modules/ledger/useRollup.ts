import { useEffect, useState } from 'react';
import type { LedgerRollup } from '../../../common/ledger.js';
import { useNotify } from '../../app/notify.js';
import { ledgerApi } from './ledger.api.js';

/** The roll-up of a node's subtree for a year, its direct sub-nodes' shares in the same answer (one request). */
export function useRollup(orgId: number, year: number) {
  const notify = useNotify();
  const [rollup, setRollup] = useState<LedgerRollup | null>(null);
  useEffect(() => {
    let isCurrent = true;
    setRollup(null);
    ledgerApi
      .rollup(orgId, year)
      .then((r) => isCurrent && setRollup(r))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, year, notify]);
  return rollup;
}
