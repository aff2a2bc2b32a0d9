import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/imports.js';
import { useNotify } from '../../app/notify.js';
import { importsApi } from './imports.api.js';
import { ImportStatusTag } from './ImportStatusTag.js';

/**
 * Progress of one import. The total row count is unknown until the reader reaches the end of the file, so the bar
 * is an animated, indeterminate one while the job runs (with a running counter of rows processed) and full at the end.
 */
export function ImportProgress({ job }: { job: ImportJob }) {
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
        <Col span={8}>
          <Statistic title={t('imports.imported')} value={job.imported} valueStyle={{ color: '#389e0d' }} data-testid="import-imported" />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('imports.rejected')}
            value={job.rejected}
            valueStyle={job.rejected > 0 ? { color: '#cf1322' } : undefined}
            data-testid="import-rejected"
          />
        </Col>
        <Col span={8}>
          <Statistic title={t('imports.duplicates')} value={job.duplicates} data-testid="import-duplicates" />
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
      {job.hasErrorFile && <ErrorFileButton jobId={job.id} />}
    </Card>
  );
}

export function ErrorFileButton({ jobId, isCompact = false }: { jobId: number; isCompact?: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [isLoading, setLoading] = useState(false);
  const fetchErrors = () => {
    setLoading(true);
    importsApi
      .errors(jobId)
      .catch(notify.error)
      .finally(() => setLoading(false));
  };
  if (isCompact) {
    return (
      <Button
        size="small"
        type="link"
        icon={<DownloadOutlined />}
        loading={isLoading}
        onClick={fetchErrors}
        data-testid={`errors-${jobId}`}
      >
        {t('imports.downloadErrors')}
      </Button>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      message={t('imports.errorsHint')}
      action={
        <Button danger icon={<DownloadOutlined />} loading={isLoading} onClick={fetchErrors} data-testid="download-errors">
          {t('imports.downloadErrors')}
        </Button>
      }
    />
  );
}
