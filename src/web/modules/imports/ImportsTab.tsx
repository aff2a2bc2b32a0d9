import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography, Upload, type TableColumnsType, type UploadProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/imports.js';
import { coveringKinds, type OrgWithAncestors } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';
import { formatCount, formatDateTime } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { PagerBar, useCursorPages } from '../../app/paging.js';
import { ErrorFileButton, ImportProgress } from './ImportProgress.js';
import { importsApi, isFinished, MAX_ROSTER_MB, ROSTER_EXTENSIONS } from './imports.api.js';
import { ImportStatusTag } from './ImportStatusTag.js';
import { useImportJob } from './useImportJob.js';

const PAGE_SIZE = 20;

/** The 名册导入 tab: template, upload, the progress of the running import and the imports of this unit. */
export function ImportsTab({ org }: { org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [started, setStarted] = useState<ImportJob | null>(null);
  const [isUploading, setUploading] = useState(false);
  const [isTemplateLoading, setTemplateLoading] = useState(false);
  const job = useImportJob(started);
  const [historyVersion, setHistoryVersion] = useState(0);
  const pages = useCursorPages((cursor) => importsApi.list(org.id, cursor, PAGE_SIZE), `${org.id}:${historyVersion}`);
  const canUpload = can('member.write') && coveringKinds.includes(org.kind);

  // The history shows the finished job's figures as soon as it ends.
  const jobStatus = job?.status;
  useEffect(() => {
    if (jobStatus === 'done' || jobStatus === 'failed') setHistoryVersion((n) => n + 1);
  }, [jobStatus]);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const name = file.name.toLowerCase();
    if (!ROSTER_EXTENSIONS.some((ext) => name.endsWith(ext))) {
      notify.warning(t('imports.wrongType'));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_ROSTER_MB * 1024 * 1024) {
      notify.warning(t('imports.tooLarge', { maxMb: MAX_ROSTER_MB }));
      return Upload.LIST_IGNORE;
    }
    setUploading(true);
    importsApi
      .upload(org.id, file)
      .then((accepted) => {
        setStarted(accepted);
        setHistoryVersion((n) => n + 1);
      })
      .catch(notify.error)
      .finally(() => setUploading(false));
    return false; // the request above is the upload; antd's own one is not used
  };

  const downloadTemplate = () => {
    setTemplateLoading(true);
    importsApi
      .template()
      .catch(notify.error)
      .finally(() => setTemplateLoading(false));
  };

  const columns: TableColumnsType<ImportJob> = [
    { title: t('imports.fileName'), dataIndex: 'fileName', ellipsis: true },
    {
      title: t('imports.statusLabel'),
      dataIndex: 'status',
      width: 100,
      render: (s: ImportJob['status']) => <ImportStatusTag status={s} />,
    },
    { title: t('imports.imported'), dataIndex: 'imported', width: 90, align: 'right', render: (n: number) => formatCount(n) },
    { title: t('imports.rejected'), dataIndex: 'rejected', width: 90, align: 'right', render: (n: number) => formatCount(n) },
    { title: t('imports.duplicates'), dataIndex: 'duplicates', width: 90, align: 'right', render: (n: number) => formatCount(n) },
    { title: t('imports.createdAt'), dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_v: unknown, row) =>
        row.hasErrorFile ? (
          <ErrorFileButton jobId={row.id} isCompact />
        ) : (
          row.status === 'failed' && <Typography.Text type="danger">{row.failure}</Typography.Text>
        ),
    },
  ];

  return (
    <div data-testid="imports-tab">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={isTemplateLoading} onClick={downloadTemplate} data-testid="download-template">
            {t('imports.template')}
          </Button>
          <Typography.Text type="secondary">{t('imports.templateHint')}</Typography.Text>
        </Space>
        {!coveringKinds.includes(org.kind) && <Alert type="info" showIcon message={t('imports.notCovering')} />}
        {coveringKinds.includes(org.kind) && !can('member.write') && <Alert type="info" showIcon message={t('imports.noWrite')} />}
        {canUpload && (job === null || isFinished(job)) && (
          <div data-testid="import-dragger">
            <Upload.Dragger
              accept={ROSTER_EXTENSIONS.join(',')}
              multiple={false}
              showUploadList={false}
              beforeUpload={beforeUpload}
              disabled={isUploading}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{isUploading ? t('imports.uploading') : t('imports.dragger')}</p>
              <p className="ant-upload-hint">{t('imports.draggerHint', { maxMb: MAX_ROSTER_MB })}</p>
            </Upload.Dragger>
          </div>
        )}
        {job && <ImportProgress job={job} />}
        <div>
          <div className="filters" style={{ justifyContent: 'space-between' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('imports.history')}
            </Typography.Title>
            <Button icon={<ReloadOutlined />} onClick={pages.reload}>
              {t('common.refresh')}
            </Button>
          </div>
          <Table<ImportJob>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={pages.items}
            loading={pages.isLoading}
            pagination={false}
            scroll={{ x: 860 }}
            locale={{ emptyText: t('imports.historyEmpty') }}
            data-testid="imports-table"
          />
          <PagerBar pages={pages} testId="imports-pager" />
        </div>
      </Space>
    </div>
  );
}
