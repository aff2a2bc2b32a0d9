import { Button, Modal, Tag, Upload, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, Handout } from '../../../common/welfare.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { QrCode } from '../cards/QrCode.js';
import { HandoutModal } from './HandoutModal.js';
import { welfareApi } from './welfare.api.js';
import { imageMimes } from '../../../common/images.js';

/** A batch hand-out's photo: a link once uploaded, else an upload for a cadre who may write (one photo, kept as evidence). */
function PhotoCell({ campaignId, handout, onAdded }: { campaignId: number; handout: Handout; onAdded: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [isSending, setSending] = useState(false);
  if (handout.kind !== 'batch') return null;
  if (handout.hasPhoto)
    return (
      <a href={welfareApi.photoUrl(campaignId, handout.id)} target="_blank" rel="noreferrer" data-testid={`handout-photo-${handout.id}`}>
        {t('welfare.handout.photoView')}
      </a>
    );
  if (!can('welfare.write')) return null;
  return (
    <Upload
      accept={imageMimes.join(',')}
      showUploadList={false}
      customRequest={({ file }) => {
        setSending(true);
        welfareApi
          .addPhoto(campaignId, handout.id, file as File)
          .then(() => {
            notify.success(t('welfare.handout.photoAdded'));
            onAdded();
          })
          .catch((error: unknown) => notify.error(error))
          .finally(() => setSending(false));
      }}
    >
      <Button size="small" loading={isSending} data-testid={`handout-photo-add-${handout.id}`}>
        {t('welfare.handout.photoAdd')}
      </Button>
    </Upload>
  );
}

function useHandoutColumns(campaign: CampaignDetail, onPhoto: () => void): TableColumnsType<Handout> {
  const { t } = useTranslation();
  const item = (id: number) => campaign.items.find((i) => i.id === id);
  return [
    { title: t('welfare.handout.time'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
    { title: '', dataIndex: 'kind', width: 90, render: (k: Handout['kind']) => <Tag>{t(`welfare.handout.kindShort.${k}`)}</Tag> },
    {
      title: t('welfare.handout.who'),
      key: 'who',
      width: 200,
      render: (_: unknown, h) =>
        h.kind === 'batch'
          ? t('welfare.handout.batchPeople', { count: h.batchCount ?? 0 })
          : [h.nameMasked, h.phoneMasked].filter(Boolean).join(' ') +
            (h.collectorName ? `（${t('welfare.handout.collector')}：${h.collectorName}）` : ''),
    },
    {
      title: t('welfare.handout.where'),
      key: 'where',
      width: 220,
      render: (_: unknown, h) => (h.site ? `${h.site}（${h.orgName}）` : h.orgName),
    },
    {
      title: t('welfare.handout.what'),
      dataIndex: 'items',
      render: (lines: Handout['items']) =>
        lines
          .map((l) => {
            const i = item(l.itemId);
            return `${i?.name ?? '#' + l.itemId} ${l.qty}${i?.unit ?? ''}`;
          })
          .join('、'),
    },
    {
      title: t('welfare.handout.photo'),
      key: 'photo',
      width: 110,
      render: (_: unknown, h) => <PhotoCell campaignId={campaign.id} handout={h} onAdded={onPhoto} />,
    },
  ];
}

/** 发放记录: every hand-out of the campaign the caller's subtree made, newest first; hand out from here. */
export function HandoutsTab({ campaign, version, onChanged }: { campaign: CampaignDetail; version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [isOpen, setOpen] = useState(false);
  const [issued, setIssued] = useState<Handout['vouchers']>([]);
  const list = useList((_f: Record<string, never>, cursor) => welfareApi.handouts(campaign.id, cursor, 50), {
    initial: {},
    scope: campaign.id,
  });
  const { restart } = list;
  useEffect(() => restart(), [version, restart]);
  const columns = useHandoutColumns(campaign, restart);
  return (
    <ListPage
      list={list}
      columns={columns}
      testId="handouts"
      containerTestId="handouts-tab"
      scrollX={1010}
      emptyText={t('welfare.handout.empty')}
      actions={
        can('welfare.write') &&
        !campaign.closedAt && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="handout-create">
            {t('welfare.handout.create')}
          </Button>
        )
      }
    >
      {isOpen && (
        <HandoutModal
          campaign={campaign}
          onClose={() => setOpen(false)}
          onDone={(h) => {
            setOpen(false);
            setIssued(h.vouchers.filter((v) => v.token));
            onChanged();
          }}
        />
      )}
      {issued.length > 0 && (
        <Modal open footer={null} onCancel={() => setIssued([])} title={t('welfare.voucher.issuedTitle')} data-testid="issued-vouchers">
          {issued.map((v) => (
            <div key={v.id} style={{ textAlign: 'center', marginBottom: 12 }}>
              <QrCode text={v.token} size={240} />
              <div>{v.serial}</div>
            </div>
          ))}
        </Modal>
      )}
    </ListPage>
  );
}
