import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../app/notify.js';
import { importsApi } from './imports.api.js';

/** Downloads the rows an import refused, with the reason per row: a link in the history, a notice under the progress. */
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
