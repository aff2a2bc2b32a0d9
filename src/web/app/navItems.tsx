import { GiftOutlined, SettingOutlined, UserAddOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { MenuEntry, MenuGroup } from './webModule.js';

type NavItem = NonNullable<MenuProps['items']>[number];

const GROUPS: Record<MenuGroup, { icon: ReactNode; label: (t: TFunction) => string }> = {
  entry: { icon: <UserAddOutlined />, label: (t) => t('nav.entry') },
  activities: { icon: <GiftOutlined />, label: (t) => t('nav.activities') },
  admin: { icon: <SettingOutlined />, label: (t) => t('nav.admin') },
};

/**
 * The header's items from the entries the caller may see (in `order`): an entry without a group stands alone, a
 * group is one submenu (`nav-<group>`) where its first entry would stand. A group nobody may see is not shown.
 */
export function navItems(entries: MenuEntry[], toItem: (entry: MenuEntry) => NavItem, t: TFunction): NavItem[] {
  const placed = new Set<MenuGroup>();
  return entries.flatMap((entry): NavItem[] => {
    const { group } = entry;
    if (group === undefined) return [toItem(entry)];
    if (placed.has(group)) return [];
    placed.add(group);
    return [
      {
        key: group,
        icon: GROUPS[group].icon,
        label: <span data-testid={`nav-${group}`}>{GROUPS[group].label(t)}</span>,
        children: entries.filter((e) => e.group === group).map(toItem),
      },
    ];
  });
}

/** The entry a path belongs to: the one whose key is the longest prefix of it (`/points/merchants/3` → `/points/merchants`). */
export function selectedEntryKey(entries: MenuEntry[], pathname: string): string | undefined {
  return entries
    .filter((e) => pathname === e.key || pathname.startsWith(`${e.key}/`))
    .reduce<MenuEntry | undefined>((best, e) => (best && best.key.length >= e.key.length ? best : e), undefined)?.key;
}
