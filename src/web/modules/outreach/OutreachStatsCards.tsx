import { Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { unionisationStages, type OutreachStats } from '../../../common/outreach.js';
import { formatCount } from '../../app/format.js';
import { StageTag } from './StageTag.js';

/** The period's 双沟通 figures: meetings of each kind, the applications they brought, and employers per 建会 stage. */
export function OutreachStatsCards({ stats }: { stats: OutreachStats | null }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'workerMeetings', value: stats?.workerMeetings },
    { key: 'enterpriseMeetings', value: stats?.enterpriseMeetings },
    { key: 'applications', value: stats?.applications },
    { key: 'approved', value: stats?.approved },
  ] as const;
  return (
    <Row gutter={[12, 12]} data-testid="outreach-stats">
      {figures.map((f) => (
        <Col key={f.key} xs={12} md={6} xl={4}>
          <Card size="small" data-testid={`outreach-stat-${f.key}`}>
            {stats ? (
              <Statistic title={t(`outreach.stats.${f.key}`)} value={formatCount(f.value ?? 0)} />
            ) : (
              <Skeleton active paragraph={false} />
            )}
          </Card>
        </Col>
      ))}
      <Col xs={24} xl={8}>
        <Card size="small" style={{ height: '100%' }} data-testid="outreach-pipeline">
          <Typography.Text type="secondary">{t('outreach.stats.pipeline')}</Typography.Text>
          {stats ? (
            <Space wrap size={[4, 8]} style={{ marginTop: 8, display: 'flex' }}>
              {unionisationStages.map((stage) => (
                <span key={stage}>
                  <StageTag stage={stage} />
                  <Typography.Text strong>{formatCount(stats.employersByStage[stage] ?? 0)}</Typography.Text>
                </span>
              ))}
            </Space>
          ) : (
            <Skeleton active paragraph={false} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
