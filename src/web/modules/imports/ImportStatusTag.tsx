import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/imports.js';

const COLORS: Record<ImportJob['status'], string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

export function ImportStatusTag({ status }: { status: ImportJob['status'] }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`imports.status.${status}`)}</Tag>;
}
