import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { navItems, selectedEntryKey } from './navItems.js';
import type { MenuEntry, MenuGroup } from './webModule.js';

const entry = (key: string, order: number, group?: MenuGroup): MenuEntry => ({
  key,
  order,
  icon: null,
  label: () => key,
  testId: `nav${key.replaceAll('/', '-')}`,
  to: () => key,
  ...(group ? { group } : {}),
});

const t = ((key: string) => key) as TFunction;
const keysOf = (items: ReturnType<typeof navItems>) =>
  items.map((item) => (item && 'children' in item && item.children ? { [String(item.key)]: item.children.map((c) => c?.key) } : item?.key));

describe('navItems', () => {
  it('folds grouped entries into one submenu where the first of them stands, the others alone in order', () => {
    const entries = [
      entry('/orgs', 10),
      entry('/welfare', 63, 'activities'),
      entry('/points/programmes', 65, 'activities'),
      entry('/points/merchants', 67, 'activities'),
      entry('/points/counter', 68),
      entry('/intake', 70),
      entry('/users', 80, 'admin'),
      entry('/audit', 90, 'admin'),
    ];
    expect(keysOf(navItems(entries, (e) => ({ key: e.key }), t))).toEqual([
      '/orgs',
      { activities: ['/welfare', '/points/programmes', '/points/merchants'] },
      '/points/counter',
      '/intake',
      { admin: ['/users', '/audit'] },
    ]);
  });

  it('shows no group of which the caller sees no entry', () => {
    expect(keysOf(navItems([entry('/points/counter', 68)], (e) => ({ key: e.key }), t))).toEqual(['/points/counter']);
  });
});

describe('selectedEntryKey', () => {
  const entries = [entry('/orgs', 10), entry('/welfare', 63), entry('/welfare/check', 69), entry('/points/merchants', 67)];
  it('marks the entry whose key is the longest prefix of the path', () => {
    expect(selectedEntryKey(entries, '/welfare/campaigns/4')).toBe('/welfare');
    expect(selectedEntryKey(entries, '/welfare/check')).toBe('/welfare/check');
    expect(selectedEntryKey(entries, '/points/merchants')).toBe('/points/merchants');
    expect(selectedEntryKey(entries, '/points/me')).toBeUndefined();
    expect(selectedEntryKey(entries, '/welfarex')).toBeUndefined();
  });
});
