import { Alert, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedParents, canSitUnder, type Org, type OrgSearchHit } from '../../../common/orgs.js';
import { errorText, useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { OrgSearch } from './OrgSearch.js';
import { orgsApi } from './orgs.api.js';

/** Moves an organisation under a new parent picked with the org search; only allowed parent kinds are offered. */
export function MoveOrgModal({
  org,
  onClose,
  onDone,
}: {
  org: Org;
  onClose: () => void;
  onDone: (moved: Org, oldParentId: number) => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [picked, setPicked] = useState<OrgSearchHit | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const oldParentId = org.parentId;
  const kinds = allowedParents[org.kind].map((k) => t(`org.kind.${k}`)).join('、');

  const submit = async () => {
    if (!picked || oldParentId === null) {
      setFailure(t('validation.choose', { field: t('org.field.newParent') }));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const moved = await orgsApi.move(org.id, picked.id);
      notify.success(t('org.moved', { parent: picked.name }));
      onDone(moved, oldParentId);
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('org.moveTitle', { name: org.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('org.move')}
      cancelText={t('common.cancel')}
      okButtonProps={{ ...buttonTestId('move-confirm'), disabled: !picked }}
      confirmLoading={isBusy}
      data-testid="move-modal"
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="move-error" />}
      <Form layout="vertical">
        <Form.Item label={t('org.field.newParent')} required extra={t('org.moveHint', { kinds })}>
          <OrgSearch
            testId="move-parent-picker"
            keepName
            accept={(hit) => hit.id !== org.id && hit.id !== org.parentId && canSitUnder(org.kind, hit.kind)}
            onPick={setPicked}
          />
        </Form.Item>
        {picked && (
          <Typography.Text type="secondary" data-testid="move-picked">
            {[...picked.trail, picked.name].join(' / ')}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
