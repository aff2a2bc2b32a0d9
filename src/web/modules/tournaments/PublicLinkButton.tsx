import { LinkOutlined } from '@ant-design/icons';
import { Button, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../app/notify.js';
import { tournamentsApi } from './tournaments.api.js';

/**
 * 公开链接: the tournament's read-only page for the teams, with a copy button. The organiser may revoke it (every link
 * given out stops working) or replace it by a new one (the old one revoked).
 */
export function PublicLinkButton({ tournamentId }: { tournamentId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [url, setUrl] = useState<string | null>(null);
  const open = () =>
    tournamentsApi.publicLink(tournamentId).then((link) => setUrl(new URL(link.url, window.location.origin).href), notify.error);
  const revoke = () =>
    tournamentsApi.revokePublicLink(tournamentId).then(() => {
      setUrl(null);
      notify.success(t('tournaments.link.revoked'));
    }, notify.error);
  const renew = () =>
    tournamentsApi
      .revokePublicLink(tournamentId)
      .then(() => open())
      .then(() => notify.success(t('tournaments.link.renewed')), notify.error);
  const close = () => setUrl(null);
  return (
    <>
      <Button icon={<LinkOutlined />} onClick={() => void open()} data-testid="public-link">
        {t('tournaments.link.open')}
      </Button>
      {url && (
        <Modal
          open
          title={t('tournaments.link.title')}
          onCancel={close}
          footer={
            <Space wrap>
              <Popconfirm title={t('tournaments.link.revokeConfirm')} onConfirm={() => void revoke()}>
                <Button danger data-testid="public-link-revoke">
                  {t('tournaments.link.revoke')}
                </Button>
              </Popconfirm>
              <Popconfirm title={t('tournaments.link.revokeConfirm')} onConfirm={() => void renew()}>
                <Button data-testid="public-link-renew">{t('tournaments.link.renew')}</Button>
              </Popconfirm>
              <Button type="primary" onClick={close} data-testid="public-link-close">
                {t('common.ok')}
              </Button>
            </Space>
          }
        >
          <Typography.Paragraph>{t('tournaments.link.hint')}</Typography.Paragraph>
          <Typography.Paragraph
            copyable={{ text: url, tooltips: [t('tournaments.link.copy'), t('tournaments.link.copied')] }}
            data-testid="public-link-url"
            style={{ wordBreak: 'break-all' }}
          >
            {url}
          </Typography.Paragraph>
        </Modal>
      )}
    </>
  );
}
