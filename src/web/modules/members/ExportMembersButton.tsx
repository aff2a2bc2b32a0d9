import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RevealReasonField } from './RevealReasonField.js';
import { api } from '../../app/api.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import type { MemberFilters } from './members.api.js';

type ExportFormat = 'xlsx' | 'csv';

/**
 * 导出会员: the members of a subtree as .xlsx or .csv — those the list shows under its filters — masked unless the
 * caller may reveal and states a reason (audited). The server names the file after the node and the day.
 */
export function ExportMembersButton({ orgId, orgName, filters = {} }: { orgId: number; orgName: string; filters?: MemberFilters }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [isOpen, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [isRevealed, setRevealed] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const [isLoading, setLoading] = useState(false);
  if (!can('member.export')) return null;
  const canReveal = can('member.reveal');

  const isFull = canReveal && isRevealed;
  const isFiltered = Boolean(filters.q || filters.status || filters.employmentForm);
  const reasonLabel = t('export.reason');

  const start = async () => {
    const { reason } = isFull ? await form.validateFields() : { reason: undefined };
    setLoading(true);
    const { q, status, employmentForm } = filters;
    const shown = { orgId, format, q: q || undefined, status, employmentForm };
    const query = isFull ? { ...shown, reveal: 1, reason: (reason ?? '').trim() } : { ...shown, reveal: 0 };
    return api
      .download('/api/members/export', query, `members.${format}`)
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
        onOk={() => void start().catch(() => undefined)}
        confirmLoading={isLoading}
        onCancel={() => setOpen(false)}
        okButtonProps={buttonTestId('export-ok')}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t(isFiltered ? 'export.scopeFiltered' : 'export.scope', { name: orgName })}
        </Typography.Paragraph>
        <Form form={form} layout="vertical">
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
          {isFull && (
            <RevealReasonField
              label={reasonLabel}
              help={t('export.reasonHelp')}
              placeholder={t('export.reasonPlaceholder')}
              testId="export-reason"
            />
          )}
        </Form>
        {isFull && <Alert type="warning" showIcon message={t('export.revealWarning')} />}
      </Modal>
    </>
  );
}
