import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org, Zone } from '../../../common/orgs.js';
import { FormModal } from '../../app/FormModal.js';
import { orgsApi } from './orgs.api.js';

const NO_ZONE = 0;

/** Puts a child into one of its parent's collaboration zones (协作区), or takes it out. */
export function SetZoneModal({ org, zones, onClose, onDone }: { org: Org; zones: Zone[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ zoneId: number }>();
  return (
    <FormModal
      title={t('org.setZoneTitle', { name: org.name })}
      form={form}
      initialValues={{ zoneId: org.zoneId ?? NO_ZONE }}
      submit={({ zoneId }) => orgsApi.update(org.id, { version: org.version, zoneId: zoneId === NO_ZONE ? null : zoneId })}
      onClose={onClose}
      onDone={onDone}
      successText={t('common.saved')}
      isEnterSubmit={false}
      testIds={{ submit: 'zone-confirm' }}
    >
      <Form.Item name="zoneId" label={t('org.field.zone')}>
        <Select
          data-testid="zone-select"
          options={[{ value: NO_ZONE, label: t('org.noZone') }, ...zones.map((z) => ({ value: z.id, label: z.name }))]}
        />
      </Form.Item>
    </FormModal>
  );
}
