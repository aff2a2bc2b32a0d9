import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyDrawExport, PublicDrawRow, PublicEventDraws } from '../../../common/events.draw.js';
import { useNotify } from '../../app/notify.js';
import { drawsApi } from './events.api.js';
import { beijingMinute } from './sessionRows.js';

type PublishedDraw = PublicEventDraws['draws'][number];

/** A session as the draws name it: when (Beijing) and where. */
type SessionPlace = { id: number; startsAt: string; endsAt: string; place: string };

/**
 * Names a draw's session by its Beijing time and place ('2026-06-20 08:00–17:00 中关村'; the end with its day when
 * it falls on another); the whole event for null, the bare number for a session not in the list.
 */
export function useSessionLabel(sessions: readonly SessionPlace[]): (sessionId: number | null) => string {
  const { t } = useTranslation();
  return (sessionId) => {
    if (sessionId === null) return t('events.draw.allSessions');
    const s = sessions.find((x) => x.id === sessionId);
    if (!s) return t('events.draw.sessionNo', { id: sessionId });
    const start = beijingMinute(s.startsAt);
    const end = beijingMinute(s.endsAt);
    return `${start}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end} ${s.place}`;
  };
}

/** The command a stranger runs on the downloaded export to recompute the draw (src/server/cli.ts). */
export const verifyCommand = (file: string) => `npm run cli -- verify-draw ${file}`;

/** Quota or open place of each winner: in the export only (the public rows carry no basis). */
function basisOf(exp: AnyDrawExport): Map<string, 'quota' | 'open'> {
  if (exp.format === 'gonghui.allocation/1') return new Map();
  return new Map(exp.result.winners.map((w) => [w.entryId, w.basis]));
}

function Hash({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid={testId}>
      {value}
    </Typography.Text>
  );
}

/** One draw (a session, or the whole event for preferences): what was frozen, the seed, winners and waitlist, masked. */
function DrawResultCard({
  eventId,
  draw,
  sessionLabel,
}: {
  eventId: number;
  draw: PublishedDraw;
  sessionLabel: (sessionId: number | null) => string;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [basis, setBasis] = useState<Map<string, 'quota' | 'open'>>(new Map());
  const isDrawn = draw.seed !== null;
  useEffect(() => {
    if (!isDrawn || draw.mode === 'preferences') return;
    drawsApi
      .export(eventId, draw.id)
      .then((exp) => setBasis(basisOf(exp)))
      .catch(() => setBasis(new Map()));
  }, [eventId, draw.id, draw.mode, isDrawn]);
  const file = `draw-${eventId}-${draw.id}.json`;
  const columns = (outcome: PublicDrawRow['outcome']): TableColumnsType<PublicDrawRow> => [
    { title: t('events.draw.col.position'), dataIndex: 'position', width: 70 },
    { title: t('events.draw.col.name'), dataIndex: 'maskedName', width: 110 },
    { title: t('events.draw.col.entry'), dataIndex: 'entryId', width: 110 },
    {
      title: t('events.draw.col.key'),
      dataIndex: 'key',
      render: (key: string) => (
        <Typography.Text code copyable={{ text: key }} title={key}>
          {key.slice(0, 16)}…
        </Typography.Text>
      ),
    },
    ...(draw.mode === 'points_ranking' ? [{ title: t('events.draw.col.earned'), dataIndex: 'earned', width: 90 }] : []),
    ...(draw.mode === 'preferences' && outcome === 'won'
      ? [
          {
            title: t('events.draw.col.session'),
            key: 'session',
            render: (_: unknown, r: PublicDrawRow) => (r.sessionId === null ? '—' : sessionLabel(Number(r.sessionId))),
          },
        ]
      : []),
    ...(draw.mode !== 'preferences' && outcome === 'won'
      ? [
          {
            title: t('events.draw.col.basis'),
            key: 'basis',
            width: 90,
            render: (_: unknown, r: PublicDrawRow) => {
              const b = basis.get(r.entryId);
              return b ? <Tag color={b === 'quota' ? 'gold' : 'blue'}>{t(`events.draw.basis.${b}`)}</Tag> : '—';
            },
          },
        ]
      : []),
  ];
  const table = (outcome: PublicDrawRow['outcome']) => (
    <Table
      rowKey="entryId"
      size="small"
      columns={columns(outcome)}
      dataSource={draw.rows.filter((r) => r.outcome === outcome)}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 560 }}
      data-testid={`draw-${outcome}-${draw.id}`}
    />
  );
  return (
    <Card
      size="small"
      title={
        <Space>
          {sessionLabel(draw.sessionId)}
          <Tag>{t(`events.selection.${draw.mode}`)}</Tag>
        </Space>
      }
      data-testid={`draw-result-${draw.id}`}
      style={{ marginBottom: 16 }}
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('events.draw.seedSource')}>{draw.seedSource}</Descriptions.Item>
        <Descriptions.Item label={t('events.draw.frozenHash')}>
          <Hash value={draw.frozenHash} />
        </Descriptions.Item>
        <Descriptions.Item label={t('events.draw.entries')}>{draw.entries}</Descriptions.Item>
        <Descriptions.Item label={t('events.draw.seed')}>
          {isDrawn ? <Hash value={draw.seed ?? ''} testId={`draw-seed-${draw.id}`} /> : t('events.draw.seedPending')}
        </Descriptions.Item>
        {draw.resultHash && (
          <Descriptions.Item label={t('events.draw.resultHash')}>
            <Hash value={draw.resultHash} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {isDrawn && (
        <>
          <Typography.Title level={5}>
            {t('events.draw.winners', { count: draw.rows.filter((r) => r.outcome === 'won').length })}
          </Typography.Title>
          {table('won')}
          <Typography.Title level={5}>
            {t('events.draw.waitlist', { count: draw.rows.filter((r) => r.outcome === 'waiting').length })}
          </Typography.Title>
          {table('waiting')}
          <Space direction="vertical" style={{ marginTop: 12 }}>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void drawsApi.downloadExport(eventId, draw.id).catch((error: unknown) => notify.error(error))}
              data-testid={`draw-download-${draw.id}`}
            >
              {t('events.draw.download')}
            </Button>
            <Typography.Text type="secondary">{t('events.draw.verifyHint')}</Typography.Text>
            <Typography.Text code copyable data-testid={`draw-verify-${draw.id}`}>
              {verifyCommand(file)}
            </Typography.Text>
          </Space>
        </>
      )}
    </Card>
  );
}

/** The published results of an event's draws, one card each: the console's last step and the public page share it. */
export function DrawResults({
  eventId,
  draws,
  sessionLabel,
}: {
  eventId: number;
  draws: PublishedDraw[];
  sessionLabel: (sessionId: number | null) => string;
}) {
  return (
    <div data-testid="draw-results">
      {draws.map((d) => (
        <DrawResultCard key={d.id} eventId={eventId} draw={d} sessionLabel={sessionLabel} />
      ))}
    </div>
  );
}
