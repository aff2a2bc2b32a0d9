import { Button, Empty, Input, Spin, Tree, Typography, type GetRef, type TreeDataNode } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router-dom';
import { KindIcon } from './KindTag.js';
import { OrgSearch } from './OrgSearch.js';
import { TREE_PAGE_SIZE } from './orgs.api.js';
import { useOrgTree, type ChildPage, type TreeOrg } from './treeStore.js';

const MORE_PREFIX = 'more:';
const FILTER_PREFIX = 'filter:';
const NONE_PREFIX = 'none:';

type TreeRef = GetRef<typeof Tree>;

/**
 * The tree's rows: each organisation, and under a node with more children than a page its search box first and a
 * "load more" row last (a street's 111 unions are paged and searchable, not one flat list).
 */
function buildNodes(orgs: TreeOrg[], pages: Readonly<Record<number, ChildPage>>, byId: Map<string, TreeOrg>): TreeDataNode[] {
  return orgs.map((org) => {
    const page = pages[org.id];
    byId.set(String(org.id), org);
    const node: TreeDataNode = { key: String(org.id), title: org.name, isLeaf: org.childCount === 0 };
    if (page) {
      const kids = buildNodes(page.items, pages, byId);
      if (org.childCount > TREE_PAGE_SIZE || page.q) kids.unshift({ key: `${FILTER_PREFIX}${org.id}`, isLeaf: true, selectable: false });
      if (page.q && page.items.length === 0) kids.push({ key: `${NONE_PREFIX}${org.id}`, isLeaf: true, selectable: false });
      if (page.nextCursor) kids.push({ key: `${MORE_PREFIX}${org.id}`, isLeaf: true, selectable: true });
      node.children = kids;
    }
    return node;
  });
}

/** The search box among one node's children: filters them on the server (name or pinyin), Enter or the button. */
function ChildFilter({ parent, page }: { parent: TreeOrg; page: ChildPage | undefined }) {
  const { t } = useTranslation();
  const { searchChildren } = useOrgTree();
  const [text, setText] = useState(page?.q ?? '');
  return (
    <Input.Search
      size="small"
      allowClear
      value={text}
      placeholder={t('org.tree.filterChildren', { count: parent.childCount })}
      onChange={(e) => setText(e.target.value)}
      onSearch={(value) => void searchChildren(parent.id, value)}
      // The tree would take the keys and clicks for its own navigation.
      onKeyDown={(e) => e.stopPropagation()}
      onClick={(e) => e.stopPropagation()}
      style={{ width: 160 }}
      data-testid={`tree-filter-${parent.id}`}
    />
  );
}

/** The lazy, virtualised organisation tree with its search box; selecting a node opens its page. */
export function OrgTree({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const match = useMatch('/orgs/:id/*');
  const selectedKey = match?.params.id;
  const { roots, childPages, expandedKeys, setExpandedKeys, loadChildren, revealTick } = useOrgTree();
  const locale = useTranslation().i18n.language;
  const treeRef = useRef<TreeRef>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(400);

  // A fixed height is what lets the virtual list render only the visible rows of 100k nodes.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => entry && setHeight(Math.max(200, Math.floor(entry.contentRect.height))));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const [treeData, byId] = useMemo(() => {
    const orgs = new Map<string, TreeOrg>();
    return [buildNodes(roots ?? [], childPages, orgs), orgs] as const;
  }, [roots, childPages]);
  const loadedKeys = useMemo(() => Object.keys(childPages), [childPages]);

  useEffect(() => {
    if (selectedKey && revealTick > 0) {
      // Wait a frame so the newly expanded rows exist before scrolling to them.
      const frame = requestAnimationFrame(() => treeRef.current?.scrollTo({ key: selectedKey, align: 'auto' }));
      return () => cancelAnimationFrame(frame);
    }
    return undefined;
  }, [revealTick, selectedKey]);

  const open = (id: number | string) => {
    navigate(`/orgs/${id}`);
    onNavigate?.();
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 8 }}>
      <OrgSearch testId="tree-search" onPick={(hit) => open(hit.id)} />
      <div ref={boxRef} className="org-tree" style={{ flex: 1, minHeight: 0 }} data-testid="org-tree">
        {roots === undefined ? (
          <Spin style={{ display: 'block', marginTop: 24 }} />
        ) : roots.length === 0 ? (
          <Empty description={t('org.tree.empty')} />
        ) : (
          <Tree
            ref={treeRef}
            blockNode
            virtual
            height={height}
            treeData={treeData}
            expandedKeys={expandedKeys}
            loadedKeys={loadedKeys}
            selectedKeys={selectedKey ? [selectedKey] : []}
            onExpand={(keys) => setExpandedKeys(keys.map(String))}
            loadData={async (node) => {
              const key = String(node.key);
              if (/^\d+$/.test(key)) await loadChildren(Number(key));
            }}
            onSelect={(_keys, { node }) => {
              const key = String(node.key);
              if (key.startsWith(MORE_PREFIX)) void loadChildren(Number(key.slice(MORE_PREFIX.length)), true);
              else open(key);
            }}
            titleRender={(node) => {
              const key = String(node.key);
              if (key.startsWith(MORE_PREFIX))
                return (
                  <Button type="link" size="small" style={{ padding: 0 }} data-testid={`tree-more-${key.slice(MORE_PREFIX.length)}`}>
                    {t('org.tree.loadMore')}
                  </Button>
                );
              if (key.startsWith(FILTER_PREFIX)) {
                const parent = byId.get(key.slice(FILTER_PREFIX.length));
                return parent ? <ChildFilter parent={parent} page={childPages[parent.id]} /> : null;
              }
              if (key.startsWith(NONE_PREFIX)) return <Typography.Text type="secondary">{t('org.tree.noMatch')}</Typography.Text>;
              const org = byId.get(key);
              const name = org?.name ?? '';
              return (
                <span data-testid={`tree-node-${key}`} title={name} style={{ whiteSpace: 'nowrap' }}>
                  {org && <KindIcon kind={org.kind} />}
                  {name}
                  {org?.memberCount !== undefined && (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }} data-testid={`tree-count-${key}`}>
                      {t('org.tree.members', { count: org.memberCount, formatted: org.memberCount.toLocaleString(locale) })}
                    </Typography.Text>
                  )}
                </span>
              );
            }}
          />
        )}
      </div>
    </div>
  );
}
