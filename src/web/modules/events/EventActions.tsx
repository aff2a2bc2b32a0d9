import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CloseEventBody, CopyEventBody, type EventDetail } from '../../../common/events.js';
import { DateInput } from '../../app/DateInput.js';
import { FormModal } from '../../app/FormModal.js';
import { useNotify } from '../../app/notify.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { eventsApi } from './events.api.js';
import { beijingDay } from './sessionRows.js';

type Dialog = 'copy' | 'close' | null;

/** The writer's buttons of an event: publish a draft, copy, close with a summary, cancel (with every registration). */
export function EventActions({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [copyForm] = Form.useForm<{ firstDate?: string; title?: string }>();
  const [closeForm] = Form.useForm<{ summary?: string }>();
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notify.success(done);
      onChanged();
    } catch (error) {
      notify.error(error);
    }
  };
  const isLive = event.status === 'draft' || event.status === 'open';
  return (
    <Space wrap>
      {event.status === 'draft' && (
        <Button type="primary" onClick={() => void run(() => eventsApi.open(event.id), t('events.opened'))} data-testid="event-open">
          {t('events.actions.open')}
        </Button>
      )}
      <Button onClick={() => setDialog('copy')} data-testid="event-copy">
        {t('events.actions.copy')}
      </Button>
      {event.status === 'open' && (
        <Button onClick={() => setDialog('close')} data-testid="event-close">
          {t('events.actions.close')}
        </Button>
      )}
      {isLive && (
        <Button
          danger
          data-testid="event-cancel"
          onClick={() =>
            Modal.confirm({
              title: t('events.actions.cancel'),
              content: t('events.cancelConfirm'),
              okButtonProps: { danger: true },
              onOk: () =>
                run(async () => {
                  const r = await eventsApi.cancel(event.id);
                  notify.success(t('events.cancelled', { count: r.cancelledRegistrations }));
                }, t('events.status.cancelled')),
            })
          }
        >
          {t('events.actions.cancel')}
        </Button>
      )}
      {dialog === 'copy' && (
        <FormModal
          title={t('events.actions.copy')}
          form={copyForm}
          initialValues={{ firstDate: beijingDay(30), title: event.title }}
          submit={(v) => {
            const body = parseWithSchema(
              CopyEventBody,
              v,
              copyForm,
              { firstDate: t('events.copy.firstDate'), title: t('events.copy.title') },
              t,
            );
            return body && eventsApi.copy(event.id, body);
          }}
          onClose={() => setDialog(null)}
          onDone={(copy) => {
            setDialog(null);
            notify.success(t('events.copy.done'));
            navigate(`/events/${copy.id}`);
          }}
          okText={t('common.ok')}
          testIds={{ modal: 'copy-form', submit: 'copy-ok', error: 'copy-error' }}
        >
          <Form.Item name="firstDate" label={t('events.copy.firstDate')} required>
            <DateInput testId="copy-first-date" />
          </Form.Item>
          <Form.Item name="title" label={t('events.copy.title')}>
            <Input maxLength={100} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'close' && (
        <FormModal
          title={t('events.actions.close')}
          form={closeForm}
          initialValues={{}}
          isEnterSubmit={false}
          submit={(v) => {
            const body = parseWithSchema(CloseEventBody, v, closeForm, { summary: t('events.close.summary') }, t);
            return body && eventsApi.close(event.id, body);
          }}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notify.success(t('events.close.done'));
            onChanged();
          }}
          okText={t('common.ok')}
          testIds={{ modal: 'close-form', submit: 'close-ok', error: 'close-error' }}
        >
          <Form.Item name="summary" label={t('events.close.summary')} required>
            <Input.TextArea rows={5} maxLength={5000} data-testid="close-summary" />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
