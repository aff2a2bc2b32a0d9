import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CreateEventBody,
  EVENT_LIMITS,
  eventKinds,
  selectionModes,
  type EventDetail,
  type EventKind,
  type SelectionMode,
} from '../../../common/events.js';
import { DateInput } from '../../app/DateInput.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import type { OrgSearchHit } from '../../../common/orgs.js';
import { OrgTagPicker } from '../orgs/OrgTagPicker.js';
import { eventsApi } from './events.api.js';
import { QuotaEditor, type QuotaRow } from './QuotaEditor.js';
import { beijingDay, repeatDaily, toSessionInput, type SessionRow } from './sessionRows.js';

type Values = { kind: EventKind; selection: SelectionMode; title?: string; description?: string; opensOn?: string; sessions: SessionRow[] };

/**
 * 新建活动: kind, selection, and the sessions (班次) — rows added one by one, or repeated over successive days; for
 * first come, unit quotas given to every session (each session's own are changed later from its row).
 */
export function EventFormModal({ orgId, onClose, onDone }: { orgId: number; onClose: () => void; onDone: (e: EventDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [repeatCount, setRepeatCount] = useState<number | null>(null);
  const [coOrganisers, setCoOrganisers] = useState<OrgSearchHit[]>([]);
  const [quotas, setQuotas] = useState<QuotaRow[]>([]);
  const isFirstCome = Form.useWatch('selection', form) === 'first_come';
  const labels = { title: t('events.field.title'), sessions: t('events.field.sessions'), description: t('events.field.description') };
  const initial: Values = {
    kind: 'culture',
    selection: 'first_come',
    opensOn: beijingDay(),
    sessions: [{ date: beijingDay(7), start: '09:00', end: '11:00', capacity: 50 }],
  };
  const repeat = () => {
    const rows = form.getFieldValue('sessions') as SessionRow[];
    if (rows[0] && repeatCount) form.setFieldValue('sessions', repeatDaily(rows[0], repeatCount));
  };
  return (
    <FormModal
      title={t('events.create')}
      form={form}
      initialValues={initial}
      width={820}
      isEnterSubmit={false}
      submit={(v) => {
        const perSession = isFirstCome ? quotas.map((q) => ({ orgId: q.orgId, places: q.places ?? 0 })) : [];
        const sessions = (v.sessions ?? []).map((row) => {
          const input = toSessionInput(row, v.opensOn ?? beijingDay());
          return input && perSession.length > 0 ? { ...input, quotas: perSession } : input;
        });
        if (sessions.some((s) => s === undefined)) {
          form.setFields([{ name: 'sessions', errors: [t('events.sessionIncomplete')] }]);
          return null;
        }
        const body = parseWithSchema(
          CreateEventBody,
          {
            orgId,
            kind: v.kind,
            selection: v.selection,
            title: v.title,
            description: v.description ?? '',
            coOrganiserIds: coOrganisers.map((o) => o.id),
            sessions,
          },
          form,
          labels,
          t,
        );
        return body && eventsApi.create(body);
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('common.ok')}
      testIds={{ modal: 'event-form', submit: 'event-ok', error: 'event-error' }}
    >
      <Space wrap align="start">
        <Form.Item name="kind" label={t('events.field.kind')} required>
          <Select style={{ width: 120 }} options={eventKinds.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="selection" label={t('events.field.selection')} required>
          <Select style={{ width: 140 }} options={selectionModes.map((k) => ({ value: k, label: t(`events.selection.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={labels.title} required>
          <Input maxLength={100} style={{ width: 400 }} data-testid="event-title" />
        </Form.Item>
      </Space>
      <Form.Item name="description" label={labels.description}>
        <Input.TextArea maxLength={5000} rows={2} />
      </Form.Item>
      <Form.Item name="opensOn" label={t('events.field.opensOn')} extra={t('events.sessionsHint')} required>
        <DateInput testId="event-opens" />
      </Form.Item>
      <Form.Item label={labels.sessions} name="sessions" required>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <div data-testid="event-sessions">
              {fields.map((field, index) => (
                <Space key={field.key} wrap align="start" data-testid={`session-row-${index}`}>
                  <Form.Item name={[field.name, 'date']} noStyle>
                    <DateInput testId={`session-date-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'start']} noStyle>
                    <Input
                      placeholder="09:00"
                      style={{ width: 80 }}
                      aria-label={t('events.field.startTime')}
                      data-testid={`session-start-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'end']} noStyle>
                    <Input
                      placeholder="11:00"
                      style={{ width: 80 }}
                      aria-label={t('events.field.endTime')}
                      data-testid={`session-end-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'place']} noStyle>
                    <Input
                      placeholder={t('events.field.place')}
                      maxLength={200}
                      style={{ width: 200 }}
                      data-testid={`session-place-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'capacity']} noStyle>
                    <InputNumber
                      min={1}
                      max={EVENT_LIMITS.capacity}
                      precision={0}
                      placeholder={t('events.field.capacity')}
                      style={{ width: 100 }}
                      data-testid={`session-capacity-${index}`}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('events.remove')} />
                  )}
                </Space>
              ))}
              <Space style={{ marginTop: 8 }} wrap>
                <Button icon={<PlusOutlined />} onClick={() => add({ start: '09:00', end: '11:00' })} data-testid="session-add">
                  {t('events.addSession')}
                </Button>
                <InputNumber
                  min={2}
                  max={EVENT_LIMITS.sessions}
                  precision={0}
                  value={repeatCount}
                  onChange={setRepeatCount}
                  placeholder={t('events.repeatCount')}
                  style={{ width: 100 }}
                  data-testid="session-repeat-count"
                />
                <Button icon={<CopyOutlined />} onClick={repeat} disabled={!repeatCount} data-testid="session-repeat">
                  {t('events.repeat')}
                </Button>
                <Typography.Text type="secondary">{t('events.repeatHelp')}</Typography.Text>
              </Space>
            </div>
          )}
        </Form.List>
      </Form.Item>
      {isFirstCome && (
        <Form.Item label={t('events.quota.column')} extra={t('events.quota.perSession')}>
          <QuotaEditor rows={quotas} onChange={setQuotas} />
        </Form.Item>
      )}
      <Form.Item label={t('events.field.coOrganisers')} extra={t('events.coOrganisersHint')}>
        <OrgTagPicker
          testId="event-co-organiser"
          placeholder={t('events.addCoOrganiser')}
          value={coOrganisers}
          onChange={setCoOrganisers}
          excludeId={orgId}
        />
      </Form.Item>
    </FormModal>
  );
}
