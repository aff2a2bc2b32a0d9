import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Image, Popconfirm, Space, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPhoto, EventPhotoRole } from '../../../common/events.photos.js';
import { useNotify } from '../../app/notify.js';
import { eventPhotosApi } from './eventPhotos.api.js';
import { imageMimes } from '../../../common/images.js';

type Props = { eventId: number; role: EventPhotoRole; canWrite: boolean };

function PhotoUpload({ eventId, role, onDone }: { eventId: number; role: EventPhotoRole; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [sending, setSending] = useState(false);
  return (
    <Upload
      accept={imageMimes.join(',')}
      showUploadList={false}
      customRequest={({ file }) => {
        setSending(true);
        eventPhotosApi
          .upload(eventId, role, file as File)
          .then(() => {
            notify.success(t('events.photos.uploaded'));
            onDone();
          })
          .catch((error: unknown) => notify.error(error))
          .finally(() => setSending(false));
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={sending} data-testid={`event-photo-upload-${role}`}>
        {t(`events.photos.upload.${role}`)}
      </Button>
    </Upload>
  );
}

/**
 * 活动图片: the cover under the event's title (role 'cover') or the closing summary's gallery (role 'closing'), with
 * upload and delete for a cadre who may write. Images are read from the API with the session cookie.
 */
export function EventPhotos({ eventId, role, canWrite }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [photos, setPhotos] = useState<EventPhoto[]>([]);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    eventPhotosApi
      .list(eventId)
      .then((list) => setPhotos(list.items.filter((p) => p.role === role)))
      .catch(() => setPhotos([]));
  }, [eventId, role]);
  useEffect(load, [load, version]);
  const reload = () => setVersion((n) => n + 1);
  const remove = (photo: EventPhoto) =>
    eventPhotosApi
      .remove(photo)
      .then(() => {
        notify.success(t('events.photos.deleted'));
        reload();
      })
      .catch((error: unknown) => notify.error(error));
  if (photos.length === 0 && !canWrite) return null;
  const size = role === 'cover' ? { width: 360 } : { width: 120, height: 90 };
  return (
    <div data-testid={`event-photos-${role}`} style={{ marginBottom: 16 }}>
      {role === 'closing' && <Typography.Text strong>{t('events.photos.closingTitle')}</Typography.Text>}
      <Space wrap align="start" style={{ display: 'flex', marginTop: 8 }}>
        <Image.PreviewGroup>
          {photos.map((photo) => (
            <Space key={photo.id} direction="vertical" size={4} data-testid="event-photo">
              <Image src={photo.url} alt={t(`events.photos.alt.${role}`)} {...size} style={{ objectFit: 'cover' }} />
              {canWrite && (
                <Popconfirm title={t('events.photos.confirmDelete')} onConfirm={() => void remove(photo)}>
                  <Button size="small" danger icon={<DeleteOutlined />} data-testid={`event-photo-delete-${photo.id}`}>
                    {t('events.photos.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ))}
        </Image.PreviewGroup>
        {role === 'closing' && photos.length === 0 && <Typography.Text type="secondary">{t('events.photos.none')}</Typography.Text>}
        {canWrite && <PhotoUpload eventId={eventId} role={role} onDone={reload} />}
      </Space>
      {canWrite && <Typography.Text type="secondary">{t(`events.photos.hint.${role}`)}</Typography.Text>}
    </div>
  );
}
