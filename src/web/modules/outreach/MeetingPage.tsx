import { PrinterOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { MeetingDetail } from '../../../common/outreach.js';
import { formatCount } from '../../app/format.js';
import { QrCode } from '../cards/QrCode.js';
import { MeetingEmployers } from './MeetingEmployers.js';
import { MeetingSignups } from './MeetingSignups.js';
import { joinLinkOf, useMeeting } from './useMeeting.js';

/** /outreach/meetings/:id — one 沟通会: its facts, the venue's sign-up QR code, its sign-ups and the employers contacted. */
export function MeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { meeting, failed } = useMeeting(id);

  if (failed) return <Empty description={t('meeting.notFound')} />;
  if (!meeting) return <Skeleton active />;
  return (
    <div data-testid="meeting-page">
      <Breadcrumb
        items={[
          { key: 'outreach', title: <Link to={`/outreach?org=${meeting.orgId}`}>{t('outreach.title')}</Link> },
          { key: 'meeting', title: meeting.title },
        ]}
      />
      <div className="page-header">
        <Typography.Title level={3} data-testid="meeting-title">
          {meeting.title}
        </Typography.Title>
        <Tag color={meeting.kind === 'worker' ? 'red' : 'blue'}>{t(`outreach.meetingKind.${meeting.kind}`)}</Tag>
        <div className="page-actions">
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/outreach/meetings/${meeting.id}/sheet`)} data-testid="meeting-sheet">
            {t('meeting.sheet')}
          </Button>
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <MeetingFacts meeting={meeting} />
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('meeting.qr')} size="small">
            <QrCode text={joinLinkOf(meeting.id)} size={180} testId="meeting-qr" />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('meeting.qrHint')}
            </Typography.Paragraph>
            <Typography.Text copyable className="mono" data-testid="meeting-join-link">
              {joinLinkOf(meeting.id)}
            </Typography.Text>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('meeting.signups', { count: meeting.applications })} size="small">
            <MeetingSignups meeting={meeting} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('meeting.employers', { count: meeting.employersEngaged })} size="small">
            <MeetingEmployers meeting={meeting} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function MeetingFacts({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('meeting.facts')} size="small">
      <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="meeting-facts">
        <Descriptions.Item label={t('outreach.field.heldOn')}>{meeting.heldOn}</Descriptions.Item>
        <Descriptions.Item label={t('outreach.field.venue')}>
          {meeting.isOnline && <Tag>{t('outreach.online')}</Tag>}
          {meeting.venue ?? (meeting.isOnline ? '' : t('common.none'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('outreach.field.org')}>
          <Link to={`/orgs/${meeting.orgId}`}>{meeting.orgName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('outreach.field.parent')}>
          {meeting.parentMeetingId !== null ? (
            <Link to={`/outreach/meetings/${meeting.parentMeetingId}`}>{meeting.parentTitle}</Link>
          ) : (
            t('outreach.noParent')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('outreach.field.applications')}>{formatCount(meeting.applications)}</Descriptions.Item>
        <Descriptions.Item label={t('outreach.field.approved')}>{formatCount(meeting.approved)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
