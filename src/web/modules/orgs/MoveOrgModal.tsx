import { Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedParents, canSitUnder, type Org, type OrgSearchHit } from '../../../common/orgs.js';
import { FormModal } from '../../app/FormModal.js';
import { useNotify } from '../../app/notify.js';
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
  const [form] = Form.useForm<object>();
  const [picked, setPicked] = useState<OrgSearchHit | null>(null);
  const oldParentId = org.parentId;
  const kinds = allowedParents[org.kind].map((k) => t(`org.kind.${k}`)).join('、');

  return (
    <FormModal
      title={t('org.moveTitle', { name: org.name })}
      form={form}
      submit={() => {
        // OK is disabled until a parent is picked; the root has no parent to leave.
        if (!picked || oldParentId === null) return null;
        return orgsApi.move(org.id, picked.id);
      }}
      onClose={onClose}
      onDone={(moved) => {
        // The parent's name is in the message, so it is said here rather than through `successText`.
        notify.success(t('org.moved', { parent: picked?.name ?? '' }));
        if (oldParentId !== null) onDone(moved, oldParentId);
      }}
      okText={t('org.move')}
      isOkDisabled={!picked}
      isEnterSubmit={false}
      testIds={{ modal: 'move-modal', submit: 'move-confirm', error: 'move-error' }}
    >
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
    </FormModal>
  );
}
