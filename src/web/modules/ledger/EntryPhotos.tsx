import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Image, Input, Popconfirm, Space, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_PHOTOS_MAX, LEDGER_PHOTO_LIMITS, type LedgerPhoto } from '../../../common/ledger.photos.js';
import { useNotify } from '../../app/notify.js';
import { ledgerApi } from './ledger.api.js';
import { imageMimes } from '../../../common/images.js';

/**
 * 台账照片: the photos of an entry as thumbnails (a click previews them large), with upload and delete for a cadre who
 * may correct the entry. Images are read from the API with the session cookie; the server decides who may do what.
 */
export function EntryPhotos({ entryId, canWrite }: { entryId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [photos, setPhotos] = useState<LedgerPhoto[]>([]);
  const [max, setMax] = useState<number>(LEDGER_PHOTOS_MAX);
  const [caption, setCaption] = useState('');
  const [sending, setSending] = useState(false);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    let isCurrent = true;
    ledgerApi
      .photos(entryId)
      .then((list) => {
        if (!isCurrent) return;
        setPhotos(list.items);
        setMax(list.max);
      })
      .catch(() => isCurrent && setPhotos([]));
    return () => {
      isCurrent = false;
    };
  }, [entryId]);
  useEffect(load, [load, version]);
  const reload = () => setVersion((n) => n + 1);
  const remove = (photo: LedgerPhoto) =>
    ledgerApi
      .removePhoto(photo)
      .then(() => {
        notify.success(t('ledger.photos.deleted'));
        reload();
      })
      .catch((error: unknown) => notify.error(error));
  const isFull = photos.length >= max;
  return (
    <div data-testid="ledger-photos" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('ledger.photos.title', { count: photos.length, max })}</Typography.Title>
      <Space wrap align="start">
        <Image.PreviewGroup>
          {photos.map((photo) => (
            <Space key={photo.id} direction="vertical" size={4} data-testid="ledger-photo" style={{ width: 120 }}>
              <Image src={photo.url} alt={photo.caption ?? t('ledger.photos.alt')} width={120} height={90} style={{ objectFit: 'cover' }} />
              {photo.caption && (
                <Typography.Text type="secondary" ellipsis={{ tooltip: photo.caption }} style={{ width: 120 }}>
                  {photo.caption}
                </Typography.Text>
              )}
              {canWrite && (
                <Popconfirm title={t('ledger.photos.confirmDelete')} onConfirm={() => void remove(photo)}>
                  <Button size="small" danger icon={<DeleteOutlined />} data-testid={`ledger-photo-delete-${photo.id}`}>
                    {t('ledger.photos.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ))}
        </Image.PreviewGroup>
        {photos.length === 0 && <Typography.Text type="secondary">{t('ledger.photos.none')}</Typography.Text>}
      </Space>
      {canWrite && (
        <Space direction="vertical" size={4} style={{ display: 'flex', marginTop: 8 }}>
          {isFull ? (
            <Typography.Text type="secondary">{t('ledger.photos.full', { max })}</Typography.Text>
          ) : (
            <Space wrap>
              <Input
                size="small"
                value={caption}
                maxLength={LEDGER_PHOTO_LIMITS.caption}
                placeholder={t('ledger.photos.caption')}
                onChange={(e) => setCaption(e.target.value)}
                style={{ width: 240 }}
                data-testid="ledger-photo-caption"
              />
              <Upload
                accept={imageMimes.join(',')}
                showUploadList={false}
                customRequest={({ file }) => {
                  setSending(true);
                  ledgerApi
                    .uploadPhoto(entryId, file as File, caption.trim())
                    .then(() => {
                      notify.success(t('ledger.photos.uploaded'));
                      setCaption('');
                      reload();
                    })
                    .catch((error: unknown) => notify.error(error))
                    .finally(() => setSending(false));
                }}
              >
                <Button size="small" icon={<UploadOutlined />} loading={sending} data-testid="ledger-photo-upload">
                  {t('ledger.photos.upload')}
                </Button>
              </Upload>
            </Space>
          )}
          <Typography.Text type="secondary">{t('ledger.photos.hint', { max })}</Typography.Text>
        </Space>
      )}
    </div>
  );
}
