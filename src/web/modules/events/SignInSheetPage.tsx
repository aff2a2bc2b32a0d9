import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { maskName } from '../../../common/identity.js';
import type { EventDetail, Registration } from '../../../common/events.js';
import { useNotify } from '../../app/notify.js';
import { eventsApi } from './events.api.js';
import { beijingMinute } from './sessionRows.js';

/** All confirmed registrations of a session under the unit, page after page (a sheet is printed whole). */
async function confirmedOf(eventId: number, orgId: number, sessionId: number): Promise<Registration[]> {
  const rows: Registration[] = [];
  let cursor: string | undefined;
  do {
    const page = await eventsApi.registrations(eventId, { orgId, sessionId, status: 'confirmed' }, cursor, 200);
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows.sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.id - b.id);
}

/** 签到表: a printable list of one session's confirmed people, names masked (house rules), a blank signature column. */
export function SignInSheetPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const id = Number(useParams().id);
  const [searchParams] = useSearchParams();
  const [event, setEvent] = useState<EventDetail | null | undefined>(undefined);
  const [sessionId, setSessionId] = useState<number | undefined>(undefined);
  const [rows, setRows] = useState<Registration[] | undefined>(undefined);
  useEffect(() => {
    eventsApi
      .get(id)
      .then((e) => {
        setEvent(e);
        setSessionId(e.sessions[0]?.id);
      })
      .catch(() => setEvent(null));
  }, [id]);
  const orgId = Number(searchParams.get('org')) || event?.orgId;
  useEffect(() => {
    if (!orgId || !sessionId) return;
    setRows(undefined);
    confirmedOf(id, orgId, sessionId)
      .then(setRows)
      .catch((error: unknown) => {
        notify.error(error);
        setRows([]);
      });
  }, [id, orgId, sessionId, notify]);
  if (event === undefined) return <Skeleton active />;
  if (event === null) return <Empty description={t('events.notFound')} />;
  const session = event.sessions.find((s) => s.id === sessionId);
  const cell = { border: '1px solid #333', padding: '6px 8px' } as const;
  return (
    <div data-testid="sign-in-sheet" style={{ background: '#fff', padding: 24 }}>
      <style>{'@media print { .no-print { display: none !important; } }'}</style>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 280 }}
          value={sessionId}
          onChange={setSessionId}
          options={event.sessions.map((s) => ({ value: s.id, label: `${beijingMinute(s.startsAt)} ${s.place}` }))}
        />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('events.sheet.print')}
        </Button>
      </Space>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {event.title} · {t('events.sheet.title')}
      </Typography.Title>
      {session && (
        <Typography.Paragraph style={{ textAlign: 'center' }}>
          {t('events.sheet.session')}：{beijingMinute(session.startsAt)} – {beijingMinute(session.endsAt).slice(11)} · {session.place}
        </Typography.Paragraph>
      )}
      {rows === undefined ? (
        <Skeleton active />
      ) : (
        <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="sign-in-rows">
          <thead>
            <tr>
              <th style={{ ...cell, width: 60 }}>{t('events.sheet.no')}</th>
              <th style={{ ...cell, width: 140 }}>{t('events.sheet.name')}</th>
              <th style={cell}>{t('events.sheet.unit')}</th>
              <th style={{ ...cell, width: 220 }}>{t('events.sheet.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id}>
                <td style={cell}>{i + 1}</td>
                <td style={cell}>
                  {maskName(r.memberName)}
                  {r.kind === 'guest' && `（${t('events.guests.tag')}）`}
                </td>
                <td style={cell}>{r.orgName}</td>
                <td style={cell} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
