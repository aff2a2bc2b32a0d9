import { useEffect, useState } from 'react';
import type { CoverageBreakdown } from '../../../common/coverage.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { ApiError } from '../../app/api.js';
import { useNotify } from '../../app/notify.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { coverageApi } from './coverage.api.js';

/** A node the caller may not see (outside their subtree) or that does not exist: the page falls back, no toast. */
export function isOutOfView(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403);
}

type Breakdown = { org: OrgWithAncestors; breakdown: CoverageBreakdown };

/**
 * The org in view and its coverage per child, both read again when the org changes: `loaded` is null until both are
 * there; `outOfView` names an org the caller cannot see, so the page can show their own node instead of waiting.
 */
export function useCoverageBreakdown(orgId: number | undefined): { loaded: Breakdown | null; outOfView: number | null } {
  const notify = useNotify();
  const [org, setOrg] = useState<OrgWithAncestors | null>(null);
  const [breakdown, setBreakdown] = useState<CoverageBreakdown | null>(null);
  const [outOfView, setOutOfView] = useState<number | null>(null);

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
      .catch((error: unknown) => {
        if (!isCurrent) return;
        if (isOutOfView(error)) setOutOfView(orgId);
        else notify.error(error);
      });
    return () => {
      isCurrent = false;
    };
  }, [orgId, notify]);

  return {
    loaded: breakdown !== null && org !== null && org.id === orgId ? { org, breakdown } : null,
    outOfView: outOfView !== null && outOfView === orgId ? outOfView : null,
  };
}
