import { DeleteOutlined, DragOutlined, EditOutlined, GroupOutlined } from '@ant-design/icons';
import { Button, Input, Popconfirm, Space, Tooltip, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Org, Zone } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { buttonTestId } from '../../app/testId.js';
import { KindTag } from './KindTag.js';
import { MoveOrgModal } from './MoveOrgModal.js';
import { OrgFormModal } from './OrgFormModal.js';
import { orgsApi } from './orgs.api.js';
import { SetZoneModal } from './SetZoneModal.js';

const PAGE_SIZE = 50;

type Dialog = { kind: 'edit' | 'move' | 'zone'; org: Org } | null;

/** The 下级组织 tab: a paged table of direct children with edit / move / delete / set zone. */
export function ChildrenTab({ parent, version, onChanged }: { parent: Org; version: number; onChanged: (parentIds: number[]) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [zones, setZones] = useState<Zone[]>([]);
  const list = useList((filter: { q?: string }, cursor) => orgsApi.children(parent.id, cursor, PAGE_SIZE, filter.q), {
    initial: {},
    scope: `${parent.id}:${version}`,
  });
  const canWrite = can('org.write');

  useEffect(() => {
    orgsApi
      .zones(parent.id)
      .then(({ items }) => setZones(items))
      .catch(notify.error);
  }, [parent.id, version, notify]);

  const remove = async (org: Org) => {
    try {
      await orgsApi.remove(org.id);
      notify.success(t('common.deleted'));
      onChanged([parent.id]);
    } catch (error) {
      notify.error(error);
    }
  };

  const columns: TableColumnsType<Org> = [
    {
      title: t('org.field.name'),
      dataIndex: 'name',
      width: 260,
      render: (_name: string, org) => (
        <Link to={`/orgs/${org.id}`} data-testid={`child-link-${org.id}`}>
          {org.name}
        </Link>
      ),
    },
    {
      title: t('org.field.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (_k: string, org) => <KindTag kind={org.kind} jointType={org.jointType} />,
    },
    { title: t('org.field.childCount'), dataIndex: 'childCount', width: 90, align: 'right' },
    {
      title: t('org.field.zone'),
      dataIndex: 'zoneId',
      width: 140,
      render: (zoneId: number | null) =>
        zoneId === null ? t('common.none') : (zones.find((z) => z.id === zoneId)?.name ?? t('common.none')),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_v: unknown, org) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', org })} data-testid={`edit-${org.id}`} />
          </Tooltip>
          <Tooltip title={t('org.move')}>
            <Button type="text" icon={<DragOutlined />} onClick={() => setDialog({ kind: 'move', org })} data-testid={`move-${org.id}`} />
          </Tooltip>
          <Tooltip title={t('org.setZone')}>
            <Button type="text" icon={<GroupOutlined />} onClick={() => setDialog({ kind: 'zone', org })} data-testid={`zone-${org.id}`} />
          </Tooltip>
          <Popconfirm
            title={t('common.confirmDelete', { name: org.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ ...buttonTestId('delete-confirm'), danger: true }}
            onConfirm={() => remove(org)}
          >
            <Tooltip title={t('common.delete')}>
              <Button type="text" danger icon={<DeleteOutlined />} disabled={org.childCount > 0} data-testid={`delete-${org.id}`} />
            </Tooltip>
          </Popconfirm>
        </Space>
      ),
    });
  }

  const done = (parentIds: number[]) => {
    setDialog(null);
    onChanged(parentIds);
  };

  return (
    <ListPage
      list={list}
      columns={columns}
      testId="children"
      containerTestId="children-tab"
      scrollX={830}
      filters={
        <Input.Search
          allowClear
          placeholder={t('org.tree.filterChildren', { count: parent.childCount })}
          value={list.draft.q ?? ''}
          onChange={(e) => list.edit({ q: e.target.value || undefined })}
          onSearch={(q) => list.apply({ q: q.trim() || undefined })}
          style={{ width: 260 }}
          data-testid="children-search"
        />
      }
    >
      {dialog?.kind === 'edit' && (
        <OrgFormModal mode={{ kind: 'edit', org: dialog.org }} onClose={() => setDialog(null)} onDone={() => done([parent.id])} />
      )}
      {dialog?.kind === 'move' && (
        <MoveOrgModal
          org={dialog.org}
          onClose={() => setDialog(null)}
          onDone={(moved, oldParentId) => done([oldParentId, moved.parentId ?? oldParentId])}
        />
      )}
      {dialog?.kind === 'zone' && (
        <SetZoneModal org={dialog.org} zones={zones} onClose={() => setDialog(null)} onDone={() => done([parent.id])} />
      )}
    </ListPage>
  );
}
