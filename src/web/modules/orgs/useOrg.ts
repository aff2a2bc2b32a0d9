import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { ApiError } from '../../app/api.js';
import { errorText } from '../../app/notify.js';
import { orgsApi } from './orgs.api.js';
import { useOrgTree } from './treeStore.js';

/**
 * One organisation with its ancestors, or why it cannot be shown. `load(true)` also opens the side tree down to it
 * (on arrival and after a move); `load(false)` only reads it again.
 */
export function useOrg(orgId: number) {
  const { t } = useTranslation();
  const { reveal } = useOrgTree();
  const [org, setOrg] = useState<OrgWithAncestors | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(
    async (shouldReveal: boolean) => {
      try {
        const loaded = await orgsApi.get(orgId);
        setOrg(loaded);
        setFailure(null);
        if (shouldReveal) void reveal(loaded);
      } catch (error) {
        setOrg(null);
        setFailure(error instanceof ApiError ? error.message : errorText(error, t('app.networkError')));
      }
    },
    [orgId, reveal, t],
  );

  useEffect(() => {
    setOrg(null);
    void load(true);
  }, [load]);

  return { org: org !== null && org.id === orgId ? org : null, failure, load };
}
