import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../app/notify.js';
import { coverageApi } from './coverage.api.js';
import { DatePicker, dayjs, type Dayjs } from '../../app/dates.js';

/** 统计报表: pick a month (this month: live figures; a past month: its snapshot) and download the node's .xlsx. */
export function ReportButton({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [isOpen, setOpen] = useState(false);
  const [isLoading, setLoading] = useState(false);
  const download = () => {
    setLoading(true);
    coverageApi
      .downloadReport(orgId, month.format('YYYY-MM'))
      .then(() => setOpen(false))
      .catch(notify.error)
      .finally(() => setLoading(false));
  };
  const content = (
    <Space direction="vertical" data-testid="report-form">
      <Typography.Text type="secondary">{t('report.help')}</Typography.Text>
      <DatePicker
        picker="month"
        value={month}
        allowClear={false}
        onChange={(value) => value && setMonth(value)}
        disabledDate={(d) => d.isAfter(dayjs(), 'month')}
        data-testid="report-month"
        getPopupContainer={(node) => node.parentElement ?? document.body}
      />
      <Button type="primary" icon={<FileExcelOutlined />} loading={isLoading} onClick={download} data-testid="report-download">
        {t('report.download')}
      </Button>
    </Space>
  );
  return (
    <Popover trigger="click" open={isOpen} onOpenChange={setOpen} content={content} title={t('report.title')} placement="bottomRight">
      <Button icon={<FileExcelOutlined />} data-testid="report-button">
        {t('report.button')}
      </Button>
    </Popover>
  );
}
