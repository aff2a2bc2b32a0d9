import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateRefereeBody, type CreatedReferee } from '../../../common/tournaments.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { sideText } from './matchText.js';
import { tournamentsApi } from './tournaments.api.js';
import { useLoaded } from './useLoaded.js';

type Values = { username?: string; displayName?: string; matchIds?: number[] };

/** 创建裁判账号: a narrow referee account for this tournament (some matches or all); its first password is shown once. */
export function RefereeModal({ tournamentId, isLeague, onClose }: { tournamentId: number; isLeague: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const schedule = useLoaded(() => (isLeague ? tournamentsApi.schedule(tournamentId) : Promise.resolve(null)), [tournamentId, isLeague]);
  const [created, setCreated] = useState<CreatedReferee | null>(null);
  if (created)
    return (
      <Modal open title={t('tournaments.referee.created')} onOk={onClose} onCancel={onClose} cancelButtonProps={{ hidden: true }}>
        <Alert
          type="success"
          message={
            <>
              {created.username} · {t('tournaments.referee.firstPassword')}
              <Typography.Text code copyable data-testid="referee-first-password">
                {created.firstPassword}
              </Typography.Text>
            </>
          }
        />
      </Modal>
    );
  return (
    <FormModal
      title={t('tournaments.referee.create')}
      form={form}
      submit={(v) => {
        const body = parseWithSchema(
          CreateRefereeBody,
          { username: v.username, displayName: v.displayName, matchIds: v.matchIds ?? [] },
          form,
          { username: t('tournaments.referee.username'), displayName: t('tournaments.referee.displayName') },
          t,
        );
        return body && tournamentsApi.createReferee(tournamentId, body);
      }}
      onClose={onClose}
      onDone={setCreated}
      testIds={{ modal: 'referee-form', submit: 'referee-ok', error: 'referee-error' }}
    >
      <Form.Item name="username" label={t('tournaments.referee.username')} required>
        <Input autoComplete="off" data-testid="referee-username" />
      </Form.Item>
      <Form.Item name="displayName" label={t('tournaments.referee.displayName')} required>
        <Input data-testid="referee-display-name" />
      </Form.Item>
      {schedule && schedule.matches.length > 0 && (
        <Form.Item name="matchIds" label={t('tournaments.referee.matches')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={schedule.matches.map((m) => ({
              value: m.id,
              label: `${t('tournaments.round', { round: m.round })} ${sideText(m.home, t)} ${t('tournaments.vs')} ${sideText(m.away, t)}`,
            }))}
            data-testid="referee-matches"
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
