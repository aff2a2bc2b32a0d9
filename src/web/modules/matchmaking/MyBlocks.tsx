import { Alert, Button, Card, Empty, List, Popconfirm } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockedProfile } from '../../../common/matchmaking.js';
import { errorText } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { NotLoaded } from '../myevents/MemberPhonePage.js';
import { myMatchApi } from './matchmaking.api.js';

/**
 * The people I blocked (my own blocks only), each with 解除屏蔽: lifting is as silent as blocking, and the interests the
 * block removed do not come back. `version` reloads the list (after a block in the browse list).
 */
export function MyBlocks({ eventId, version, onLifted }: { eventId: number; version: number; onLifted: () => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<BlockedProfile[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busyRef, setBusyRef] = useState<string | null>(null);
  const load = useCallback(() => {
    myMatchApi
      .blocks(eventId)
      .then((r) => setItems(r.items))
      .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))));
  }, [eventId, t]);
  useEffect(load, [load, version]);
  const lift = async (ref: string) => {
    setBusyRef(ref);
    setFailure(null);
    try {
      await myMatchApi.unblock(eventId, ref);
      setItems((had) => (had ?? []).filter((b) => b.profileRef !== ref));
      onLifted();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusyRef(null);
    }
  };
  return (
    <Card size="small" title={t('matchmaking.blocks.title')} style={{ marginTop: 16 }} data-testid="match-blocks">
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 8 }} data-testid="match-blocks-failure" />}
      {!items ? (
        <NotLoaded failure={failure} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matchmaking.blocks.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(b) => (
            <List.Item
              data-testid={`match-blocked-${b.profileRef}`}
              actions={[
                <Popconfirm
                  key="lift"
                  title={t('matchmaking.blocks.liftConfirm')}
                  okText={t('matchmaking.blocks.liftYes')}
                  okButtonProps={buttonTestId('match-unblock-yes')}
                  onConfirm={() => void lift(b.profileRef)}
                >
                  <Button size="small" loading={busyRef === b.profileRef} data-testid="match-unblock">
                    {t('matchmaking.blocks.lift')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              {b.nickname}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
