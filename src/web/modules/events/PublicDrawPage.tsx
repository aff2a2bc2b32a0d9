import { Alert, Descriptions, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { PublicEventDraws } from '../../../common/events.draw.js';
import { errorText } from '../../app/notify.js';
import { PublicLayout } from '../join/PublicLayout.js';
import { DrawResults, useSessionLabel, verifyCommand } from './DrawResults.js';
import { drawsApi } from './events.api.js';
import { addStrings } from '../../i18n/index.js';
import { messages as eventsStrings } from './i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(eventsStrings);

/**
 * /draws/:eventId — 抽签结果公示: anyone may open it. Seed source, frozen hash and seed of each draw, winners and
 * waitlist with masked names and keys, the export and how to recompute it with `verify-draw`.
 */
export function PublicDrawPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [data, setData] = useState<PublicEventDraws | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const sessionLabel = useSessionLabel(data?.sessions ?? []);
  useEffect(() => {
    drawsApi
      .published(eventId)
      .then(setData)
      .catch((error: unknown) => setFailure(errorText(error, t('events.draw.public.unavailable'))));
  }, [eventId, t]);
  return (
    <PublicLayout title={t('events.draw.public.title')}>
      {failure && <Alert type="warning" message={failure} data-testid="public-draw-unavailable" />}
      {!failure && !data && <Skeleton active />}
      {data && (
        <div data-testid="public-draw">
          <Typography.Title level={4} data-testid="public-draw-event">
            {data.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('events.draw.public.intro')}</Typography.Paragraph>
          {data.draws.length === 0 ? (
            <Alert type="info" message={t('events.draw.public.none')} />
          ) : (
            <DrawResults eventId={data.eventId} draws={data.draws} sessionLabel={sessionLabel} />
          )}
          <Typography.Title level={5}>{t('events.draw.public.howTitle')}</Typography.Title>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="1">{t('events.draw.public.how1')}</Descriptions.Item>
            <Descriptions.Item label="2">{t('events.draw.public.how2')}</Descriptions.Item>
            <Descriptions.Item label="3">
              {t('events.draw.public.how3')}
              <br />
              <Typography.Text code copyable>
                {verifyCommand(t('events.draw.fileArg'))}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="4">{t('events.draw.public.how4')}</Descriptions.Item>
          </Descriptions>
        </div>
      )}
    </PublicLayout>
  );
}
