import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { REVEAL_REASON } from '../../../common/members.js';

/** The stated reason every reveal of personal data needs (a single reveal or a full export), with the server's limits. */
export function RevealReasonField({
  label,
  help,
  placeholder,
  testId,
}: {
  label: string;
  help: string;
  placeholder: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={label}
      extra={help}
      rules={[
        { required: true, whitespace: true, message: t('validation.required', { field: label }) },
        { min: REVEAL_REASON.min, message: t('validation.tooShort', { field: label, min: REVEAL_REASON.min }) },
        { max: REVEAL_REASON.max, message: t('validation.tooLong', { field: label, max: REVEAL_REASON.max }) },
      ]}
    >
      <Input.TextArea rows={2} maxLength={REVEAL_REASON.max} showCount placeholder={placeholder} data-testid={testId} />
    </Form.Item>
  );
}
