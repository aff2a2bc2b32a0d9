import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../common/training.js';
import { OpenSignUpBody } from '../../../common/training.signup.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { trainingApi } from './training.api.js';

/**
 * 开放报名: the session takes sign-ups through the events machinery (an event of the session's union, open to its
 * subtree, window from now until the session starts): workers sign up on their phones, get a ticket, and the event's
 * check-in marks their training attendance.
 */
export function OpenSignUpModal({ session, onClose, onDone }: { session: Session; onClose: () => void; onDone: (s: Session) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ capacity?: number | null }>();
  const labels = { capacity: t('training.signUp.capacity') };
  return (
    <FormModal
      title={t('training.signUp.open')}
      form={form}
      initialValues={{ capacity: session.capacity }}
      submit={(v) => {
        const body = parseWithSchema(OpenSignUpBody, { capacity: v.capacity ?? undefined }, form, labels, t);
        return body && trainingApi.openSignUp(session.id, body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('training.signUp.opened')}
      testIds={{ modal: 'training-sign-up-form', submit: 'training-sign-up-ok', error: 'training-sign-up-error' }}
    >
      <Form.Item name="capacity" label={labels.capacity} extra={t('training.signUp.hint')} required>
        <InputNumber min={1} max={100000} precision={0} data-testid="training-sign-up-capacity" />
      </Form.Item>
    </FormModal>
  );
}
