import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Org, OrgWithAncestors } from '../../../common/orgs.js';
import type { ListTotal } from '../../../common/paging.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { orgsApi, TREE_PAGE_SIZE } from './orgs.api.js';

/** A node of the tree: children carry their members (roots and revealed nodes may not). */
export type TreeOrg = Org & { memberCount?: number };

/**
 * The loaded part of one node's children: pages appended in the official order, plus where to go on; `q` the search
 * the node's children were filtered by ('' for none), `total` how many match.
 */
export type ChildPage = { items: TreeOrg[]; nextCursor: string | null; q: string; total?: ListTotal | undefined };

type TreeStore = {
  roots: Org[] | undefined;
  childPages: Readonly<Record<number, ChildPage>>;
  expandedKeys: string[];
  setExpandedKeys: (keys: string[]) => void;
  /** Loads the first page of a node's children, or the next page when `more` is set. */
  loadChildren: (parentId: number, more?: boolean) => Promise<void>;
  /** Loads the first page of a node's children whose name or pinyin holds `q` ('' for all). */
  searchChildren: (parentId: number, q: string) => Promise<void>;
  /** Expands the ancestors of an org and makes sure it is loaded, so the tree can show and select it. */
  reveal: (org: OrgWithAncestors) => Promise<void>;
  /** Reloads what changed after a create, edit, move or delete under these parents. */
  refresh: (orgIds: number[]) => Promise<void>;
  /** Bumped after reveal, so the tree scrolls to the selection. */
  revealTick: number;
};

const TreeContext = createContext<TreeStore | null>(null);
/** Pages fetched at most while looking for one node among many siblings. */
const MAX_REVEAL_PAGES = 50;

export function OrgTreeProvider({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const notify = useNotify();
  const [roots, setRoots] = useState<Org[] | undefined>(undefined);
  const [childPages, setChildPages] = useState<Record<number, ChildPage>>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [revealTick, setRevealTick] = useState(0);
  // The latest pages, for async code that runs across several renders.
  const pagesRef = useRef(childPages);
  pagesRef.current = childPages;

  useEffect(() => {
    if (!me) return;
    orgsApi
      .roots()
      .then(({ items }) => {
        setRoots(items);
        const first = items[0];
        // Opens the one root without closing what is already open: the roots are read again when the session is
        // (a refreshed `me`), and replacing the keys then folded up the nodes the user had opened.
        if (first && items.length === 1) setExpandedKeys((keys) => (keys.includes(String(first.id)) ? keys : [String(first.id), ...keys]));
      })
      .catch(notify.error);
  }, [me, notify]);

  const fetchPage = useCallback(async (parentId: number, more: boolean, search?: string): Promise<ChildPage> => {
    const loaded = pagesRef.current[parentId];
    if (more && loaded && !loaded.nextCursor) return loaded;
    const cursor = more ? (loaded?.nextCursor ?? undefined) : undefined;
    const q = search ?? loaded?.q ?? '';
    const page = await orgsApi.children(parentId, cursor, TREE_PAGE_SIZE, q);
    const merged: ChildPage =
      more && loaded
        ? { ...loaded, items: [...loaded.items, ...page.items], nextCursor: page.nextCursor }
        : { items: page.items, nextCursor: page.nextCursor, q, total: page.total };
    pagesRef.current = { ...pagesRef.current, [parentId]: merged };
    setChildPages(pagesRef.current);
    return merged;
  }, []);

  const loadChildren = useCallback(
    async (parentId: number, more = false) => {
      try {
        await fetchPage(parentId, more);
      } catch (error) {
        notify.error(error);
      }
    },
    [fetchPage, notify],
  );

  const searchChildren = useCallback(
    async (parentId: number, q: string) => {
      try {
        await fetchPage(parentId, false, q.trim());
      } catch (error) {
        notify.error(error);
      }
    },
    [fetchPage, notify],
  );

  const reveal = useCallback(
    async (org: OrgWithAncestors) => {
      const chain = [...org.ancestors.map((a) => a.id), org.id];
      try {
        for (let i = 0; i < chain.length - 1; i++) {
          const parentId = chain[i] as number;
          const wantedId = chain[i + 1] as number;
          let page = pagesRef.current[parentId] ?? (await fetchPage(parentId, false));
          for (let n = 0; n < MAX_REVEAL_PAGES && !page.items.some((o) => o.id === wantedId) && page.nextCursor; n++) {
            page = await fetchPage(parentId, true);
          }
          if (!page.items.some((o) => o.id === wantedId)) {
            // Far down a long sibling list: show it anyway, after the pages loaded so far.
            const wanted = wantedId === org.id ? org : await orgsApi.get(wantedId);
            pagesRef.current = { ...pagesRef.current, [parentId]: { ...page, items: [...page.items, wanted] } };
            setChildPages(pagesRef.current);
          }
        }
      } catch (error) {
        notify.error(error);
      }
      const ancestorKeys = org.ancestors.map((a) => String(a.id));
      setExpandedKeys((keys) => [...new Set([...keys, ...ancestorKeys])]);
      setRevealTick((n) => n + 1);
    },
    [fetchPage, notify],
  );

  const refresh = useCallback(
    async (orgIds: number[]) => {
      try {
        const fresh = await Promise.all(orgIds.map((id) => orgsApi.get(id).catch(() => null)));
        const byId = new Map(fresh.filter((o): o is OrgWithAncestors => o !== null).map((o) => [o.id, o] as const));
        const replace = <O extends TreeOrg>(o: O): O => {
          const updated = byId.get(o.id);
          if (!updated) return o;
          const { ancestors: _ancestors, ...plain } = updated;
          // The fresh record has no member count: the one loaded with the children stays.
          return { ...o, ...plain };
        };
        setRoots((rs) => rs?.map(replace));
        const next: Record<number, ChildPage> = {};
        for (const [key, page] of Object.entries(pagesRef.current)) {
          next[Number(key)] = { ...page, items: page.items.map(replace) };
        }
        pagesRef.current = next;
        setChildPages(next);
        for (const id of orgIds) {
          if (pagesRef.current[id]) await fetchPage(id, false);
        }
      } catch (error) {
        notify.error(error);
      }
    },
    [fetchPage, notify],
  );

  const value = useMemo(
    () => ({ roots, childPages, expandedKeys, setExpandedKeys, loadChildren, searchChildren, reveal, refresh, revealTick }),
    [roots, childPages, expandedKeys, loadChildren, searchChildren, reveal, refresh, revealTick],
  );
  return <TreeContext.Provider value={value}>{children}</TreeContext.Provider>;
}

export function useOrgTree(): TreeStore {
  const store = useContext(TreeContext);
  if (!store) throw new Error('useOrgTree outside OrgTreeProvider');
  return store;
}
