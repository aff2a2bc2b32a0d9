import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canSitUnder,
  CreateOrgBody,
  jointTypes,
  orgKinds,
  UpdateOrgBody,
  type JointType,
  type Org,
  type OrgKind,
} from '../../../common/orgs.js';
import { errorText, useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { orgsApi } from './orgs.api.js';

type Mode = { kind: 'create'; parent: Org } | { kind: 'edit'; org: Org };
type Values = { name?: string; kind?: OrgKind; jointType?: JointType; regionCode?: string };

/** Creates a child (offering only the kinds allowed under the parent) or edits an organisation. */
export function OrgFormModal({ mode, onClose, onDone }: { mode: Mode; onClose: () => void; onDone: (org: Org) => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form) ?? (mode.kind === 'edit' ? mode.org.kind : undefined);
  const childKinds = mode.kind === 'create' ? orgKinds.filter((k) => canSitUnder(k, mode.parent.kind)) : [];
  const labels = {
    name: t('org.field.name'),
    kind: t('org.field.kind'),
    jointType: t('org.field.jointType'),
    regionCode: t('org.field.regionCode'),
  };
  const initialValues: Values =
    mode.kind === 'edit'
      ? { name: mode.org.name, jointType: mode.org.jointType ?? undefined, regionCode: mode.org.regionCode ?? undefined }
      : { kind: childKinds.length === 1 ? childKinds[0] : undefined };

  const submit = async () => {
    const values = form.getFieldsValue();
    const regionCode = values.regionCode?.trim() || undefined;
    setFailure(null);
    let saving: Promise<Org> | null = null;
    if (mode.kind === 'create') {
      if (values.kind === 'joint_union' && !values.jointType) {
        form.setFields([{ name: 'jointType', errors: [t('validation.choose', { field: labels.jointType })] }]);
        return;
      }
      const body = parseWithSchema(
        CreateOrgBody,
        {
          parentId: mode.parent.id,
          name: values.name,
          kind: values.kind,
          regionCode,
          jointType: values.kind === 'joint_union' ? values.jointType : undefined,
        },
        form,
        labels,
        t,
      );
      if (body) saving = orgsApi.create(body);
    } else {
      const body = parseWithSchema(
        UpdateOrgBody,
        {
          version: mode.org.version,
          name: values.name,
          regionCode: regionCode ?? null,
          jointType: mode.org.kind === 'joint_union' ? values.jointType : undefined,
        },
        form,
        labels,
        t,
      );
      if (body) saving = orgsApi.update(mode.org.id, body);
    }
    if (!saving) return;
    setBusy(true);
    try {
      const saved = await saving;
      notify.success(mode.kind === 'create' ? t('common.created') : t('common.saved'));
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
      title={mode.kind === 'create' ? t('org.createTitle', { parent: mode.parent.name }) : t('org.editTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      okButtonProps={buttonTestId('org-form-submit')}
      destroyOnHidden
      data-testid="org-form-modal"
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="org-form-error" />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
        {mode.kind === 'create' && (
          <Form.Item name="kind" label={labels.kind} required>
            <Select
              data-testid="org-form-kind"
              options={childKinds.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
              placeholder={t('validation.choose', { field: labels.kind })}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={labels.name} required>
          <Input data-testid="org-form-name" maxLength={100} />
        </Form.Item>
        {kind === 'joint_union' && (
          <Form.Item name="jointType" label={labels.jointType} required>
            <Select
              data-testid="org-form-joint-type"
              options={jointTypes.map((j) => ({ value: j, label: t(`org.jointType.${j}`) }))}
              placeholder={t('validation.choose', { field: labels.jointType })}
            />
          </Form.Item>
        )}
        <Form.Item name="regionCode" label={labels.regionCode}>
          <Input data-testid="org-form-region" maxLength={12} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
