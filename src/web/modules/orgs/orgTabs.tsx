import { Skeleton, type TabsProps } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';
import { hasAccess, useRegistry } from '../../app/webModule.js';
import { useTodoCountsOf, WithBadge } from '../../app/todoCounts.js';
import { OrgCoverage } from '../coverage/CoverageCards.js';
import { ChildrenTab } from './ChildrenTab.js';
import { ZonesTab } from './ZonesTab.js';

// The organisation's own tabs; other modules add theirs (employers, members, …) through their module.tsx.
const ownTabOrder = { overview: 10, children: 20, zones: 40 } as const;

/** The tab named in the address if there is one (an unknown name opens the overview). */
export function useTabKey(requested: string | null): string {
  const { orgTabs } = useRegistry();
  return [...Object.keys(ownTabOrder), ...orgTabs.map((entry) => entry.key)].find((k) => k === requested) ?? 'overview';
}

/** The tabs of one organisation, its own and those the modules register that the caller may see, in their order. */
export function useOrgTabs(
  org: OrgWithAncestors,
  childrenVersion: number,
  onChildrenChanged: (parentIds: number[]) => void,
): NonNullable<TabsProps['items']> {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const { orgTabs } = useRegistry();
  const counts = useTodoCountsOf(org.id);
  const tabLabel = (key: string, text: string, badge?: string) => (
    <WithBadge counts={counts} badge={badge} testId={`tab-${key}`}>
      <span data-testid={`tab-${key}`}>{text}</span>
    </WithBadge>
  );
  return [
    {
      key: 'overview',
      order: ownTabOrder.overview,
      label: tabLabel('overview', t('org.tabs.overview')),
      children: <OrgCoverage orgId={org.id} />,
    },
    {
      key: 'children',
      order: ownTabOrder.children,
      label: tabLabel('children', t('org.tabs.children')),
      children: <ChildrenTab parent={org} version={childrenVersion} onChanged={onChildrenChanged} />,
    },
    { key: 'zones', order: ownTabOrder.zones, label: tabLabel('zones', t('org.tabs.zones')), children: <ZonesTab org={org} /> },
    ...orgTabs
      .filter((entry) => me && hasAccess(entry.access, me, can))
      .map((entry) => ({
        key: entry.key,
        order: entry.order,
        label: tabLabel(entry.key, entry.label(t), entry.badge),
        // A module's tab is its own chunk (module.tsx loads it lazily): the page stays while it arrives.
        children: <Suspense fallback={<Skeleton active />}>{entry.render(org)}</Suspense>,
      })),
  ]
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...item }) => item);
}
