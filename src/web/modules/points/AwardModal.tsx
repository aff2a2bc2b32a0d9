import { Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AwardBody,
  consoleAwardSources,
  type AwardResult,
  type ConsoleAwardSource,
  type ProgrammeDetail,
} from '../../../common/points.programmes.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { MemberSearch } from './MemberSearch.js';
import { newKey, programmesApi } from './programmes.api.js';

type Values = { source: ConsoleAwardSource; memberId?: number; points?: number; hours?: number; reason?: string };

/** 奖励积分: a manual award with its reason, or volunteer hours a cadre verified (hours × the rule). */
export function AwardModal({
  programme,
  onClose,
  onDone,
}: {
  programme: ProgrammeDetail;
  onClose: () => void;
  onDone: (r: AwardResult) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  // One key per opening of the form: a retried submission is answered once.
  const [key] = useState(() => newKey('award'));
  const source = Form.useWatch('source', form) ?? (programme.earnRules.manual ? 'manual' : 'volunteer_hours');
  const labels = {
    memberId: t('programmes.member'),
    points: t('programmes.points'),
    hours: t('programmes.hours'),
    reason: t('programmes.reason'),
  };
  const allowed = consoleAwardSources.filter((s) => (s === 'manual' ? programme.earnRules.manual : programme.earnRules.volunteerHour));
  return (
    <FormModal
      title={t('programmes.awardTitle')}
      form={form}
      initialValues={{ source }}
      submit={(v) => {
        const body = parseWithSchema(AwardBody, { ...v, key }, form, labels, t);
        return body && programmesApi.award(programme.id, body);
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('common.ok')}
      isEnterSubmit={false}
      testIds={{ submit: 'award-ok', error: 'award-error' }}
    >
      <Form.Item name="source" required>
        <Radio.Group optionType="button" options={allowed.map((s) => ({ value: s, label: t(`programmes.awardSource.${s}`) }))} />
      </Form.Item>
      <Form.Item name="memberId" label={labels.memberId} required>
        <MemberSearch orgId={programme.orgId} testId="award-member" />
      </Form.Item>
      {source === 'manual' ? (
        <Form.Item name="points" label={labels.points} required>
          <InputNumber min={1} precision={0} data-testid="award-points" />
        </Form.Item>
      ) : (
        <Form.Item name="hours" label={labels.hours} required extra={`× ${programme.earnRules.volunteerHour ?? 0}`}>
          <InputNumber min={1} max={24} precision={0} data-testid="award-hours" />
        </Form.Item>
      )}
      <Form.Item name="reason" label={labels.reason} required>
        <Input maxLength={500} data-testid="award-reason" />
      </Form.Item>
    </FormModal>
  );
}
