import { Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateEmployerBody, UpdateEmployerBody, type Employer, type IndustrySection } from '../../../common/employers.js';
import { normaliseUscc } from '../../../common/uscc.js';
import { coveringKinds, type OrgWithAncestors } from '../../../common/orgs.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { employersApi } from './employers.api.js';
import { EmployerFields } from './EmployerFields.js';

type Values = { name?: string; uscc?: string; headcount?: number | null; industry?: IndustrySection; address?: string };
type Picked = { id: number; name: string } | null;

/** The nearest street / township / park federation at or above the page's org: the default location. */
function defaultStreet(org: OrgWithAncestors): Picked {
  if (org.kind === 'street_federation') return { id: org.id, name: org.name };
  const street = [...org.ancestors].reverse().find((a) => a.kind === 'street_federation');
  return street ? { id: street.id, name: street.name } : null;
}

export function EmployerFormModal({
  org,
  employer,
  initialName,
  onClose,
  onDone,
}: {
  org: OrgWithAncestors;
  employer: Employer | null;
  /** A new employer's name as something else spelled it (the 所在单位 of a roster's rows). */
  initialName?: string;
  onClose: () => void;
  onDone: (saved: Employer) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [street, setStreet] = useState<Picked>(employer ? { id: employer.streetOrgId, name: employer.streetName } : defaultStreet(org));
  const [union, setUnion] = useState<Picked>(
    employer
      ? employer.unionOrgId === null
        ? null
        : { id: employer.unionOrgId, name: employer.unionName ?? '' }
      : coveringKinds.includes(org.kind)
        ? { id: org.id, name: org.name }
        : null,
  );
  const [streetError, setStreetError] = useState<string | null>(null);
  const labels = {
    name: t('employer.field.name'),
    uscc: t('employer.field.uscc'),
    headcount: t('employer.field.headcount'),
    industry: t('employer.field.industry'),
    address: t('employer.field.address'),
    streetOrgId: t('employer.field.street'),
    unionOrgId: t('employer.field.union'),
  };

  const submit = async (): Promise<Employer | null> => {
    setStreetError(street ? null : t('validation.choose', { field: labels.streetOrgId }));
    const isUsccValid = await form.validateFields(['uscc']).then(
      () => true,
      () => false,
    );
    const values = form.getFieldsValue();
    const fields = {
      name: values.name,
      uscc: values.uscc ? normaliseUscc(values.uscc) : undefined,
      headcount: values.headcount ?? undefined,
      industry: values.industry,
      address: values.address?.trim() || undefined,
      streetOrgId: street?.id,
      unionOrgId: union?.id ?? null,
    };
    if (employer) {
      const body = parseWithSchema(UpdateEmployerBody, { ...fields, version: employer.version }, form, labels, t);
      return body && street && isUsccValid ? employersApi.update(employer.id, body) : null;
    }
    const body = parseWithSchema(CreateEmployerBody, fields, form, labels, t);
    return body && street && isUsccValid ? employersApi.create(body) : null;
  };

  return (
    <FormModal
      title={employer ? t('employer.editTitle') : t('employer.createTitle')}
      form={form}
      submit={submit}
      onClose={onClose}
      onDone={onDone}
      successText={employer ? t('common.saved') : t('common.created')}
      width={600}
      isEnterSubmit={false}
      testIds={{ modal: 'employer-form-modal', submit: 'employer-form-submit', error: 'employer-form-error' }}
      initialValues={
        employer
          ? {
              name: employer.name,
              uscc: employer.uscc ?? undefined,
              headcount: employer.headcount,
              industry: employer.industry,
              address: employer.address ?? undefined,
            }
          : { headcount: 0, ...(initialName ? { name: initialName } : {}) }
      }
    >
      <EmployerFields labels={labels} />
      <Form.Item label={labels.streetOrgId} required validateStatus={streetError ? 'error' : undefined} help={streetError ?? undefined}>
        <OrgSearch
          testId="employer-street"
          kind="street_federation"
          keepName
          initialText={street?.name ?? ''}
          placeholder={t('employer.pickStreet')}
          onPick={(hit) => {
            setStreet({ id: hit.id, name: hit.name });
            setStreetError(null);
          }}
          onClear={() => setStreet(null)}
        />
      </Form.Item>
      <Form.Item label={labels.unionOrgId}>
        <OrgSearch
          testId="employer-union"
          keepName
          initialText={union?.name ?? ''}
          placeholder={t('employer.pickUnion')}
          accept={(hit) => coveringKinds.includes(hit.kind)}
          onPick={(hit) => setUnion({ id: hit.id, name: hit.name })}
          onClear={() => setUnion(null)}
        />
      </Form.Item>
    </FormModal>
  );
}
