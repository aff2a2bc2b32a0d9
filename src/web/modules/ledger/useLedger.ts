import { useEffect, useState } from 'react';
import type { LedgerEntry } from '../../../common/ledger.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { useList } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { ledgerApi, type LedgerFilter } from './ledger.api.js';

const PAGE_SIZE = 50;

/** The node in view (read when `isOwnPage`: the page names it) and its ledger under the filters (year, kind, reach). */
export function useLedger(orgId: number | undefined, isOwnPage: boolean, today = new Date()) {
  const notify = useNotify();
  const [org, setOrg] = useState<OrgWithAncestors | null>(null);
  const list = useList<LedgerFilter, LedgerEntry>(
    (filter, cursor) => (orgId ? ledgerApi.entries(orgId, filter, cursor, PAGE_SIZE) : Promise.resolve({ items: [], nextCursor: null })),
    { initial: { year: today.getFullYear(), kind: undefined, reach: 'node' }, scope: orgId ?? '' },
  );
  useEffect(() => {
    if (!orgId || !isOwnPage) return;
    let isCurrent = true;
    orgsApi
      .get(orgId)
      .then((o) => isCurrent && setOrg(o))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, isOwnPage, notify]);
  return { org: org !== null && org.id === orgId ? org : null, list };
}
