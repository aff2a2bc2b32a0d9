import { useEffect, useState } from 'react';
import type { CoverageBreakdown } from '../../../common/coverage.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { useNotify } from '../../app/notify.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { coverageApi } from './coverage.api.js';

/** The org in view and its coverage per child, both read again when the org changes; null until both are there. */
export function useCoverageBreakdown(orgId: number | undefined): { org: OrgWithAncestors; breakdown: CoverageBreakdown } | null {
  const notify = useNotify();
  const [org, setOrg] = useState<OrgWithAncestors | null>(null);
  const [breakdown, setBreakdown] = useState<CoverageBreakdown | null>(null);

  useEffect(() => {
    if (!orgId) return;
    let isCurrent = true;
    setBreakdown(null);
    Promise.all([orgsApi.get(orgId), coverageApi.children(orgId)])
      .then(([o, b]) => {
        if (!isCurrent) return;
        setOrg(o);
        setBreakdown(b);
      })
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, notify]);

  return breakdown !== null && org !== null && org.id === orgId ? { org, breakdown } : null;
}
