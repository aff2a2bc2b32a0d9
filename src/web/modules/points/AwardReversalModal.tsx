import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReversalBody, reversalModes, type PointsTransfer, type ReversalResult } from '../../../common/points.programmes.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { programmesApi } from './programmes.api.js';

type Values = { mode: ReversalBody['mode']; reason?: string };

/** 冲正: reverses a wrong award; when some of it was already used, refuse or book that part to the claw-back account. */
export function AwardReversalModal({
  programmeId,
  award,
  onClose,
  onDone,
}: {
  programmeId: number;
  award: PointsTransfer;
  onClose: () => void;
  onDone: (r: ReversalResult) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = { reason: t('programmes.reason') };
  return (
    <FormModal
      title={`${t('programmes.reverseTitle')} #${award.id}（${award.amount}）`}
      form={form}
      initialValues={{ mode: 'refuse' }}
      submit={(v) => {
        const body = parseWithSchema(ReversalBody, { ...v, transferId: award.id }, form, labels, t);
        return body && programmesApi.reverse(programmeId, body);
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('programmes.reverse')}
      isDanger
      isEnterSubmit={false}
      testIds={{ submit: 'reverse-ok', error: 'reverse-error' }}
    >
      <Form.Item name="mode" label={t('programmes.modeLabel')} required>
        <Radio.Group options={reversalModes.map((m) => ({ value: m, label: t(`programmes.mode.${m}`) }))} data-testid="reverse-mode" />
      </Form.Item>
      <Form.Item name="reason" label={labels.reason} required>
        <Input maxLength={500} data-testid="reverse-reason" />
      </Form.Item>
    </FormModal>
  );
}
