import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/imports.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';
import { EmployerFormModal } from '../employers/EmployerFormModal.js';

type Unknown = ImportJob['unknownEmployers'][number];

/**
 * The 所在单位 names of an import that matched none of the union's employers, each with a one-click 新建企业 (under this
 * union, the name prefilled). Held rows then join the new employer when the same file is imported again.
 */
export function UnknownEmployers({ job, org }: { job: ImportJob; org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [creating, setCreating] = useState<string | null>(null);
  const [created, setCreated] = useState<ReadonlySet<string>>(new Set());
  const canCreate = can('employer.write');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      message={t('imports.unknownEmployers')}
      description={
        <>
          <p>{job.held > 0 ? t('imports.unknownHeld', { count: job.held }) : t('imports.unknownImported')}</p>
          <Table<Unknown>
            rowKey="name"
            size="small"
            pagination={job.unknownEmployers.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            dataSource={job.unknownEmployers}
            columns={[
              { title: t('imports.unknownName'), dataIndex: 'name' },
              { title: t('imports.unknownRows'), dataIndex: 'rows', width: 80, align: 'right' },
              {
                key: 'create',
                width: 120,
                render: (_: unknown, row) =>
                  created.has(row.name) ? (
                    <Tag color="green">{t('imports.employerCreated')}</Tag>
                  ) : (
                    canCreate && (
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        onClick={() => setCreating(row.name)}
                        data-testid="unknown-employer-create"
                      >
                        {t('imports.createEmployer')}
                      </Button>
                    )
                  ),
              },
            ]}
            data-testid="unknown-employers"
          />
          {creating !== null && (
            <EmployerFormModal
              org={org}
              employer={null}
              initialName={creating}
              onClose={() => setCreating(null)}
              onDone={() => {
                setCreated((names) => new Set([...names, creating]));
                setCreating(null);
              }}
            />
          )}
        </>
      }
      data-testid="unknown-employers-alert"
    />
  );
}
