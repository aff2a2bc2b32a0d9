import { Form, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, roles, type Role } from '../../../common/auth.js';
import { CreateUserBody, GrantBody, UpdateUserBody, type User } from '../../../common/users.js';
import { FormModal } from '../../app/FormModal.js';
import { useNotify } from '../../app/notify.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { usersApi } from './users.api.js';

type Props = { onClose: () => void; onDone: () => void };
type Values = { username?: string; displayName?: string; password?: string; role?: Role; isDisabled?: boolean };

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
  const labels = {
    username: t('users.username'),
    displayName: t('users.displayName'),
    password: t('users.password'),
    orgId: t('users.org'),
    role: t('users.role'),
  };

  const submit = (values: Values) => {
    const body = parseWithSchema(CreateUserBody, { ...values, orgId }, form, labels, t);
    if (!body && orgId === undefined) notify.warning(t('validation.choose', { field: labels.orgId }));
    return body && usersApi.create(body);
  };

  return (
    <FormModal
      title={t('users.createTitle')}
      form={form}
      submit={submit}
      onClose={onClose}
      onDone={onDone}
      successText={t('common.created')}
      isEnterSubmit={false}
      testIds={{ submit: 'user-form-submit' }}
    >
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
    </FormModal>
  );
}

export function EditUserModal({ user, onClose, onDone }: Props & { user: User }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = { displayName: t('users.displayName'), password: t('users.newPassword'), isDisabled: t('users.isDisabled') };

  const submit = (values: Values) => {
    const body = parseWithSchema(
      UpdateUserBody,
      { displayName: values.displayName, isDisabled: values.isDisabled, password: values.password || undefined },
      form,
      labels,
      t,
    );
    return body && usersApi.update(user.id, body);
  };

  return (
    <FormModal
      title={t('users.editTitle', { username: user.username })}
      form={form}
      initialValues={{ displayName: user.displayName, isDisabled: user.isDisabled }}
      submit={submit}
      onClose={onClose}
      onDone={onDone}
      successText={t('common.saved')}
      isEnterSubmit={false}
    >
      <Form.Item name="displayName" label={labels.displayName} required>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="password" label={labels.password} extra={t('users.passwordRule', { min: PASSWORD_MIN_LENGTH })}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="isDisabled" label={labels.isDisabled} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

export function GrantModal({ user, onClose, onDone }: Props & { user: User }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const labels = { orgId: t('users.org'), role: t('users.role') };

  const submit = (values: Values) => {
    const body = parseWithSchema(GrantBody, { orgId, role: values.role }, form, labels, t);
    if (!body && orgId === undefined) notify.warning(t('validation.choose', { field: labels.orgId }));
    return body && usersApi.grant(user.id, body);
  };

  return (
    <FormModal
      title={t('users.grantTitle', { username: user.username })}
      form={form}
      submit={submit}
      onClose={onClose}
      onDone={onDone}
      successText={t('common.saved')}
      isEnterSubmit={false}
    >
      <Form.Item label={labels.orgId} required>
        <OrgSearch testId="grant-org" keepName onPick={(hit) => setOrgId(hit.id)} onClear={() => setOrgId(undefined)} />
      </Form.Item>
      <Form.Item name="role" label={labels.role} required>
        <RoleSelect />
      </Form.Item>
    </FormModal>
  );
}
