import { Drawer, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../common/members.js';
import { useNotify } from '../../app/notify.js';
import { MemberCardModal } from './MemberCardModal.js';
import { LapseModal, RevealModal } from './MemberModals.js';
import { PhoneChangeModal } from './PhoneChangeModal.js';
import { MemberActions } from './MemberActions.js';
import { MemberAffiliations } from './MemberAffiliations.js';
import { MemberFacts } from './MemberFacts.js';
import { MemberHistory } from './MemberHistory.js';
import { membersApi, type RevealField } from './members.api.js';
import { useOrgNames } from './useOrgNames.js';

type Dialog = { kind: 'reveal'; field: RevealField } | { kind: 'lapse' } | { kind: 'card' } | { kind: 'phone' } | null;

/** One member: facts, reveal of the full ID / phone (audited), lapse or rejoin, the card, and the history. */
export function MemberDrawer({ memberId, onClose, onChanged }: { memberId: number; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [member, setMember] = useState<MemberDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const names = useOrgNames(member);

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

  return (
    <Drawer open onClose={onClose} width={560} title={member ? member.name : t('member.detailTitle')} data-testid="member-drawer">
      {!member ? (
        <Skeleton active />
      ) : (
        <>
          <MemberFacts member={member} onReveal={(field) => setDialog({ kind: 'reveal', field })} />
          <MemberActions
            member={member}
            onOpen={(kind) => setDialog({ kind })}
            onChanged={() => {
              load();
              onChanged();
            }}
          />
          <MemberAffiliations
            member={member}
            onChanged={() => {
              load();
              onChanged();
            }}
          />
          <Typography.Title level={5}>{t('member.history')}</Typography.Title>
          <MemberHistory member={member} names={names} />
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
