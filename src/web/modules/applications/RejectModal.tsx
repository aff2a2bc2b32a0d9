import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_LIMITS } from '../../../common/members.js';
import { buttonTestId } from '../../app/testId.js';

/** 退回: the reason is required and shown to every applicant of the batch on their status page. */
export function RejectModal({
  count,
  onClose,
  onSubmit,
}: {
  count: number;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [isBusy, setBusy] = useState(false);
  const label = t('application.rejectReason');
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await onSubmit((values.reason ?? '').trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('application.rejectTitle', { count })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('application.reject')}
      cancelText={t('common.cancel')}
      okButtonProps={{ ...buttonTestId('reject-ok'), danger: true }}
      confirmLoading={isBusy}
      data-testid="reject-modal"
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={label}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: label }) },
            { max: MEMBER_LIMITS.reasonMax, message: t('validation.tooLong', { field: label, max: MEMBER_LIMITS.reasonMax }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={MEMBER_LIMITS.reasonMax} showCount autoFocus data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
