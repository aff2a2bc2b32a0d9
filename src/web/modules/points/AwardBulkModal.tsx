import { FileExcelOutlined, RedoOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkAwardJob, BulkAwardRow } from '../../../common/points.programmes.js';
import { useNotify } from '../../app/notify.js';
import { programmesApi } from './programmes.api.js';

const outcomeColour = { awarded: 'green', replayed: 'blue', refused: 'red' } as const;
/** How often the modal asks for the job's progress. */
const POLL_MS = 1000;
/** Rows shown in the modal; the whole list is in the result file. */
const ROWS_SHOWN = 500;

/**
 * 批量奖励: uploads an .xlsx / .csv with a batch number; the award runs on the server as a job whose progress is shown
 * here, then each row's outcome (the first rows, and the whole list as .xlsx). Re-sending the same file with the same
 * batch number answers the same job and awards nobody twice.
 */
export function AwardBulkModal({ programmeId, onClose }: { programmeId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [batchKey, setBatchKey] = useState(() => `bulk-${new Date().toISOString().slice(0, 10)}`);
  const [job, setJob] = useState<BulkAwardJob | null>(null);
  const [rows, setRows] = useState<BulkAwardRow[] | null>(null);
  const [isBusy, setBusy] = useState(false);
  const running = job !== null && (job.status === 'queued' || job.status === 'running');

  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(() => {
      programmesApi.awardJob(programmeId, job.id).then(setJob).catch(notify.error);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, running, programmeId, notify]);

  useEffect(() => {
    if (!job || job.status !== 'done' || rows !== null) return;
    programmesApi
      .awardJobRows(programmeId, job.id, 0, ROWS_SHOWN)
      .then((page) => setRows(page.items))
      .catch(notify.error);
  }, [job, rows, programmeId, notify]);

  const upload = (file: File) => {
    setBusy(true);
    setRows(null);
    programmesApi
      .awardFile(programmeId, batchKey, file)
      .then(setJob)
      .catch(notify.error)
      .finally(() => setBusy(false));
    return false;
  };
  // 重试: the server carries on after the last committed batch; rows already booked are never booked again.
  const retry = () => {
    if (!job) return;
    setBusy(true);
    programmesApi
      .retryAwardJob(programmeId, job.id)
      .then(setJob)
      .catch(notify.error)
      .finally(() => setBusy(false));
  };
  const percent = job && job.totalRows > 0 ? Math.floor((job.rowsDone / job.totalRows) * 100) : 0;
  return (
    <Modal open title={t('programmes.bulkTitle')} onCancel={onClose} footer={null} width={760} data-testid="bulk-award-modal">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('programmes.bulkHint')}</Typography.Paragraph>
        <Space>
          <span>{t('programmes.batchKey')}</span>
          <Input value={batchKey} onChange={(e) => setBatchKey(e.target.value)} style={{ width: 260 }} data-testid="bulk-batch-key" />
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={upload}>
            <Button icon={<UploadOutlined />} loading={isBusy || running} disabled={!batchKey.trim()} data-testid="bulk-upload">
              {t('programmes.chooseFile')}
            </Button>
          </Upload>
        </Space>
        {job && (
          <>
            <Progress
              percent={percent}
              status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
              data-testid="bulk-progress"
            />
            <Typography.Text type="secondary" data-testid="bulk-progress-text">
              {t('programmes.bulkProgress', { done: job.rowsDone, total: job.totalRows })}
            </Typography.Text>
            {job.status === 'failed' && (
              <Alert
                type="error"
                message={t('programmes.bulkFailed', { error: job.error ?? '' })}
                action={
                  <Button size="small" icon={<RedoOutlined />} loading={isBusy} onClick={retry} data-testid="bulk-retry">
                    {t('programmes.bulkRetry')}
                  </Button>
                }
              />
            )}
            {job.status === 'done' && (
              <Space>
                <Alert
                  type={job.refused > 0 ? 'warning' : 'success'}
                  message={t('programmes.bulkSummary', job)}
                  data-testid="bulk-summary"
                />
                <Button
                  icon={<FileExcelOutlined />}
                  onClick={() => void programmesApi.downloadAwardJob(programmeId, job.id).catch(notify.error)}
                  data-testid="bulk-download"
                >
                  {t('programmes.bulkDownload')}
                </Button>
              </Space>
            )}
            {rows && (
              <Table<BulkAwardRow>
                size="small"
                rowKey="row"
                dataSource={rows}
                pagination={{ pageSize: 50 }}
                columns={[
                  { title: t('programmes.row'), dataIndex: 'row', width: 70 },
                  { title: t('programmes.member'), dataIndex: 'name', width: 120 },
                  { title: t('programmes.points'), dataIndex: 'points', width: 80 },
                  {
                    title: '',
                    dataIndex: 'outcome',
                    width: 100,
                    render: (o: BulkAwardRow['outcome']) => <Tag color={outcomeColour[o]}>{t(`programmes.outcome.${o}`)}</Tag>,
                  },
                  { title: t('programmes.reason'), dataIndex: 'reason' },
                ]}
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
