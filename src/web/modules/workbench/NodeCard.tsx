import { RightOutlined } from '@ant-design/icons';
import { Badge, Card, Col, List, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WorkbenchNode } from '../../../common/workbench.js';
import { formatCount, formatPercent } from '../../app/format.js';
import { useRegistry } from '../../app/webModule.js';
import { KindTag } from '../orgs/KindTag.js';

/** One of the caller's nodes: its key figures (the roll-up) and each kind of to-do with its count and filtered list. */
export function NodeCard({ node }: { node: WorkbenchNode }) {
  const { t } = useTranslation();
  const { todos: links } = useRegistry();
  const counts = new Map(node.todos.map((todo) => [todo.key, todo]));
  const todos = links.filter((link) => counts.has(link.key));
  const figures = [
    { key: 'members', title: t('workbench.members'), value: formatCount(node.members) },
    { key: 'membershipRate', title: t('workbench.membershipRate'), value: formatPercent(node.membershipRate) },
    { key: 'unionisationRate', title: t('workbench.unionisationRate'), value: formatPercent(node.unionisationRate) },
    { key: 'grassrootsUnions', title: t('workbench.grassrootsUnions'), value: formatCount(node.grassrootsUnions) },
  ];
  return (
    <Card
      title={
        <span>
          <Link to={`/orgs/${node.orgId}`}>{node.name}</Link> <KindTag kind={node.kind} />
        </span>
      }
      extra={<Link to={`/dashboard?org=${node.orgId}`}>{t('workbench.dashboard')}</Link>}
      style={{ marginBottom: 16 }}
      data-testid={`workbench-node-${node.orgId}`}
    >
      <Row gutter={[12, 12]} data-testid="workbench-figures">
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={6}>
            <Statistic title={f.title} value={f.value} data-testid={`workbench-figure-${f.key}`} />
          </Col>
        ))}
      </Row>
      {todos.length > 0 && (
        <List
          header={<strong>{t('workbench.todos')}</strong>}
          style={{ marginTop: 16 }}
          dataSource={todos}
          renderItem={(link) => {
            const todo = counts.get(link.key)!;
            return (
              <List.Item
                data-testid={`todo-${link.key}`}
                actions={[
                  <Link key="open" to={link.to(node.orgId)} data-testid={`todo-open-${link.key}`}>
                    {t('workbench.open')} <RightOutlined />
                  </Link>,
                ]}
              >
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                  {link.label(t)}
                  <Badge
                    count={todo.capped ? `${todo.count}+` : todo.count}
                    overflowCount={Infinity}
                    showZero
                    color={todo.count > 0 ? undefined : '#d9d9d9'}
                    data-testid={`todo-count-${link.key}`}
                  />
                </span>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
