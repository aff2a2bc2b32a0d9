import { useEffect, useState } from 'react';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import type { Meeting, OutreachStats } from '../../../common/outreach.js';
import { useList } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { outreachApi, thisYear, type Period } from './outreach.api.js';

const PAGE_SIZE = 50;

export type OutreachFilter = Period & { kind?: Meeting['kind'] };

/** A period is applied only once both ends are there and in order; until then the list keeps to the kind. */
export function isPeriodValid(period: Period): boolean {
  return period.from !== '' && period.to !== '' && period.from <= period.to;
}

/** The org in view, its meetings under the filters (period and kind), and the period's figures. */
export function useOutreach(orgId: number | undefined) {
  const notify = useNotify();
  const [org, setOrg] = useState<OrgWithAncestors | null>(null);
  const [stats, setStats] = useState<OutreachStats | null>(null);
  const [statsVersion, setStatsVersion] = useState(0);
  const list = useList(
    ({ kind, from, to }: OutreachFilter, cursor) =>
      orgId
        ? outreachApi.meetings(orgId, isPeriodValid({ from, to }) ? { kind, from, to } : { kind }, cursor, PAGE_SIZE)
        : Promise.resolve({ items: [], nextCursor: null }),
    { initial: { ...thisYear(), kind: undefined }, scope: orgId ?? '' },
  );
  const { from, to } = list.filter;
  const isValid = isPeriodValid({ from, to });

  useEffect(() => {
    if (!orgId) return;
    let isCurrent = true;
    orgsApi
      .get(orgId)
      .then((o) => isCurrent && setOrg(o))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, notify]);

  useEffect(() => {
    if (!orgId || !isValid) return;
    let isCurrent = true;
    setStats(null);
    outreachApi
      .stats(orgId, { from, to })
      .then((s) => isCurrent && setStats(s))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, from, to, isValid, statsVersion, notify]);

  /** After a new meeting: the list starts again and the figures are read again. */
  const refresh = () => {
    list.restart();
    setStatsVersion((n) => n + 1);
  };
  const loadedOrg = org !== null && org.id === orgId ? org : null;
  return { org: loadedOrg, list, stats, isPeriodValid: isValid, refresh };
}
