import { Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventSession } from '../../../common/events.js';
import { GROUPING_BOUNDS, GroupingBody, type EventGrouping } from '../../../common/events.grouping.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { eventGroupingApi } from './eventGrouping.api.js';

type Values = { groups?: number | null; seed?: string };

/** 随机分组: how many groups, and a seed (left empty, the server draws a random one); answers the new grouping. */
export function GroupingModal({
  eventId,
  session,
  onClose,
  onDone,
}: {
  eventId: number;
  session: EventSession;
  onClose: () => void;
  onDone: (grouping: EventGrouping) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = { groups: t('events.grouping.groups'), seed: t('events.grouping.seed') };
  const present = session.confirmed;
  return (
    <FormModal
      title={t('events.grouping.title')}
      form={form}
      initialValues={{ groups: Math.min(6, Math.max(1, present)) }}
      submit={(values) => {
        const body = parseWithSchema(GroupingBody, { groups: values.groups ?? undefined, seed: values.seed }, form, labels, t);
        return body && eventGroupingApi.group(eventId, session.id, { groups: body.groups, seed: body.seed });
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('events.grouping.done')}
      okText={t('events.grouping.run')}
      testIds={{ modal: 'grouping-form', submit: 'grouping-ok', error: 'grouping-error' }}
    >
      <Typography.Paragraph type="secondary">{t('events.grouping.hint', { present })}</Typography.Paragraph>
      <Form.Item name="groups" label={labels.groups} required>
        <InputNumber min={1} max={GROUPING_BOUNDS.groups} precision={0} data-testid="grouping-groups" />
      </Form.Item>
      <Form.Item name="seed" label={labels.seed} extra={t('events.grouping.seedHint')}>
        <Input maxLength={GROUPING_BOUNDS.seed} placeholder={t('events.grouping.seedHint')} data-testid="grouping-seed" />
      </Form.Item>
    </FormModal>
  );
}
