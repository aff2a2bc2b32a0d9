import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../../common/audit.js';
import { formatDateTime } from '../../app/format.js';
import { PagerBar, useCursorPages } from '../../app/paging.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { usersApi } from './users.api.js';

const PAGE_SIZE = 50;
const resultColors: Record<AuditRecord['result'], string> = { ok: 'green', denied: 'orange', failed: 'red' };

/** 操作日志: who did what to which record, newest first, optionally under one organisation. */
export function AuditPage() {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const pages = useCursorPages((cursor) => usersApi.audit(orgId, cursor, PAGE_SIZE), String(orgId ?? ''));

  const columns: TableColumnsType<AuditRecord> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
    { title: t('audit.username'), dataIndex: 'username', width: 120, render: (u: string | null) => u ?? t('common.none') },
    { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_v: unknown, r) => (r.targetType ? `${r.targetType}${r.targetId ? ` #${r.targetId}` : ''}` : t('common.none')),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 100,
      render: (result: AuditRecord['result']) => <Tag color={resultColors[result]}>{t(`audit.results.${result}`)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? t('common.none') },
  ];

  return (
    <div data-testid="audit-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
        <div className="page-actions">
          <OrgSearch
            testId="audit-org"
            keepName
            placeholder={t('audit.allOrgs')}
            onPick={(hit) => setOrgId(hit.id)}
            onClear={() => setOrgId(undefined)}
            style={{ width: 280 }}
          />
        </div>
      </div>
      <Card size="small">
        <Table<AuditRecord>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={pages.items}
          loading={pages.isLoading}
          pagination={false}
          scroll={{ x: 860 }}
          data-testid="audit-table"
        />
        <PagerBar pages={pages} testId="audit-pager" />
      </Card>
    </div>
  );
}
