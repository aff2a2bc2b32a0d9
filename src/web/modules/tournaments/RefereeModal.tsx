import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateRefereeBody, type CreatedReferee } from '../../../common/tournaments.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { tournamentsApi } from './tournaments.api.js';

type Values = { username?: string; displayName?: string };

/** 创建裁判账号: a narrow referee account for this tournament; its first password is shown once. */
export function RefereeModal({ tournamentId, onClose }: { tournamentId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
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
          { username: v.username, displayName: v.displayName, matchIds: [] },
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
    </FormModal>
  );
}
