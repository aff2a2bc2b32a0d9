import { Alert, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKBENCH_MAX_NODES, type Workbench } from '../../../common/workbench.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { DATA_CHANGED } from '../../app/api.js';
import { ActivityCard } from './ActivityCard.js';
import { WorkbenchSlots } from './WorkbenchSlots.js';
import { NodeCard } from './NodeCard.js';
import { workbenchApi } from './workbench.api.js';

/** 工作台: for each of the caller's nodes what waits and its key figures; beside them, the recent activity. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const notify = useNotify();
  const [bench, setBench] = useState<Workbench | undefined>(undefined);
  useEffect(() => {
    const load = () => void workbenchApi.get().then(setBench, notify.error);
    load();
    window.addEventListener(DATA_CHANGED, load);
    return () => window.removeEventListener(DATA_CHANGED, load);
  }, [notify]);

  return (
    <div data-testid="workbench-page">
      <div className="page-header">
        <Typography.Title level={3} data-testid="workbench-title">
          {t('workbench.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{me && t('workbench.greeting', { name: me.displayName })}</Typography.Text>
      </div>
      {!bench ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            {bench.nodes.length === 0 && <Empty />}
            {bench.nodes.length >= WORKBENCH_MAX_NODES && (
              <Alert type="info" showIcon message={t('workbench.moreNodes', { count: WORKBENCH_MAX_NODES })} style={{ marginBottom: 16 }} />
            )}
            {bench.nodes.map((node) => (
              <NodeCard key={node.orgId} node={node} />
            ))}
          </Col>
          <Col xs={24} xl={9}>
            {bench.nodes[0] && <WorkbenchSlots orgId={bench.nodes[0].orgId} />}
            <ActivityCard activity={bench.activity} isOwn={bench.activityIsOwn} />
          </Col>
        </Row>
      )}
    </div>
  );
}
