import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employer } from '../../../common/employers.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { StageModal } from '../outreach/StageModal.js';
import { useEmployerColumns } from './employerColumns.js';
import { EmployerFilterBar } from './EmployerFilterBar.js';
import { EmployerFormModal } from './EmployerFormModal.js';
import { employersApi, type EmployerFilters } from './employers.api.js';

const PAGE_SIZE = 50;

/** The 企业 tab: employers located in or covered under this node, with filters and create / edit. */
export function EmployersTab({ org }: { org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [editing, setEditing] = useState<Employer | 'new' | null>(null);
  const [staging, setStaging] = useState<Employer | null>(null);
  const list = useList((filters: EmployerFilters, cursor) => employersApi.list(org.id, filters, cursor, PAGE_SIZE), {
    initial: {},
    scope: org.id,
  });
  const canWrite = can('employer.write');

  const columns = useEmployerColumns(canWrite ? setEditing : undefined, canWrite ? setStaging : undefined);

  return (
    <ListPage
      list={list}
      columns={columns}
      testId="employers"
      containerTestId="employers-tab"
      scrollX={1240}
      canReset
      filters={<EmployerFilterBar list={list} />}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-employer">
            {t('employer.create')}
          </Button>
        )
      }
    >
      {staging && (
        <StageModal
          org={org}
          employer={staging}
          onClose={() => setStaging(null)}
          onDone={() => {
            setStaging(null);
            list.restart();
          }}
        />
      )}
      {editing && (
        <EmployerFormModal
          org={org}
          employer={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            list.restart();
          }}
        />
      )}
    </ListPage>
  );
}
