import { Form, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../common/events.js';
import { FormModal } from '../../app/FormModal.js';
import { useNotify } from '../../app/notify.js';
import { MemberSearch } from '../points/MemberSearch.js';
import { eventsApi, newKey } from './events.api.js';
import { beijingMinute } from './sessionRows.js';

type Values = { sessionId?: number };

/**
 * 批量报名: members of the unit picked one by one (the points' member search), signed up for one session in one
 * transaction; the answer names who was confirmed, waitlisted, or refused and why.
 */
export function BulkSignUpModal({
  event,
  orgId,
  onClose,
  onDone,
}: {
  event: EventDetail;
  orgId: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [memberIds, setMemberIds] = useState<number[]>([]);
  // One key per opening of the dialog: a retry of the same batch is answered, never booked twice.
  const [key] = useState(() => newKey('bulk'));
  return (
    <FormModal
      title={t('events.actions.bulk')}
      form={form}
      initialValues={{ sessionId: event.sessions[0]?.id }}
      isOkDisabled={memberIds.length === 0}
      submit={(v) => (v.sessionId ? eventsApi.bulkSignUp(event.id, { sessionId: v.sessionId, key, memberIds }) : null)}
      onClose={onClose}
      onDone={(result) => {
        const count = (o: string) => result.items.filter((i) => i.outcome === o).length;
        notify.success(
          t('events.bulk.done', {
            confirmed: count('confirmed'),
            waitlisted: count('waitlisted'),
            refused: result.items.length - count('confirmed') - count('waitlisted'),
          }),
        );
        onDone();
      }}
      okText={t('common.ok')}
      testIds={{ modal: 'bulk-form', submit: 'bulk-ok', error: 'bulk-error' }}
    >
      <Form.Item name="sessionId" label={t('events.bulk.session')} required>
        <Select options={event.sessions.map((s) => ({ value: s.id, label: `${beijingMinute(s.startsAt)} ${s.place}` }))} />
      </Form.Item>
      <Form.Item label={t('events.bulk.members')}>
        <MemberSearch
          orgId={orgId}
          value={undefined}
          placeholder={t('events.bulk.search')}
          onChange={(id) => id && setMemberIds((ids) => (ids.includes(id) ? ids : [...ids, id]))}
          testId="bulk-member-search"
        />
        <div style={{ marginTop: 8 }}>
          {memberIds.map((id) => (
            <Tag key={id} closable onClose={() => setMemberIds((ids) => ids.filter((x) => x !== id))}>
              #{id}
            </Tag>
          ))}
        </div>
      </Form.Item>
    </FormModal>
  );
}
