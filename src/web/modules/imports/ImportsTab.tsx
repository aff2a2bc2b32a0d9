import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/imports.js';
import { coveringKinds, type OrgWithAncestors } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';
import { useList } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { ImportHistory } from './ImportHistory.js';
import { ImportProgress } from './ImportProgress.js';
import { importsApi, isFinished, MAX_ROSTER_MB, ROSTER_EXTENSIONS } from './imports.api.js';
import { useImportJob } from './useImportJob.js';
import { useRosterUpload } from './useRosterUpload.js';

const PAGE_SIZE = 20;

/** The 名册导入 tab: template, upload, the progress of the running import and the imports of this unit. */
export function ImportsTab({ org }: { org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [started, setStarted] = useState<ImportJob | null>(null);
  const [isTemplateLoading, setTemplateLoading] = useState(false);
  const job = useImportJob(started);
  const history = useList((_filter: object, cursor) => importsApi.list(org.id, cursor, PAGE_SIZE), { initial: {}, scope: org.id });
  const { restart } = history;
  const upload = useRosterUpload(org.id, (accepted) => {
    setStarted(accepted);
    restart();
  });
  const isCovering = coveringKinds.includes(org.kind);
  const canUpload = can('member.write') && isCovering;

  // The history shows the finished job's figures as soon as it ends.
  const jobStatus = job?.status;
  useEffect(() => {
    if (jobStatus === 'done' || jobStatus === 'failed') restart();
  }, [jobStatus, restart]);

  const downloadTemplate = () => {
    setTemplateLoading(true);
    importsApi
      .template()
      .catch(notify.error)
      .finally(() => setTemplateLoading(false));
  };

  return (
    <div data-testid="imports-tab">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={isTemplateLoading} onClick={downloadTemplate} data-testid="download-template">
            {t('imports.template')}
          </Button>
          <Typography.Text type="secondary">{t('imports.templateHint')}</Typography.Text>
        </Space>
        {!isCovering && <Alert type="info" showIcon message={t('imports.notCovering')} />}
        {isCovering && !can('member.write') && <Alert type="info" showIcon message={t('imports.noWrite')} />}
        {canUpload && (job === null || isFinished(job)) && (
          <div data-testid="import-dragger">
            <Upload.Dragger
              accept={ROSTER_EXTENSIONS.join(',')}
              multiple={false}
              showUploadList={false}
              beforeUpload={upload.beforeUpload}
              disabled={upload.isUploading}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{upload.isUploading ? t('imports.uploading') : t('imports.dragger')}</p>
              <p className="ant-upload-hint">{t('imports.draggerHint', { maxMb: MAX_ROSTER_MB })}</p>
            </Upload.Dragger>
          </div>
        )}
        {job && <ImportProgress job={job} org={org} />}
        <ImportHistory list={history} />
      </Space>
    </div>
  );
}
