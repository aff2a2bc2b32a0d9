import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useNotify } from './notify.js';
import { buttonTestId } from './testId.js';

type FormModalProps<V, R> = {
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  /**
   * Checks the values (usually with the shared zod schema, see `parseWithSchema`) and sends them. Gives null (at once
   * or after an asynchronous check) when the values were refused: the messages then stand under their fields.
   */
  submit: (values: V) => Promise<R | null> | null;
  onClose: () => void;
  onDone: (saved: R) => void;
  /** Said once the server accepted (e.g. 已保存). */
  successText?: string;
  okText?: string;
  isDanger?: boolean;
  isOkDisabled?: boolean;
  width?: number;
  /** Whether Enter in a field submits (off where a field needs Enter, or a form never did). */
  isEnterSubmit?: boolean;
  /** Test ids: the modal, its OK button and the server's refusal. */
  testIds?: { modal?: string; submit?: string; error?: string };
  /** Called when the user changes a field (e.g. to clear a field that depends on it). */
  onValuesChange?: (changed: Partial<V>) => void;
  children: ReactNode;
};

/**
 * 表单弹窗: a form in a modal that checks its values, sends them, and shows the server's refusal above the fields
 * (in the caller's language) instead of closing. Enter in a field submits like OK.
 */
export function FormModal<V, R>({
  title,
  form,
  initialValues,
  submit,
  onClose,
  onDone,
  successText,
  okText,
  isDanger = false,
  isOkDisabled = false,
  width,
  isEnterSubmit = true,
  testIds = {},
  onValuesChange,
  children,
}: FormModalProps<V, R>) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const send = async () => {
    if (isBusy) return;
    setFailure(null);
    const saving = submit(form.getFieldsValue());
    if (!saving) return;
    setBusy(true);
    try {
      const saved = await saving;
      if (saved === null) return;
      if (successText) notify.success(successText);
      onDone(saved);
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void send()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      okButtonProps={{ ...(testIds.submit && buttonTestId(testIds.submit)), danger: isDanger, disabled: isOkDisabled }}
      width={width}
      destroyOnHidden
      data-testid={testIds.modal}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid={testIds.error} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={isEnterSubmit ? () => void send() : undefined}
      >
        {children}
      </Form>
    </Modal>
  );
}
