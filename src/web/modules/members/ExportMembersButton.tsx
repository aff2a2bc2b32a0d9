import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';

type ExportFormat = 'xlsx' | 'csv';

/** 导出会员: the members of a subtree as .xlsx or .csv, masked unless the caller may reveal (and it is audited). */
export function ExportMembersButton({ orgId, orgName }: { orgId: number; orgName: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [isOpen, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [isRevealed, setRevealed] = useState(false);
  const [isLoading, setLoading] = useState(false);
  if (!can('member.export')) return null;
  const canReveal = can('member.reveal');

  const start = () => {
    setLoading(true);
    api
      .download('/api/members/export', { orgId, format, reveal: canReveal && isRevealed ? 1 : 0 }, `members.${format}`)
      .then(() => {
        notify.success(t('export.done'));
        setOpen(false);
      })
      .catch(notify.error)
      .finally(() => setLoading(false));
  };

  return (
    <>
      <Button icon={<ExportOutlined />} onClick={() => setOpen(true)} data-testid="export-members">
        {t('export.button')}
      </Button>
      <Modal
        open={isOpen}
        title={t('export.title')}
        okText={t('export.start')}
        onOk={start}
        confirmLoading={isLoading}
        onCancel={() => setOpen(false)}
        okButtonProps={buttonTestId('export-ok')}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('export.scope', { name: orgName })}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('export.format')}>
            <Radio.Group
              value={format}
              onChange={(e) => setFormat(e.target.value as ExportFormat)}
              options={[
                { value: 'xlsx', label: 'Excel (.xlsx)' },
                { value: 'csv', label: 'CSV (.csv)' },
              ]}
              data-testid="export-format"
            />
          </Form.Item>
          {canReveal && (
            <Form.Item>
              <Checkbox checked={isRevealed} onChange={(e) => setRevealed(e.target.checked)} data-testid="export-reveal">
                {t('export.reveal')}
              </Checkbox>
            </Form.Item>
          )}
        </Form>
        {canReveal && isRevealed && <Alert type="warning" showIcon message={t('export.revealWarning')} />}
      </Modal>
    </>
  );
}
