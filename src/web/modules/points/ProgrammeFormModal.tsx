import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { expiryRules, programmeStatuses } from '../../../common/points.js';
import { CreateProgrammeBody, UpdateProgrammeBody, type ProgrammeDetail } from '../../../common/points.programmes.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { programmesApi } from './programmes.api.js';

type Values = {
  name?: string;
  description?: string;
  volunteerHour?: number | null;
  eventAttendance?: number | null;
  training?: number | null;
  manual: boolean;
  capDay?: number | null;
  capMonth?: number | null;
  capYear?: number | null;
  expiryRule: ProgrammeDetail['expiryRule'];
  expiryMonths?: number | null;
  status: ProgrammeDetail['status'];
};

const orUndefined = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n);

/** 新建 / 修改积分项目: earn rules, caps per member, expiry. */
export function ProgrammeFormModal({
  orgId,
  programme,
  onClose,
  onDone,
}: {
  orgId: number;
  programme?: ProgrammeDetail;
  onClose: () => void;
  onDone: (p: ProgrammeDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rule = Form.useWatch('expiryRule', form) ?? programme?.expiryRule ?? 'end_of_next_year';
  const labels = {
    name: t('programmes.field.name'),
    description: t('programmes.field.description'),
    capDay: t('programmes.field.capDay'),
    capMonth: t('programmes.field.capMonth'),
    capYear: t('programmes.field.capYear'),
    expiryMonths: t('programmes.field.expiryMonths'),
  };
  const initial: Values = programme
    ? { ...programme, ...programme.earnRules, manual: programme.earnRules.manual ?? false }
    : { manual: true, volunteerHour: 10, expiryRule: 'end_of_next_year', status: 'active' };
  return (
    <FormModal
      title={programme ? t('programmes.edit') : t('programmes.create')}
      form={form}
      initialValues={initial}
      submit={(v) => {
        const fields = {
          name: v.name,
          description: v.description ?? '',
          earnRules: {
            volunteerHour: orUndefined(v.volunteerHour),
            eventAttendance: orUndefined(v.eventAttendance),
            training: orUndefined(v.training),
            manual: v.manual,
          },
          capDay: v.capDay ?? null,
          capMonth: v.capMonth ?? null,
          capYear: v.capYear ?? null,
          expiryRule: v.expiryRule,
          expiryMonths: v.expiryRule === 'months' ? (v.expiryMonths ?? null) : null,
        };
        if (programme) {
          const body = parseWithSchema(UpdateProgrammeBody, { ...fields, status: v.status }, form, labels, t);
          return body && programmesApi.update(programme.id, body);
        }
        const body = parseWithSchema(CreateProgrammeBody, { ...fields, orgId }, form, labels, t);
        return body && programmesApi.create(body);
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('common.ok')}
      isEnterSubmit={false}
      testIds={{ submit: 'programme-ok', error: 'programme-error' }}
    >
      <Form.Item name="name" label={labels.name} required>
        <Input maxLength={100} data-testid="programme-name" />
      </Form.Item>
      <Form.Item name="description" label={labels.description}>
        <Input.TextArea maxLength={2000} rows={2} />
      </Form.Item>
      <Form.Item name="volunteerHour" label={t('programmes.field.volunteerHour')}>
        <InputNumber min={1} max={1000} precision={0} data-testid="programme-volunteer-hour" />
      </Form.Item>
      <Form.Item name="eventAttendance" label={t('programmes.field.eventAttendance')}>
        <InputNumber min={1} max={1000} precision={0} />
      </Form.Item>
      <Form.Item name="training" label={t('programmes.field.training')}>
        <InputNumber min={1} max={1000} precision={0} />
      </Form.Item>
      <Form.Item name="manual" label={t('programmes.field.manual')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {(['capDay', 'capMonth', 'capYear'] as const).map((cap) => (
        <Form.Item key={cap} name={cap} label={labels[cap]}>
          <InputNumber min={1} precision={0} placeholder={t('programmes.noCap')} style={{ width: 160 }} />
        </Form.Item>
      ))}
      <Form.Item name="expiryRule" label={t('programmes.field.expiryRule')} required>
        <Select options={expiryRules.map((r) => ({ value: r, label: t(`programmes.expiry.${r}`) }))} data-testid="programme-expiry" />
      </Form.Item>
      {rule === 'months' && (
        <Form.Item name="expiryMonths" label={labels.expiryMonths} required>
          <InputNumber min={1} max={120} precision={0} />
        </Form.Item>
      )}
      {programme && (
        <Form.Item name="status" label={t('programmes.field.status')}>
          <Select options={programmeStatuses.map((s) => ({ value: s, label: t(`programmes.status.${s}`) }))} />
        </Form.Item>
      )}
    </FormModal>
  );
}
