import { Card, Col, Row, Skeleton, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LEDGER_ROLLUP_CHILDREN,
  type LedgerRollup,
  type LedgerRollupChild,
  type LedgerRollupFigure,
  type LedgerRollupKind,
} from '../../../common/ledger.js';
import { formatCount } from '../../app/format.js';
import { EChart, type ChartOption } from '../coverage/EChart.js';
import { YearSelect } from './LedgerFilters.js';
import { useRollup } from './useRollup.js';

/** The people reached of a roll-up, each number with its basis in its label (members once each, or reported figures). */
export function PeopleFigures({ people }: { people: LedgerRollup['people'] }) {
  const { t } = useTranslation();
  return (
    <>
      <Col xs={12} md={6}>
        <Statistic
          title={t('ledger.rollup.membersPeople')}
          value={formatCount(people.members)}
          suffix={<Typography.Text type="secondary">{t('ledger.rollup.entriesOf', { count: people.membersEntries })}</Typography.Text>}
          data-testid="rollup-members"
        />
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={t('ledger.rollup.reportedPeople')}
          value={formatCount(people.reported)}
          suffix={<Typography.Text type="secondary">{t('ledger.rollup.entriesOf', { count: people.reportedEntries })}</Typography.Text>}
          data-testid="rollup-reported"
        />
      </Col>
    </>
  );
}

/** 汇总: a node's subtree in a year — activities by kind (chart and table), people reached by basis, reported figures, sub-nodes. */
export function RollupView({ orgId, year, onYearChange }: { orgId: number; year: number; onYearChange: (year: number) => void }) {
  const { t } = useTranslation();
  const rollup = useRollup(orgId, year);
  const option = useMemo<ChartOption>(() => {
    const rows = rollup?.byKind ?? [];
    return {
      color: ['#c8102e'],
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => t(`ledger.kinds.${r.kind}`)), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('ledger.rollup.activities'), type: 'bar', data: rows.map((r) => r.activities), barMaxWidth: 28 }],
    };
  }, [rollup, t]);
  const kindColumns: TableColumnsType<LedgerRollupKind> = [
    { title: t('ledger.field.kind'), dataIndex: 'kind', render: (k: LedgerRollupKind['kind']) => t(`ledger.kinds.${k}`) },
    {
      title: t('ledger.rollup.activities'),
      dataIndex: 'activities',
      align: 'right',
      render: (n: number, r) => <span data-testid={`rollup-kind-activities-${r.kind}`}>{formatCount(n)}</span>,
    },
    { key: 'members', title: t('ledger.basis.members'), align: 'right', render: (_: unknown, r) => formatCount(r.people.members) },
    { key: 'reported', title: t('ledger.basis.reported'), align: 'right', render: (_: unknown, r) => formatCount(r.people.reported) },
  ];
  const figureColumns: TableColumnsType<LedgerRollupFigure> = [
    { title: t('ledger.figure.counts'), dataIndex: 'counts' },
    {
      key: 'total',
      title: t('ledger.figure.value'),
      align: 'right',
      render: (_: unknown, f) => `${f.approximate ? `${t('ledger.figure.approx')} ` : ''}${formatCount(f.total)}${f.unit}`,
    },
    { title: t('ledger.rollup.entries'), dataIndex: 'entries', align: 'right', render: formatCount },
  ];
  const childColumns: TableColumnsType<LedgerRollupChild> = [
    { title: t('ledger.rollup.org'), dataIndex: 'orgName' },
    {
      title: t('ledger.rollup.activities'),
      dataIndex: 'activities',
      align: 'right',
      render: (n: number, r) => <span data-testid={`rollup-child-activities-${r.orgId}`}>{formatCount(n)}</span>,
    },
    { key: 'members', title: t('ledger.basis.members'), align: 'right', render: (_: unknown, r) => formatCount(r.people.members) },
    { key: 'reported', title: t('ledger.basis.reported'), align: 'right', render: (_: unknown, r) => formatCount(r.people.reported) },
  ];
  return (
    <div data-testid="ledger-rollup">
      <div className="filters">
        <YearSelect value={year} onChange={onYearChange} />
      </div>
      {!rollup ? (
        <Skeleton active />
      ) : (
        <>
          <Card size="small">
            <Row gutter={[12, 12]}>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('ledger.rollup.activities')}
                  value={formatCount(rollup.activities)}
                  valueRender={(value) => <span data-testid="rollup-activities-value">{value}</span>}
                  data-testid="rollup-activities"
                />
              </Col>
              <PeopleFigures people={rollup.people} />
              <Col xs={12} md={6}>
                <Statistic title={t('ledger.rollup.withoutFigure')} value={formatCount(rollup.people.entriesWithoutFigure)} />
              </Col>
            </Row>
          </Card>
          <Card size="small" title={t('ledger.rollup.byKind')} style={{ marginTop: 16 }}>
            {rollup.byKind.length > 0 && <EChart option={option} height={240} testId="rollup-chart" />}
            <Table
              rowKey="kind"
              size="small"
              pagination={false}
              columns={kindColumns}
              dataSource={rollup.byKind}
              data-testid="rollup-kinds"
            />
          </Card>
          {rollup.figures.length > 0 && (
            <Card size="small" title={t('ledger.rollup.figures')} style={{ marginTop: 16 }}>
              <Table
                rowKey={(f) => `${f.counts}|${f.unit}`}
                size="small"
                pagination={false}
                columns={figureColumns}
                dataSource={rollup.figures}
                data-testid="rollup-figures"
              />
              {rollup.figures.some((f) => f.approximate) && <Tag style={{ marginTop: 8 }}>{t('ledger.rollup.approximate')}</Tag>}
            </Card>
          )}
        </>
      )}
      <Card size="small" title={t('ledger.rollup.children')} style={{ marginTop: 16 }}>
        <Table
          rowKey="orgId"
          size="small"
          pagination={false}
          loading={rollup === null}
          columns={childColumns}
          dataSource={rollup?.children ?? []}
          locale={{ emptyText: t('ledger.rollup.noChildren') }}
          data-testid="rollup-children"
        />
        {rollup?.hasMoreChildren && (
          <Typography.Text type="secondary">{t('ledger.rollup.moreChildren', { count: LEDGER_ROLLUP_CHILDREN })}</Typography.Text>
        )}
      </Card>
    </div>
  );
}
