import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../common/coverage.js';
import { formatCount, formatScore } from '../../app/format.js';
import { qualityHelp } from './CoverageCards.js';

const LOW_SCORE = 80;

const byScore = (a: Coverage, b: Coverage) => (a.qualityScore ?? 101) - (b.qualityScore ?? 101);

/** 数据质量 per child: the counts behind the score, worst first, so a district sees which unit to chase. */
export function QualityTable({ rows, onOpen }: { rows: Coverage[]; onOpen: (orgId: number) => void }) {
  const { t } = useTranslation();
  const count = (n: number) => formatCount(n);
  const columns: TableColumnsType<Coverage> = [
    {
      title: t('org.field.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, row) => (
        <Typography.Link onClick={() => onOpen(row.orgId)} data-testid={`quality-open-${row.orgId}`}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('coverage.members'), dataIndex: 'members', width: 100, align: 'right', render: count },
    { title: t('quality.incomplete'), dataIndex: 'membersIncomplete', width: 110, align: 'right', render: count },
    { title: t('quality.submitted'), dataIndex: 'idRowsSubmitted', width: 120, align: 'right', render: count },
    { title: t('quality.invalid'), dataIndex: 'idsInvalid', width: 110, align: 'right', render: count },
    { title: t('quality.duplicate'), dataIndex: 'idsDuplicate', width: 110, align: 'right', render: count },
    {
      title: t('quality.score'),
      dataIndex: 'qualityScore',
      width: 110,
      align: 'right',
      sorter: byScore,
      defaultSortOrder: 'ascend',
      render: (score: number | null, row) => (
        <Typography.Text
          strong
          type={score !== null && score < LOW_SCORE ? 'danger' : undefined}
          data-testid={`quality-score-${row.orgId}`}
        >
          {formatScore(score)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={
        <span>
          {t('quality.table')}
          <Tooltip title={qualityHelp(t)}>
            <QuestionCircleOutlined style={{ marginInlineStart: 4 }} />
          </Tooltip>
        </span>
      }
    >
      <Table<Coverage>
        rowKey="orgId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 760 }}
        data-testid="quality-table"
      />
    </Card>
  );
}
