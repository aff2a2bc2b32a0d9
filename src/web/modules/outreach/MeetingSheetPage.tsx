import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QrCode } from '../cards/QrCode.js';
import { joinLinkOf, useMeeting } from './useMeeting.js';
import './meetingSheet.css';

/** Empty rows of one printed page (A4 portrait, under the heading and the QR code). */
export const SHEET_ROWS = 20;

/** /outreach/meetings/:id/sheet — the printable 签到表: the meeting's heading, numbered empty rows and the sign-up QR code. */
export function MeetingSheetPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { meeting, failed } = useMeeting(id);

  if (failed) return <Empty description={t('meeting.notFound')} />;
  if (!meeting) return <Skeleton active />;
  return (
    <div>
      <div className="sheet-toolbar">
        <Link to={`/outreach/meetings/${meeting.id}`}>{t('meeting.back')}</Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="sheet-print">
          {t('meeting.print')}
        </Button>
      </div>
      <section className="meeting-sheet" data-testid="meeting-sheet-page">
        <header className="sheet-head">
          <div>
            <h1 data-testid="sheet-title">{meeting.title}</h1>
            <p>
              {t('meeting.sheetTitle')} · {t('outreach.field.heldOn')}：{meeting.heldOn} · {t('outreach.field.venue')}：
              {meeting.venue ?? (meeting.isOnline ? t('outreach.online') : t('common.none'))}
            </p>
            <p>
              {t('outreach.field.org')}：{meeting.orgName}
            </p>
          </div>
          <figure className="sheet-qr">
            <QrCode text={joinLinkOf(meeting.id)} size={120} testId="sheet-qr" />
            <figcaption>{t('meeting.sheetQr')}</figcaption>
          </figure>
        </header>
        <table className="sheet-table" data-testid="sheet-table">
          <thead>
            <tr>
              <th className="sheet-no">{t('meeting.column.no')}</th>
              <th>{t('meeting.column.name')}</th>
              <th>{t('meeting.column.employer')}</th>
              <th>{t('meeting.column.phone')}</th>
              <th>{t('meeting.column.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: SHEET_ROWS }, (_, i) => (
              <tr key={i}>
                <td className="sheet-no">{i + 1}</td>
                <td />
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
