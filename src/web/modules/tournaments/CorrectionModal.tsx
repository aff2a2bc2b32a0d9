import { Alert, Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CorrectionBody, ResultBody, type Match } from '../../../common/tournaments.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { sideText } from './matchText.js';
import { tournamentsApi } from './tournaments.api.js';

type Goals = { home?: number; away?: number };
type Values = { regular: Goals; extraTime: Goals; penalties: Goals; reason?: string; override?: boolean };

/** The fields the organiser fills; the version of the result corrected is added from the match. */
const CorrectionFields = ResultBody.extend({ reason: CorrectionBody.shape.reason, override: CorrectionBody.shape.override });

const pair = (g: Goals) => (g.home === undefined && g.away === undefined ? undefined : { home: g.home ?? 0, away: g.away ?? 0 });

/**
 * 更正比赛结果: a confirmed result corrected with a required reason. The server refuses (in words) when a dependent
 * match was played; the audited override voids those results for re-entry.
 */
export function CorrectionModal({ match, onClose, onDone }: { match: Match; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const r = match.result;
  const isKnockout = match.stage === 'knockout';
  const goals = (name: 'regular' | 'extraTime' | 'penalties', label: string) => (
    <Form.Item label={label}>
      <Space>
        <Form.Item name={[name, 'home']} noStyle>
          <InputNumber min={0} max={99} precision={0} data-testid={`correction-${name}-home`} />
        </Form.Item>
        :
        <Form.Item name={[name, 'away']} noStyle>
          <InputNumber min={0} max={99} precision={0} data-testid={`correction-${name}-away`} />
        </Form.Item>
      </Space>
    </Form.Item>
  );
  return (
    <FormModal
      title={`${t('tournaments.results.correction')} · ${sideText(match.home, t)} ${t('tournaments.vs')} ${sideText(match.away, t)}`}
      form={form}
      initialValues={{ regular: r?.regular, extraTime: r?.extraTime ?? {}, penalties: r?.penalties ?? {}, override: false }}
      submit={(v) => {
        const extraTime = isKnockout ? pair(v.extraTime ?? {}) : undefined;
        const penalties = isKnockout ? pair(v.penalties ?? {}) : undefined;
        const body = parseWithSchema(
          CorrectionFields,
          {
            regular: pair(v.regular ?? {}),
            ...(extraTime ? { extraTime } : {}),
            ...(penalties ? { penalties } : {}),
            ...(r ? { fairPlay: r.fairPlay } : {}),
            reason: v.reason,
            override: v.override ?? false,
          },
          form,
          { regular: t('tournaments.ref.regular'), reason: t('tournaments.results.reason') },
          t,
        );
        return body && tournamentsApi.correctResult(match.id, { ...body, version: r?.version ?? 1 });
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('tournaments.results.corrected')}
      testIds={{ modal: 'correction-form', submit: 'correction-ok', error: 'correction-error' }}
    >
      <Alert type="info" message={t('tournaments.results.overrideHint')} style={{ marginBottom: 12 }} />
      {goals('regular', t('tournaments.ref.regular'))}
      {isKnockout && goals('extraTime', t('tournaments.ref.extraTime'))}
      {isKnockout && goals('penalties', t('tournaments.ref.penalties'))}
      <Form.Item name="reason" label={t('tournaments.results.reason')} required>
        <Input.TextArea rows={2} data-testid="correction-reason" />
      </Form.Item>
      <Form.Item name="override" valuePropName="checked">
        <Checkbox data-testid="correction-override">{t('tournaments.results.override')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
