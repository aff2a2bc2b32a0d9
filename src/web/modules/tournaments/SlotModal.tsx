import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { minuteOf } from '../../../common/beijing-time.js';
import { MatchSlotBody, type Match } from '../../../common/tournaments.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { beijingInstant } from '../training/SessionFormModal.js';
import { sideText } from './matchText.js';
import { tournamentsApi } from './tournaments.api.js';

type Values = { kickoff?: string; venue?: string };

/** 开赛时间与场地: when (Beijing time) and where a match is played; either may be left empty (待定). */
export function SlotModal({ match, onClose, onDone }: { match: Match; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      title={`${t('tournaments.slot.title')} · ${sideText(match.home, t)} ${t('tournaments.vs')} ${sideText(match.away, t)}`}
      form={form}
      initialValues={{
        kickoff: match.kickoff ? minuteOf(new Date(match.kickoff)).replace(' ', 'T') : undefined,
        venue: match.venue ?? undefined,
      }}
      submit={(v) => {
        const venue = v.venue?.trim();
        const body = parseWithSchema(
          MatchSlotBody,
          { kickoff: beijingInstant(v.kickoff) ?? null, venue: venue ? venue : null },
          form,
          { kickoff: t('tournaments.kickoff'), venue: t('tournaments.venue') },
          t,
        );
        return body && tournamentsApi.setSlot(match.id, body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('tournaments.slot.saved')}
      testIds={{ modal: 'slot-form', submit: 'slot-ok', error: 'slot-error' }}
    >
      <Form.Item name="kickoff" label={t('tournaments.slot.kickoff')}>
        <Input type="datetime-local" data-testid="slot-kickoff" />
      </Form.Item>
      <Form.Item name="venue" label={t('tournaments.venue')}>
        <Input maxLength={100} data-testid="slot-venue" />
      </Form.Item>
    </FormModal>
  );
}
