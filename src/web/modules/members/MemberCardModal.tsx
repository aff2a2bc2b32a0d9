import { SyncOutlined } from '@ant-design/icons';
import { Alert, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../common/members.js';
import { formatCountdown } from '../cards/cardLink.js';
import { MemberCardFace } from '../cards/MemberCardFace.js';
import { useCardToken } from '../cards/useCardToken.js';
import { membersApi } from './members.api.js';

/** A member's card as the member would show it, e.g. to print or to check at a service desk. */
export function MemberCardModal({ member, onClose }: { member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const live = useCardToken(() => membersApi.card(member.id));
  return (
    <Modal open title={t('member.cardTitle')} onCancel={onClose} footer={null} width={400} data-testid="card-modal">
      {live.failure && <Alert type="error" showIcon message={live.failure} />}
      {live.card && (
        <>
          <MemberCardFace card={live.card} holder={member.name} orgName={member.orgName} qrSize={220} />
          <div className="card-countdown">
            {live.isRefreshing ? <SyncOutlined spin /> : t('card.refreshIn', { time: formatCountdown(live.secondsLeft) })}
          </div>
        </>
      )}
    </Modal>
  );
}
