import { Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/imports.js';
import { useNotify } from '../../app/notify.js';
import { importsApi, MAX_ROSTER_MB, ROSTER_EXTENSIONS } from './imports.api.js';

/**
 * The roster upload: checks the file's type and size before sending it, then hands over the accepted job.
 * `beforeUpload` sends the file itself; antd's own request is not used.
 */
export function useRosterUpload(orgId: number, onStarted: (job: ImportJob) => void) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [isUploading, setUploading] = useState(false);
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
      .upload(orgId, file)
      .then(onStarted)
      .catch(notify.error)
      .finally(() => setUploading(false));
    return false;
  };
  return { beforeUpload, isUploading };
}
