import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Button, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntakeApplicationBody } from '../../../common/applications.js';
import { groupCode } from '../../app/format.js';

export type IntakeEntry = {
  key: number;
  body: IntakeApplicationBody;
  maskedId: string;
  state:
    { kind: 'sending' } | { kind: 'done'; trackingCode: string; isTransfer: boolean } | { kind: 'failed'; code: string; message: string };
};

/** The running list of an evening's entries, newest first: tracking code, or the server's reason inline. */
export function IntakeList({ entries, onFix }: { entries: IntakeEntry[]; onFix: (entry: IntakeEntry) => void }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.empty')} />;
  return (
    <ol className="intake-list" data-testid="intake-list">
      {entries.map((entry) => (
        <li
          key={entry.key}
          className={`intake-entry ${entry.state.kind}`}
          data-testid={`intake-entry-${entry.key}`}
          data-state={entry.state.kind}
        >
          <span className="intake-no">{entry.key}</span>
          <span className="intake-name">{entry.body.name}</span>
          <span className="mono intake-id">{entry.maskedId}</span>
          <span className="intake-result">
            {entry.state.kind === 'sending' && (
              <Typography.Text type="secondary">
                <LoadingOutlined /> {t('intake.pending')}
              </Typography.Text>
            )}
            {entry.state.kind === 'done' && (
              <Typography.Text type="success">
                <CheckCircleFilled />{' '}
                <span className="mono" data-testid="intake-code">
                  {groupCode(entry.state.trackingCode)}
                </span>
                {entry.state.isTransfer && ` · ${t('application.status.transfer_requested')}`}
              </Typography.Text>
            )}
            {entry.state.kind === 'failed' && (
              <>
                <Typography.Text type="danger" data-testid="intake-error">
                  <CloseCircleFilled /> {entry.state.message}
                </Typography.Text>
                <Button size="small" type="link" onClick={() => onFix(entry)}>
                  {t('intake.retry')}
                </Button>
              </>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
