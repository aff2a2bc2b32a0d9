import { Form, Input, Select } from 'antd';
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
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { orgsApi } from './orgs.api.js';

type Mode = { kind: 'create'; parent: Org } | { kind: 'edit'; org: Org };
type Values = { name?: string; kind?: OrgKind; jointType?: JointType; regionCode?: string };

/** Creates a child (offering only the kinds allowed under the parent) or edits an organisation. */
export function OrgFormModal({ mode, onClose, onDone }: { mode: Mode; onClose: () => void; onDone: (org: Org) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
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

  const submit = (values: Values): Promise<Org> | null => {
    const regionCode = values.regionCode?.trim() || undefined;
    if (mode.kind === 'create') {
      if (values.kind === 'joint_union' && !values.jointType) {
        form.setFields([{ name: 'jointType', errors: [t('validation.choose', { field: labels.jointType })] }]);
        return null;
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
      return body && orgsApi.create(body);
    }
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
    return body && orgsApi.update(mode.org.id, body);
  };

  return (
    <FormModal
      title={mode.kind === 'create' ? t('org.createTitle', { parent: mode.parent.name }) : t('org.editTitle')}
      form={form}
      initialValues={initialValues}
      submit={submit}
      onClose={onClose}
      onDone={onDone}
      successText={mode.kind === 'create' ? t('common.created') : t('common.saved')}
      testIds={{ modal: 'org-form-modal', submit: 'org-form-submit', error: 'org-form-error' }}
    >
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
    </FormModal>
  );
}
