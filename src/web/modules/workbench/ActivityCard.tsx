import { Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditRecord } from '../../../common/audit.js';
import { describeAuditAction } from '../../../common/audit.actions.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../app/format.js';
import { currentLocale } from '../../i18n/index.js';
import { actorInWords } from '../users/auditColumns.js';

/** Recent activity in words: the audit log of the caller's subtree, or the caller's own actions. */
export function ActivityCard({ activity, isOwn }: { activity: AuditRecord[]; isOwn: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const locale = currentLocale();
  return (
    <Card
      title={isOwn ? t('workbench.ownActivity') : t('workbench.activity')}
      extra={can('audit.read') && <Link to="/audit">{t('workbench.allAudit')}</Link>}
      data-testid="workbench-activity"
    >
      {activity.length === 0 ? (
        <Empty description={t('workbench.noActivity')} />
      ) : (
        <List
          size="small"
          dataSource={activity}
          renderItem={(entry) => (
            <List.Item data-testid="activity-item">
              <List.Item.Meta
                title={describeAuditAction(entry, locale)}
                description={
                  <Typography.Text type="secondary">
                    {formatDateTime(entry.at)}
                    {!isOwn && ` · ${actorInWords(entry, t)}`}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
