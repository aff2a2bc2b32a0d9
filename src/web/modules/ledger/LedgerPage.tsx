import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Empty, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { LedgerEntry } from '../../../common/ledger.js';
import { useAuth } from '../../app/auth.js';
import { ListPage } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { useOrgTree } from '../orgs/treeStore.js';
import { EntryDrawer } from './EntryDrawer.js';
import { EntryFormModal } from './EntryFormModal.js';
import { ledgerApi } from './ledger.api.js';
import { useLedgerColumns } from './ledgerColumns.js';
import { LedgerFilters } from './LedgerFilters.js';
import { RollupView } from './RollupView.js';
import { useLedger } from './useLedger.js';

type View = 'entries' | 'rollup';

/**
 * 工作台账: a node's entries of a year by kind (its own, or its subtree's), the roll-up of its subtree, new entries and
 * corrections, and the Excel export. As a page it reads the node from `?org=`; as an org-page tab it is given it.
 */
export function LedgerPage({ orgId: givenOrgId }: { orgId?: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const { roots } = useOrgTree();
  const [searchParams] = useSearchParams();
  const orgId = givenOrgId ?? (Number(searchParams.get('org')) || roots?.[0]?.id);
  const { org, list } = useLedger(orgId, givenOrgId === undefined);
  const [view, setView] = useState<View>('entries');
  const [editing, setEditing] = useState<LedgerEntry | 'new' | null>(null);
  const [viewing, setViewing] = useState<LedgerEntry | null>(null);
  const canWrite = can('ledger.write');
  const remove = (entry: LedgerEntry) =>
    ledgerApi.remove(entry.id, entry.version).then(() => {
      notify.success(t('ledger.deleted'));
      list.pages.reload();
    }, notify.error);
  const columns = useLedgerColumns({ canWrite, onEdit: setEditing, onDelete: (e) => void remove(e) });

  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  const exportXlsx = () => void ledgerApi.exportXlsx(orgId, list.filter).catch(notify.error);
  const viewSwitch = (
    <Segmented<View>
      value={view}
      onChange={setView}
      options={[
        { value: 'entries', label: t('ledger.tabEntries') },
        { value: 'rollup', label: t('ledger.tabRollup') },
      ]}
      data-testid="ledger-view"
    />
  );

  return (
    <div data-testid="ledger-page">
      {givenOrgId === undefined && org && (
        <Breadcrumb
          items={[
            ...org.ancestors.map((a) => ({ key: a.id, title: <Link to={`/ledger?org=${a.id}`}>{a.name}</Link> })),
            { key: org.id, title: org.name },
          ]}
        />
      )}
      <div className="page-header">
        {givenOrgId === undefined && (
          <Typography.Title level={3} data-testid="ledger-title">
            {t('ledger.title')}
            {org && ` · ${org.name}`}
          </Typography.Title>
        )}
        <div className="page-actions">{viewSwitch}</div>
      </div>
      {view === 'rollup' ? (
        <RollupView orgId={orgId} year={list.filter.year} onYearChange={(year) => list.apply({ year })} />
      ) : (
        <ListPage
          list={list}
          columns={columns}
          testId="ledger"
          scrollX={1300}
          emptyText={t('ledger.empty')}
          onRow={(entry) => ({ onClick: () => setViewing(entry), style: { cursor: 'pointer' } })}
          filters={<LedgerFilters list={list} />}
          actions={
            <>
              <Button icon={<DownloadOutlined />} onClick={exportXlsx} data-testid="ledger-export">
                {t('ledger.export')}
              </Button>
              {canWrite && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="ledger-create">
                  {t('ledger.create')}
                </Button>
              )}
            </>
          }
        >
          {viewing && <EntryDrawer entry={viewing} canWrite={canWrite} onClose={() => setViewing(null)} />}
          {editing !== null && (
            <EntryFormModal
              orgId={orgId}
              entry={editing === 'new' ? undefined : editing}
              onClose={() => setEditing(null)}
              onDone={() => {
                notify.success(editing === 'new' ? t('ledger.created') : t('ledger.saved'));
                setEditing(null);
                list.restart();
              }}
            />
          )}
        </ListPage>
      )}
    </div>
  );
}
