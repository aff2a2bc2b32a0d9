import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, roles, type Role } from '../../../common/auth.js';
import { CreateUserBody, GrantBody, UpdateUserBody, type User } from '../../../common/users.js';
import { errorText, useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { usersApi } from './users.api.js';

type Props = { onClose: () => void; onDone: () => void };
type Values = { username?: string; displayName?: string; password?: string; role?: Role; isDisabled?: boolean };

/** Runs one save with busy state and a form-level error (the server's message). */
function useSaving() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const run = async (save: Promise<unknown>, onDone: () => void) => {
    setBusy(true);
    setFailure(null);
    try {
      await save;
      onDone();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return { failure, isBusy, run };
}

function RoleSelect({ value, onChange }: { value?: Role; onChange?: (role: Role) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      value={value}
      onChange={onChange}
      data-testid="user-role"
      placeholder={t('validation.choose', { field: t('users.role') })}
      options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
    />
  );
}

export function CreateUserModal({ onClose, onDone }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const { failure, isBusy, run } = useSaving();
  const labels = {
    username: t('users.username'),
    displayName: t('users.displayName'),
    password: t('users.password'),
    orgId: t('users.org'),
    role: t('users.role'),
  };

  const submit = () => {
    const body = parseWithSchema(CreateUserBody, { ...form.getFieldsValue(), orgId }, form, labels, t);
    if (!body) {
      if (orgId === undefined) notify.warning(t('validation.choose', { field: labels.orgId }));
      return;
    }
    void run(usersApi.create(body), () => {
      notify.success(t('common.created'));
      onDone();
    });
  };

  return (
    <Modal
      open
      title={t('users.createTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      okButtonProps={buttonTestId('user-form-submit')}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="username" label={labels.username} required extra={t('users.usernameRule')}>
          <Input data-testid="user-username" autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="displayName" label={labels.displayName} required>
          <Input data-testid="user-display-name" maxLength={50} />
        </Form.Item>
        <Form.Item name="password" label={labels.password} required extra={t('users.passwordRule', { min: PASSWORD_MIN_LENGTH })}>
          <Input.Password data-testid="user-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={labels.orgId} required>
          <OrgSearch testId="user-org" keepName onPick={(hit) => setOrgId(hit.id)} onClear={() => setOrgId(undefined)} />
        </Form.Item>
        <Form.Item name="role" label={labels.role} required>
          <RoleSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EditUserModal({ user, onClose, onDone }: Props & { user: User }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const { failure, isBusy, run } = useSaving();
  const labels = { displayName: t('users.displayName'), password: t('users.newPassword'), isDisabled: t('users.isDisabled') };

  const submit = () => {
    const values = form.getFieldsValue();
    const body = parseWithSchema(
      UpdateUserBody,
      { displayName: values.displayName, isDisabled: values.isDisabled, password: values.password || undefined },
      form,
      labels,
      t,
    );
    if (!body) return;
    void run(usersApi.update(user.id, body), () => {
      notify.success(t('common.saved'));
      onDone();
    });
  };

  return (
    <Modal
      open
      title={t('users.editTitle', { username: user.username })}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ displayName: user.displayName, isDisabled: user.isDisabled }}>
        <Form.Item name="displayName" label={labels.displayName} required>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="password" label={labels.password} extra={t('users.passwordRule', { min: PASSWORD_MIN_LENGTH })}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="isDisabled" label={labels.isDisabled} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function GrantModal({ user, onClose, onDone }: Props & { user: User }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const { failure, isBusy, run } = useSaving();
  const labels = { orgId: t('users.org'), role: t('users.role') };

  const submit = () => {
    const body = parseWithSchema(GrantBody, { orgId, role: form.getFieldValue('role') as unknown }, form, labels, t);
    if (!body) {
      if (orgId === undefined) notify.warning(t('validation.choose', { field: labels.orgId }));
      return;
    }
    void run(usersApi.grant(user.id, body), () => {
      notify.success(t('common.saved'));
      onDone();
    });
  };

  return (
    <Modal
      open
      title={t('users.grantTitle', { username: user.username })}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item label={labels.orgId} required>
          <OrgSearch testId="grant-org" keepName onPick={(hit) => setOrgId(hit.id)} onClear={() => setOrgId(undefined)} />
        </Form.Item>
        <Form.Item name="role" label={labels.role} required>
          <RoleSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
