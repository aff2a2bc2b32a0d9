import { MobileOutlined, QrcodeOutlined, RedoOutlined, StopOutlined, UndoOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../common/members.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { membersApi } from './members.api.js';

/**
 * What the member's union may do (member.write): show or revoke the card, re-issue it, record a new phone, lapse or
 * re-admit. One-click actions ask first and report here; the others open a dialog through `onOpen`.
 */
export function MemberActions({
  member,
  onOpen,
  onChanged,
}: {
  member: MemberDetail;
  onOpen: (dialog: 'card' | 'phone' | 'lapse') => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const canWrite = can('member.write');

  const act = async <T,>(key: string, run: () => Promise<T>, done: (result: T) => string) => {
    setBusy(key);
    try {
      notify.success(done(await run()));
      onChanged();
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap style={{ margin: '16px 0' }}>
      {canWrite && member.cardStatus === 'active' && (
        <Button icon={<QrcodeOutlined />} onClick={() => onOpen('card')} data-testid="card-show">
          {t('member.cardShow')}
        </Button>
      )}
      {canWrite && member.cardStatus === 'active' && (
        <Popconfirm
          title={t('member.cardRevokeConfirm')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          okButtonProps={{ ...buttonTestId('card-revoke-ok'), danger: true }}
          onConfirm={() =>
            act(
              'revoke',
              () => membersApi.revokeCard(member.id),
              () => t('member.cardRevoked'),
            )
          }
        >
          <Button danger icon={<StopOutlined />} loading={busy === 'revoke'} data-testid="card-revoke">
            {t('member.cardRevoke')}
          </Button>
        </Popconfirm>
      )}
      {canWrite && member.status === 'member' && (
        <Popconfirm
          title={t('member.cardReissueConfirm')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            act(
              'reissue',
              () => membersApi.reissueCard(member.id),
              (card) => t('member.cardReissued', { cardNo: card.cardNo }),
            )
          }
        >
          <Button icon={<RedoOutlined />} loading={busy === 'reissue'} data-testid="card-reissue">
            {t('member.cardReissue')}
          </Button>
        </Popconfirm>
      )}
      {canWrite && (
        <Button icon={<MobileOutlined />} onClick={() => onOpen('phone')} data-testid="member-phone-change">
          {t('member.phoneChange')}
        </Button>
      )}
      {canWrite && member.status === 'member' && (
        <Button danger icon={<UserDeleteOutlined />} onClick={() => onOpen('lapse')} data-testid="member-lapse">
          {t('member.lapse')}
        </Button>
      )}
      {canWrite && member.status === 'lapsed' && (
        <Popconfirm
          title={t('member.rejoinConfirm', { name: member.name })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            act(
              'rejoin',
              () => membersApi.rejoin(member.id),
              () => t('member.rejoined'),
            )
          }
        >
          <Button type="primary" icon={<UndoOutlined />} loading={busy === 'rejoin'} data-testid="member-rejoin">
            {t('member.rejoin')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
