import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, type TableColumnsType } from 'antd';
import { useState, type ComponentType } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Page } from '../../common/paging.js';
import { useOrgTree } from '../modules/orgs/treeStore.js';
import { ListPage, useList } from './ListPage.js';
import { useNotify } from './notify.js';

/** A dialog creating one record of an organisation; `onDone` receives what the server answered. */
export type CreateModal = ComponentType<{ orgId: number; onClose: () => void; onDone: (created: { id: number }) => void }>;

type OrgListPageProps<T> = {
  /** A tab of the organisation page passes its org (the list has no title then); a page of its own reads `?org=`. */
  orgId?: number | undefined;
  load: (orgId: number, cursor: string | undefined, limit: number) => Promise<Page<T>>;
  columns: TableColumnsType<T>;
  /** Names the list (`<testId>-table`) and the page (`<testId>-page`). */
  testId: string;
  title: string;
  emptyText: string;
  /** The record's page: a row click and a new record lead there. */
  pathOf: (id: number) => string;
  scrollX?: number;
  /** The create button, shown when `canCreate`, and the dialog it opens. */
  create: { canCreate: boolean; label: string; testId: string; doneText: string; Modal: CreateModal };
};

/**
 * 机构下的记录列表: the records owned in an organisation's subtree (积分项目, 慰问活动, …), a click opens one, and a
 * create button for those who may write.
 */
export function OrgListPage<T extends { id: number }>({
  orgId: fixedOrgId,
  load,
  columns,
  testId,
  title,
  emptyText,
  pathOf,
  scrollX,
  create,
}: OrgListPageProps<T>) {
  const notify = useNotify();
  const navigate = useNavigate();
  const { roots } = useOrgTree();
  const [searchParams] = useSearchParams();
  const orgId = fixedOrgId ?? (Number(searchParams.get('org')) || roots?.[0]?.id);
  const [isCreating, setCreating] = useState(false);
  const list = useList(
    (_filter: Record<string, never>, cursor) => (orgId ? load(orgId, cursor, 50) : Promise.resolve({ items: [], nextCursor: null })),
    { initial: {}, scope: orgId ?? '' },
  );
  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  const { Modal } = create;
  return (
    <ListPage
      list={list}
      columns={columns}
      testId={testId}
      containerTestId={`${testId}-page`}
      title={fixedOrgId === undefined ? title : undefined}
      actions={
        create.canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={create.testId}>
            {create.label}
          </Button>
        )
      }
      scrollX={scrollX}
      emptyText={emptyText}
      onRow={(row) => ({ onClick: () => navigate(pathOf(row.id)), style: { cursor: 'pointer' } })}
    >
      {isCreating && (
        <Modal
          orgId={orgId}
          onClose={() => setCreating(false)}
          onDone={(created) => {
            setCreating(false);
            notify.success(create.doneText);
            navigate(pathOf(created.id));
          }}
        />
      )}
    </ListPage>
  );
}
