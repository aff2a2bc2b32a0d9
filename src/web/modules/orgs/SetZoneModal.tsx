import { Alert, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org, Zone } from '../../../common/orgs.js';
import { errorText, useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { orgsApi } from './orgs.api.js';

const NO_ZONE = 0;

/** Puts a child into one of its parent's collaboration zones (协作区), or takes it out. */
export function SetZoneModal({ org, zones, onClose, onDone }: { org: Org; zones: Zone[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [zoneId, setZoneId] = useState<number>(org.zoneId ?? NO_ZONE);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await orgsApi.update(org.id, { version: org.version, zoneId: zoneId === NO_ZONE ? null : zoneId });
      notify.success(t('common.saved'));
      onDone();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('org.setZoneTitle', { name: org.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={buttonTestId('zone-confirm')}
      confirmLoading={isBusy}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Form.Item label={t('org.field.zone')}>
          <Select
            data-testid="zone-select"
            value={zoneId}
            onChange={setZoneId}
            options={[{ value: NO_ZONE, label: t('org.noZone') }, ...zones.map((z) => ({ value: z.id, label: z.name }))]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
