import { Alert, Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/imports.js';
import { ElsewhereTransfers } from './ElsewhereTransfers.js';
import { ErrorFileButton } from './ErrorFileButton.js';
import { ImportStatusTag } from './ImportStatusTag.js';
import { UnknownEmployers } from './UnknownEmployers.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';

/**
 * Progress of one import. The total row count is unknown until the reader reaches the end of the file, so the bar
 * is an animated, indeterminate one while the job runs (with a running counter of rows processed) and full at the end.
 */
export function ImportProgress({ job, org }: { job: ImportJob; org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const isRunning = job.status === 'queued' || job.status === 'running';
  const status = job.status === 'failed' ? 'exception' : isRunning ? 'active' : 'success';
  return (
    <Card
      size="small"
      title={
        <span>
          {t('imports.progress')} · <Typography.Text type="secondary">{job.fileName}</Typography.Text>
        </span>
      }
      extra={<ImportStatusTag status={job.status} />}
      data-testid="import-progress"
      data-status={job.status}
    >
      <Progress
        percent={100}
        status={status}
        showInfo={!isRunning}
        strokeColor={isRunning ? { from: '#ffccc7', to: '#c8102e' } : undefined}
        data-testid="import-bar"
      />
      <Typography.Paragraph data-testid="import-rows-read" style={{ marginBottom: 12 }}>
        {t('imports.rowsRead', { count: job.rowsRead })}
      </Typography.Paragraph>
      <Row gutter={12}>
        <Col span={6}>
          <Statistic title={t('imports.imported')} value={job.imported} valueStyle={{ color: '#389e0d' }} data-testid="import-imported" />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('imports.rejected')}
            value={job.rejected}
            valueStyle={job.rejected > 0 ? { color: '#cf1322' } : undefined}
            data-testid="import-rejected"
          />
        </Col>
        <Col span={6}>
          <Statistic title={t('imports.duplicates')} value={job.duplicates} data-testid="import-duplicates" />
        </Col>
        <Col span={6}>
          <Statistic title={t('imports.elsewhere')} value={job.elsewhere} data-testid="import-elsewhere" />
        </Col>
      </Row>
      {job.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          message={t('imports.failed')}
          description={job.failure}
          style={{ marginTop: 12 }}
          data-testid="import-failure"
        />
      )}
      {job.attached > 0 && (
        <Alert
          type="success"
          showIcon
          message={t('imports.attached', { count: job.attached })}
          style={{ marginTop: 12 }}
          data-testid="import-attached"
        />
      )}
      {job.hasErrorFile && <ErrorFileButton jobId={job.id} />}
      {job.elsewhere > 0 && !isRunning && <ElsewhereTransfers jobId={job.id} count={job.elsewhere} />}
      {job.unknownEmployers.length > 0 && !isRunning && <UnknownEmployers job={job} org={org} />}
    </Card>
  );
}
