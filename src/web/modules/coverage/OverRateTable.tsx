import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../common/coverage.js';
import { formatCount, formatPercent } from '../../app/format.js';

/** 入会率 over 100 % anywhere in the subtree: a data-quality problem, listed with the figures that show it. */
export function OverRateTable({ rows, onOpen }: { rows: Coverage[]; onOpen: (orgId: number) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Coverage> = [
    {
      title: t('org.field.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, row) => (
        <Typography.Link onClick={() => onOpen(row.orgId)} data-testid={`over-rate-open-${row.orgId}`}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('coverage.members'), dataIndex: 'members', width: 100, align: 'right', render: formatCount },
    { title: t('quality.employeesCovered'), dataIndex: 'employeesCovered', width: 150, align: 'right', render: formatCount },
    {
      title: t('coverage.membershipRate'),
      dataIndex: 'membershipRate',
      width: 100,
      align: 'right',
      render: (rate: number | null, row) => (
        <Typography.Text strong type="danger" data-testid={`over-rate-${row.orgId}`}>
          {formatPercent(rate)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={
        <Typography.Text type="danger">
          <WarningOutlined style={{ marginInlineEnd: 4 }} />
          {t('quality.overRate')}
        </Typography.Text>
      }
      data-testid="over-rate"
    >
      <Alert type="warning" showIcon={false} message={t('quality.overRateHelp')} style={{ marginBottom: 8 }} />
      <Table<Coverage>
        rowKey="orgId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: 520 }}
      />
    </Card>
  );
}
