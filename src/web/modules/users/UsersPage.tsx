import { EditOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/users.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { CreateUserModal, EditUserModal, GrantModal } from './UserModals.js';
import { usersApi } from './users.api.js';

const PAGE_SIZE = 50;
type Dialog = { kind: 'create' } | { kind: 'edit' | 'grant'; user: User } | null;

/** 用户管理: accounts holding a role in the caller's subtree, their grants, and create / disable / re-password. */
export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useList((filter: { orgId?: number }, cursor) => usersApi.list(filter.orgId, cursor, PAGE_SIZE), { initial: {} });
  const { pages } = list;
  const canWrite = can('user.write');

  const done = () => {
    setDialog(null);
    pages.reload();
  };
  const revoke = async (user: User, grantId: number) => {
    try {
      await usersApi.revoke(user.id, grantId);
      notify.success(t('common.deleted'));
      pages.reload();
    } catch (error) {
      notify.error(error);
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 140, render: (u: string) => <Typography.Text strong>{u}</Typography.Text> },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    {
      title: t('users.grants'),
      key: 'grants',
      render: (_v: unknown, user) => (
        <Space size={[4, 4]} wrap>
          {user.grants.map((grant) => {
            const tag = (
              <Tag key={grant.id} color="red" bordered={false}>
                {grant.orgName} · {t(`role.${grant.role}`)}
              </Tag>
            );
            return canWrite ? (
              <Popconfirm
                key={grant.id}
                title={t('users.removeGrant')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => revoke(user, grant.id)}
              >
                <span style={{ cursor: 'pointer' }}>{tag}</span>
              </Popconfirm>
            ) : (
              tag
            );
          })}
        </Space>
      ),
    },
    {
      title: t('users.status'),
      dataIndex: 'isDisabled',
      width: 90,
      render: (isDisabled: boolean) => (isDisabled ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (at: string | null) => (at ? formatDateTime(at) : t('common.none')),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_v: unknown, user) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button
              type="text"
              icon={<EditOutlined />}
              onClick={() => setDialog({ kind: 'edit', user })}
              data-testid={`edit-user-${user.id}`}
            />
          </Tooltip>
          <Tooltip title={t('users.addGrant')}>
            <Button
              type="text"
              icon={<SafetyCertificateOutlined />}
              onClick={() => setDialog({ kind: 'grant', user })}
              data-testid={`grant-user-${user.id}`}
            />
          </Tooltip>
        </Space>
      ),
    });
  }

  return (
    <ListPage
      list={list}
      columns={columns}
      testId="users"
      containerTestId="users-page"
      title={t('users.title')}
      scrollX={820}
      filters={
        <OrgSearch
          testId="users-org"
          keepName
          placeholder={t('users.pickOrg')}
          onPick={(hit) => list.apply({ orgId: hit.id })}
          onClear={() => list.apply({ orgId: undefined })}
          style={{ width: 280 }}
        />
      }
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="create-user">
            {t('users.create')}
          </Button>
        )
      }
    >
      {dialog?.kind === 'create' && (
        <CreateUserModal
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            list.restart();
          }}
        />
      )}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'grant' && <GrantModal user={dialog.user} onClose={() => setDialog(null)} onDone={done} />}
    </ListPage>
  );
}
