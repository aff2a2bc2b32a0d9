import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportElsewhereRow, ImportJob } from '../../../common/imports.js';
import { useNotify } from '../../app/notify.js';
import { PagerBar, useCursorPages } from '../../app/paging.js';
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
      {job.hasErrorFile && <ErrorFileButton jobId={job.id} />}
      {job.elsewhere > 0 && !isRunning && <ElsewhereTransfers jobId={job.id} count={job.elsewhere} />}
    </Card>
  );
}

/**
 * Rows naming members of other unions: never moved silently. The cadre sees them (masked) and asks for all their
 * transfers in one action; each then waits for the member's consent and the releasing union's confirmation.
 */
function ElsewhereTransfers({ jobId, count }: { jobId: number; count: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [isShown, setShown] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [requested, setRequested] = useState(false);
  const requestAll = () => {
    setBusy(true);
    importsApi
      .requestTransfers(jobId)
      .then((r) => {
        notify.success(t('imports.transfersRequested', { requested: r.requested, skipped: r.skipped }));
        setRequested(true);
        setShown(true);
      }, notify.error)
      .finally(() => setBusy(false));
  };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 12 }}
      message={t('imports.elsewhereHint', { count })}
      description={
        isShown ? (
          <ElsewhereTable jobId={jobId} refreshKey={String(requested)} />
        ) : (
          <Button type="link" onClick={() => setShown(true)} data-testid="elsewhere-show">
            {t('imports.elsewhereShow')}
          </Button>
        )
      }
      action={
        <Button type="primary" loading={isBusy} disabled={requested} onClick={requestAll} data-testid="elsewhere-request">
          {t('imports.elsewhereRequest')}
        </Button>
      }
      data-testid="elsewhere"
    />
  );
}

/** The listed rows, a page at a time in roster order (a district's roster may name thousands). */
function ElsewhereTable({ jobId, refreshKey }: { jobId: number; refreshKey: string }) {
  const { t } = useTranslation();
  const pages = useCursorPages((cursor) => importsApi.elsewhere(jobId, cursor, 20), `${jobId}:${refreshKey}`);
  return (
    <>
      <Table
        size="small"
        rowKey="rowNumber"
        dataSource={pages.items}
        loading={pages.isLoading}
        pagination={false}
        columns={[
          { title: t('imports.row'), dataIndex: 'rowNumber', width: 70 },
          { title: t('member.field.name'), dataIndex: 'maskedName' },
          { title: t('member.field.idNumber'), dataIndex: 'idNumberMasked', render: (v: string) => <span className="mono">{v}</span> },
          {
            title: t('transfer.field.status'),
            dataIndex: 'transferStatus',
            render: (s: ImportElsewhereRow['transferStatus']) => (s ? t(`transfer.status.${s}`) : t('common.none')),
          },
        ]}
        data-testid="elsewhere-table"
      />
      <PagerBar pages={pages} testId="elsewhere-pager" />
    </>
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
