import {
  EyeOutlined,
  MobileOutlined,
  QrcodeOutlined,
  RedoOutlined,
  StopOutlined,
  UndoOutlined,
  UserDeleteOutlined,
} from '@ant-design/icons';
import { Button, Descriptions, Drawer, Popconfirm, Skeleton, Space, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../common/members.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { MemberCardModal } from './MemberCardModal.js';
import { LapseModal, RevealModal } from './MemberModals.js';
import { PhoneChangeModal } from './PhoneChangeModal.js';
import { CardStatusTag, EmploymentTag, MemberStatusTag } from './memberTags.js';
import { membersApi, type RevealField } from './members.api.js';

type Dialog = { kind: 'reveal'; field: RevealField } | { kind: 'lapse' } | { kind: 'card' } | { kind: 'phone' } | null;

/** Names of the unions in a member's history; one outside the caller's view stays a number. */
function useOrgNames(member: MemberDetail | null): Map<number, string> {
  const [names, setNames] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    if (!member) return;
    const known = new Map([[member.orgId, member.orgName]]);
    const ids = [...new Set(member.history.flatMap((h) => [h.orgId, h.fromOrgId]))].filter(
      (id): id is number => id !== null && !known.has(id),
    );
    setNames(known);
    void Promise.all(
      ids.map((id) =>
        orgsApi.get(id).then(
          (o) => [id, o.name] as const,
          () => null,
        ),
      ),
    ).then((found) => {
      setNames(new Map([...known, ...found.filter((f): f is readonly [number, string] => f !== null)]));
    });
  }, [member]);
  return names;
}

/** One member: facts, reveal of the full ID / phone (audited), lapse or rejoin, the card, and the history. */
export function MemberDrawer({ memberId, onClose, onChanged }: { memberId: number; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [member, setMember] = useState<MemberDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const names = useOrgNames(member);
  const canWrite = can('member.write');

  const load = useCallback(() => {
    membersApi
      .get(memberId)
      .then(setMember)
      .catch((error: unknown) => {
        notify.error(error);
        onClose();
      });
  }, [memberId, notify, onClose]);
  useEffect(load, [load]);

  const act = async <T,>(key: string, run: () => Promise<T>, done: (result: T) => string) => {
    setBusy(key);
    try {
      notify.success(done(await run()));
      load();
      onChanged();
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(null);
    }
  };

  const revealButton = (field: RevealField) =>
    can('member.reveal') && (
      <Button
        size="small"
        type="link"
        icon={<EyeOutlined />}
        onClick={() => setDialog({ kind: 'reveal', field })}
        data-testid={`reveal-${field}`}
      >
        {t('member.reveal')}
      </Button>
    );

  return (
    <Drawer open onClose={onClose} width={560} title={member ? member.name : t('member.detailTitle')} data-testid="member-drawer">
      {!member ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered labelStyle={{ width: 120 }}>
            <Descriptions.Item label={t('member.field.status')}>
              <MemberStatusTag status={member.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('member.field.idNumber')}>
              <span className="mono">{member.idNumberMasked}</span> {revealButton('idNumber')}
            </Descriptions.Item>
            <Descriptions.Item label={t('member.field.phone')}>
              <span className="mono">{member.phoneMasked ?? t('common.none')}</span> {member.phoneMasked && revealButton('phone')}
            </Descriptions.Item>
            <Descriptions.Item label={t('member.field.gender')}>
              {t(`member.gender.${member.gender}`)} · {member.birthDate}
            </Descriptions.Item>
            <Descriptions.Item label={t('member.field.employmentForm')}>
              <EmploymentTag form={member.employmentForm} />
            </Descriptions.Item>
            <Descriptions.Item label={t('member.field.employer')}>{member.employerName ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('member.field.union')}>{member.orgName}</Descriptions.Item>
            {member.secondaryOrgIds.length > 0 && (
              <Descriptions.Item label={t('member.field.secondary')}>
                {member.secondaryOrgIds.map((id) => names.get(id) ?? `#${id}`).join('、')}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('member.field.joinDate')}>{member.joinDate}</Descriptions.Item>
            <Descriptions.Item label={t('member.field.card')}>
              <Space size={6} wrap>
                <CardStatusTag status={member.cardStatus} />
                {member.cardNo && <span className="mono">{member.cardNo}</span>}
              </Space>
            </Descriptions.Item>
          </Descriptions>

          <Space wrap style={{ margin: '16px 0' }}>
            {canWrite && member.cardStatus === 'active' && (
              <Button icon={<QrcodeOutlined />} onClick={() => setDialog({ kind: 'card' })} data-testid="card-show">
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
              <Button icon={<MobileOutlined />} onClick={() => setDialog({ kind: 'phone' })} data-testid="member-phone-change">
                {t('member.phoneChange')}
              </Button>
            )}
            {canWrite && member.status === 'member' && (
              <Button danger icon={<UserDeleteOutlined />} onClick={() => setDialog({ kind: 'lapse' })} data-testid="member-lapse">
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

          <Typography.Title level={5}>{t('member.history')}</Typography.Title>
          <Timeline
            data-testid="member-history"
            items={[...member.history].reverse().map((h) => ({
              color: h.event === 'lapsed' ? 'gray' : h.event === 'joined' || h.event === 'rejoined' ? 'green' : 'blue',
              children: (
                <div>
                  <Typography.Text strong>{t(`member.event.${h.event}`)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
                  <div>
                    {names.get(h.orgId) ?? `#${h.orgId}`}
                    {h.fromOrgId !== null && ` ${t('member.fromOrg', { name: names.get(h.fromOrgId) ?? `#${h.fromOrgId}` })}`}
                  </div>
                  {h.reason && <Typography.Text type="secondary">{h.reason}</Typography.Text>}
                </div>
              ),
            }))}
          />
        </>
      )}
      {member && dialog?.kind === 'reveal' && <RevealModal member={member} field={dialog.field} onClose={() => setDialog(null)} />}
      {member && dialog?.kind === 'card' && <MemberCardModal member={member} onClose={() => setDialog(null)} />}
      {member && dialog?.kind === 'phone' && (
        <PhoneChangeModal
          member={member}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notify.success(t('member.phoneChanged'));
            load();
          }}
        />
      )}
      {member && dialog?.kind === 'lapse' && (
        <LapseModal
          member={member}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notify.success(t('member.lapsed'));
            load();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
