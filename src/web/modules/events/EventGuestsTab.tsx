import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Popconfirm, Select, Space, Table, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../common/events.js';
import { AddGuestBody, type Guest } from '../../../common/events.guests.js';
import { FormModal } from '../../app/FormModal.js';
import { useNotify } from '../../app/notify.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { eventGuestsApi } from './eventGuests.api.js';
import { newKey } from './events.api.js';
import { beijingMinute } from './sessionRows.js';

type AddValues = { name?: string; phone?: string; note?: string };

function AddGuestModal({ event, onClose, onDone }: { event: EventDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddValues>();
  const labels = { name: t('events.guests.name'), phone: t('events.guests.phone'), note: t('events.guests.note') };
  return (
    <FormModal
      title={t('events.guests.add')}
      form={form}
      submit={(v) => {
        const body = parseWithSchema(AddGuestBody, v, form, labels, t);
        return body && eventGuestsApi.add(event.id, body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('events.guests.added')}
      okText={t('common.ok')}
      testIds={{ modal: 'guest-form', submit: 'guest-ok', error: 'guest-error' }}
    >
      <Form.Item name="name" label={labels.name} required>
        <Input maxLength={50} data-testid="guest-name" />
      </Form.Item>
      <Form.Item name="phone" label={labels.phone} required>
        <Input maxLength={30} inputMode="tel" data-testid="guest-phone" />
      </Form.Item>
      <Form.Item name="note" label={labels.note}>
        <Input maxLength={100} placeholder={t('events.guests.notePlaceholder')} data-testid="guest-note" />
      </Form.Item>
    </FormModal>
  );
}

type SignUpValues = { sessionId?: number };

function GuestSignUpModal({
  event,
  guest,
  onClose,
  onDone,
}: {
  event: EventDetail;
  guest: Guest;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<SignUpValues>();
  // One key per opening of the dialog: a retry is answered, never booked twice.
  const [key] = useState(() => newKey('guest'));
  return (
    <FormModal
      title={t('events.guests.signUpTitle', { name: guest.name })}
      form={form}
      initialValues={{ sessionId: event.sessions[0]?.id }}
      submit={(v) => (v.sessionId ? eventGuestsApi.signUp(event.id, guest.id, { sessionId: v.sessionId, key }) : null)}
      onClose={onClose}
      onDone={(r) => {
        notify.success(t(`events.guests.outcome.${r.status}`));
        onDone();
      }}
      okText={t('common.ok')}
      testIds={{ modal: 'guest-signup-form', submit: 'guest-signup-ok', error: 'guest-signup-error' }}
    >
      <Form.Item name="sessionId" label={t('events.bulk.session')} required>
        <Select
          data-testid="guest-signup-session"
          options={event.sessions.map((s) => ({ value: s.id, label: `${beijingMinute(s.startsAt)} ${s.place}` }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 非会员: the named non-members of the event (gig workers not yet in a union) that the caller's units invited — name,
 * masked mobile, note, unit — with add, remove (confirmed; their places go to the waitlist) and sign-up to a session.
 */
export function EventGuestsTab({ event, canWrite, onChanged }: { event: EventDetail; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [guests, setGuests] = useState<Guest[] | undefined>(undefined);
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'signUp'; guest: Guest } | null>(null);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    eventGuestsApi
      .list(event.id)
      .then((list) => setGuests(list.items))
      .catch(() => setGuests([]));
  }, [event.id]);
  useEffect(load, [load, version]);
  const changed = () => {
    setVersion((n) => n + 1);
    onChanged();
  };
  const remove = (g: Guest) =>
    eventGuestsApi
      .remove(event.id, g.id)
      .then(() => {
        notify.success(t('events.guests.removed'));
        changed();
      })
      .catch((error: unknown) => notify.error(error));
  const isOpen = canWrite && event.status === 'open';
  const columns: TableColumnsType<Guest> = [
    { title: t('events.guests.name'), dataIndex: 'name', width: 120 },
    { title: t('events.guests.phone'), dataIndex: 'phoneMasked', width: 140 },
    { title: t('events.guests.note'), dataIndex: 'note', width: 140 },
    { title: t('events.field.unit'), dataIndex: 'orgName', width: 200 },
    {
      title: '',
      key: 'actions',
      width: 200,
      render: (_: unknown, g) =>
        isOpen && (
          <Space>
            <Button size="small" onClick={() => setDialog({ kind: 'signUp', guest: g })} data-testid={`guest-signup-${g.id}`}>
              {t('events.guests.signUp')}
            </Button>
            <Popconfirm title={t('events.guests.confirmRemove', { name: g.name })} onConfirm={() => void remove(g)}>
              <Button size="small" danger icon={<DeleteOutlined />} data-testid={`guest-remove-${g.id}`}>
                {t('events.guests.remove')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];
  return (
    <div data-testid="event-guests">
      {isOpen && (
        <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })} style={{ marginBottom: 12 }} data-testid="guest-add">
          {t('events.guests.add')}
        </Button>
      )}
      <Table<Guest>
        rowKey="id"
        size="small"
        loading={guests === undefined}
        dataSource={guests ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('events.guests.none') }}
      />
      {dialog?.kind === 'add' && (
        <AddGuestModal
          event={event}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            changed();
          }}
        />
      )}
      {dialog?.kind === 'signUp' && (
        <GuestSignUpModal
          event={event}
          guest={dialog.guest}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            changed();
          }}
        />
      )}
    </div>
  );
}
