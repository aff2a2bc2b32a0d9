import { Button, Empty, Spin, Tree, type GetRef, type TreeDataNode } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router-dom';
import type { Org } from '../../../common/orgs.js';
import type { ChildPage } from './treeStore.js';
import { OrgSearch } from './OrgSearch.js';
import { useOrgTree } from './treeStore.js';

const MORE_PREFIX = 'more:';

type TreeRef = GetRef<typeof Tree>;

function buildNodes(orgs: Org[], pages: Readonly<Record<number, ChildPage>>, moreLabel: string): TreeDataNode[] {
  return orgs.map((org) => {
    const page = pages[org.id];
    const node: TreeDataNode = {
      key: String(org.id),
      title: org.name,
      isLeaf: org.childCount === 0,
    };
    if (page) {
      const kids = buildNodes(page.items, pages, moreLabel);
      if (page.nextCursor) kids.push({ key: `${MORE_PREFIX}${org.id}`, title: moreLabel, isLeaf: true, selectable: true });
      node.children = kids;
    }
    return node;
  });
}

/** The lazy, virtualised organisation tree with its search box; selecting a node opens its page. */
export function OrgTree({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const match = useMatch('/orgs/:id/*');
  const selectedKey = match?.params.id;
  const { roots, childPages, expandedKeys, setExpandedKeys, loadChildren, revealTick } = useOrgTree();
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

  const treeData = useMemo(() => buildNodes(roots ?? [], childPages, t('org.tree.loadMore')), [roots, childPages, t]);
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
              if (!key.startsWith(MORE_PREFIX)) await loadChildren(Number(key));
            }}
            onSelect={(_keys, { node }) => {
              const key = String(node.key);
              if (key.startsWith(MORE_PREFIX)) void loadChildren(Number(key.slice(MORE_PREFIX.length)), true);
              else open(key);
            }}
            titleRender={(node) => {
              const key = String(node.key);
              const title = typeof node.title === 'string' ? node.title : '';
              return key.startsWith(MORE_PREFIX) ? (
                <Button type="link" size="small" style={{ padding: 0 }} data-testid={`tree-more-${key.slice(MORE_PREFIX.length)}`}>
                  {title}
                </Button>
              ) : (
                <span data-testid={`tree-node-${key}`} title={title}>
                  {title}
                </span>
              );
            }}
          />
        )}
      </div>
    </div>
  );
}
