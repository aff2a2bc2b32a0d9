import { Space, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestDetail, Rollup } from '../../../common/contests.js';
import { CardTable } from '../../app/CardTable.js';
import { useNotify } from '../../app/notify.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { contestsApi } from './contests.api.js';

type Row = Rollup['items'][number];

/** 汇总: awards of published results rolled up the tree — by district, street or unit under the node chosen. */
export function ContestRollupTab({ contest }: { contest: ContestDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [orgId, setOrgId] = useState(contest.orgId);
  const [rollup, setRollup] = useState<Rollup | null>(null);
  useEffect(() => void contestsApi.rollup(orgId).then(setRollup).catch(notify.error), [orgId, notify]);
  const columns: TableColumnsType<Row> = [
    { title: t('contests.rollup.org'), dataIndex: 'orgName' },
    { title: t('contests.rollup.awards'), dataIndex: 'awards', width: 100, align: 'right' },
    { title: t('contests.rollup.entriesAwarded'), dataIndex: 'entriesAwarded', width: 120, align: 'right' },
  ];
  const rows = rollup?.items ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="contest-rollup">
      <Typography.Text type="secondary">{t('contests.rollup.note')}</Typography.Text>
      <OrgSearch
        keepName
        onPick={(hit) => setOrgId(hit.id)}
        onClear={() => setOrgId(contest.orgId)}
        placeholder={contest.orgName}
        testId="rollup-org"
        style={{ maxWidth: 360 }}
      />
      <CardTable
        title={t('contests.rollup.total', { count: rows.reduce((n, r) => n + r.awards, 0) })}
        columns={columns}
        rows={rows}
        rowKey="orgId"
        scrollX={400}
        testId="rollup-table"
        emptyText={t('contests.rollup.empty')}
      />
    </Space>
  );
}
