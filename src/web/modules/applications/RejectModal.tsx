import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEMBER_LIMITS } from '../../../common/members.js';
import { FormModal } from '../../app/FormModal.js';
import { validFields } from '../../app/zodForm.js';

/**
 * 退回: the reason is required and shown to every applicant of the batch on their status page. `onSubmit` sends the
 * decision and says whether it went through (it reports its own outcome); the dialog stays open when it did not.
 */
export function RejectModal({
  count,
  onClose,
  onSubmit,
}: {
  count: number;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const label = t('application.rejectReason');
  return (
    <FormModal
      title={t('application.rejectTitle', { count })}
      form={form}
      submit={async () => {
        const values = await validFields(form);
        return values && ((await onSubmit((values.reason ?? '').trim())) || null);
      }}
      onClose={onClose}
      onDone={onClose}
      okText={t('application.reject')}
      isDanger
      isEnterSubmit={false}
      testIds={{ modal: 'reject-modal', submit: 'reject-ok' }}
    >
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
    </FormModal>
  );
}
