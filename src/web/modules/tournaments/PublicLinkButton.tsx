import { LinkOutlined } from '@ant-design/icons';
import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../app/notify.js';
import { tournamentsApi } from './tournaments.api.js';

/** 公开链接: the tournament's read-only page for the teams, with a copy button. */
export function PublicLinkButton({ tournamentId }: { tournamentId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [url, setUrl] = useState<string | null>(null);
  const open = () =>
    tournamentsApi.publicLink(tournamentId).then((link) => setUrl(new URL(link.url, window.location.origin).href), notify.error);
  return (
    <>
      <Button icon={<LinkOutlined />} onClick={() => void open()} data-testid="public-link">
        {t('tournaments.link.open')}
      </Button>
      {url && (
        <Modal
          open
          title={t('tournaments.link.title')}
          onOk={() => setUrl(null)}
          onCancel={() => setUrl(null)}
          cancelButtonProps={{ hidden: true }}
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
