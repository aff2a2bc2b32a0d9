import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Skeleton, Space, Steps, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EventDetail } from '../../../common/events.js';
import { DRAW_LIMITS, type EventDraws, type PublicEventDraws } from '../../../common/events.draw.js';
import { FormModal } from '../../app/FormModal.js';
import { useNotify } from '../../app/notify.js';
import { validFields } from '../../app/zodForm.js';
import { DrawPlanModal, rankingDays, useOrgNames } from './DrawPlanModal.js';
import { DrawResults, useSessionLabel } from './DrawResults.js';
import { drawsApi } from './events.api.js';
import { beijingMinute } from './sessionRows.js';

type Props = { event: EventDetail; canWrite: boolean; onChanged: () => void };
type Dialog = 'plan' | 'seed' | null;

/** 抽签 tab: "no draw" for first come; otherwise the stepper plan → freeze → seed → results. */
export function EventDrawTab({ event, canWrite, onChanged }: Props) {
  const { t } = useTranslation();
  if (event.selection === 'first_come') return <Empty description={t('events.draw.unavailable')} data-testid="draw-unavailable" />;
  return <DrawStepper event={event} canWrite={canWrite} onChanged={onChanged} />;
}

/** The step the draw has reached: 0 plan, 1 freeze, 2 seed, 3 results. */
function stepOf(draws: EventDraws): number {
  if (!draws.plan) return 0;
  if (draws.draws.length === 0) return 1;
  return draws.draws.some((d) => d.seed === null) ? 2 : 3;
}

/** Whether a freeze would find work: a closed session not yet frozen (preferences: every session closed, none frozen). */
function isFreezable(event: EventDetail, draws: EventDraws, now: number): boolean {
  if (!draws.plan) return false;
  const closed = (s: EventDetail['sessions'][number]) => Date.parse(s.closesAt) <= now;
  if (event.selection === 'preferences') return draws.draws.length === 0 && event.sessions.every(closed);
  const frozen = new Set(draws.draws.map((d) => d.sessionId));
  return event.sessions.some((s) => closed(s) && !frozen.has(s.id));
}

function DrawStepper({ event, canWrite, onChanged }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [draws, setDraws] = useState<EventDraws | null | undefined>(undefined);
  const [published, setPublished] = useState<PublicEventDraws | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [seedForm] = Form.useForm<{ seed?: string }>();
  const load = useCallback(() => {
    drawsApi
      .get(event.id)
      .then(setDraws)
      .catch((error: unknown) => {
        notify.error(error);
        setDraws(null);
      });
  }, [event.id, notify]);
  useEffect(load, [load]);
  const orgName = useOrgNames(draws?.plan?.quotas.map((q) => q.orgId) ?? []);
  const sessionLabel = useSessionLabel(event.sessions);
  const hasFrozen = (draws?.draws.length ?? 0) > 0;
  const drawnCount = draws?.draws.filter((d) => d.seed !== null).length ?? 0;
  useEffect(() => {
    if (!hasFrozen) return;
    drawsApi
      .published(event.id)
      .then(setPublished)
      .catch(() => setPublished(null));
  }, [event.id, hasFrozen, drawnCount]);
  if (draws === undefined) return <Skeleton active />;
  if (draws === null) return <Empty description={t('events.draw.loadFailed')} />;
  const changed = (next: EventDraws) => {
    setDraws(next);
    onChanged();
  };
  const freeze = async () => {
    try {
      changed(await drawsApi.freeze(event.id));
      notify.success(t('events.draw.freeze.done'));
    } catch (error) {
      notify.error(error);
    }
  };
  const { plan } = draws;
  const step = stepOf(draws);
  const pending = draws.draws.filter((d) => d.seed === null);
  const lastClose = event.sessions.map((s) => s.closesAt).sort()[event.sessions.length - 1];
  return (
    <div data-testid="draw-tab">
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('events.draw.step.plan'), description: t('events.draw.step.planHelp') },
          { title: t('events.draw.step.freeze'), description: t('events.draw.step.freezeHelp') },
          { title: t('events.draw.step.seed'), description: t('events.draw.step.seedHelp') },
          { title: t('events.draw.step.results'), description: t('events.draw.step.resultsHelp') },
        ]}
      />
      <Card
        size="small"
        title={t('events.draw.step.plan')}
        style={{ marginBottom: 16 }}
        extra={
          canWrite &&
          !hasFrozen && (
            <Button type={plan ? 'default' : 'primary'} onClick={() => setDialog('plan')} data-testid="draw-plan">
              {plan ? t('events.draw.plan.edit') : t('events.draw.plan.declare')}
            </Button>
          )
        }
      >
        {plan ? (
          <Descriptions column={1} size="small" data-testid="draw-plan-summary">
            <Descriptions.Item label={t('events.draw.seedSource')}>{plan.seedSource}</Descriptions.Item>
            {plan.ranking && (
              <Descriptions.Item label={t('events.draw.plan.window')}>
                {t('events.draw.plan.windowText', { id: plan.ranking.programmeId, ...rankingDays(plan.ranking) })}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('events.draw.plan.quotas')}>
              {plan.quotas.length === 0
                ? t('events.draw.plan.noQuotas')
                : plan.quotas
                    .map((q) =>
                      t('events.draw.plan.quotaText', { session: sessionLabel(q.sessionId), org: orgName(q.orgId), quota: q.quota }),
                    )
                    .join('；')}
            </Descriptions.Item>
            <Descriptions.Item label={t('events.draw.plan.declaredAt')}>{beijingMinute(plan.declaredAt)}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('events.draw.plan.none')}</Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title={t('events.draw.step.freeze')}
        style={{ marginBottom: 16 }}
        extra={
          canWrite &&
          plan && (
            <Button disabled={!isFreezable(event, draws, Date.now())} onClick={() => void freeze()} data-testid="draw-freeze">
              {t('events.draw.freeze.action')}
            </Button>
          )
        }
      >
        {hasFrozen ? (
          <Descriptions column={1} size="small" bordered>
            {draws.draws.map((d) => (
              <Descriptions.Item key={d.id} label={sessionLabel(d.sessionId)}>
                <div data-testid={`draw-frozen-${d.id}`}>
                  {t('events.draw.freeze.summary', { entries: d.entries, at: beijingMinute(d.frozenAt) })}
                  <br />
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {d.frozenHash}
                  </Typography.Text>
                </div>
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">
            {t('events.draw.freeze.hint', { at: lastClose ? beijingMinute(lastClose) : '—' })}
          </Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title={t('events.draw.step.seed')}
        style={{ marginBottom: 16 }}
        extra={
          canWrite &&
          pending.length > 0 && (
            <Button type="primary" onClick={() => setDialog('seed')} data-testid="draw-seed">
              {t('events.draw.seedDialog.action')}
            </Button>
          )
        }
      >
        <Typography.Text type="secondary">
          {pending.length > 0
            ? t('events.draw.seedDialog.hint', { source: plan?.seedSource ?? '' })
            : drawnCount > 0
              ? t('events.draw.seedDialog.entered')
              : t('events.draw.seedDialog.notYet')}
        </Typography.Text>
      </Card>
      {drawnCount > 0 && (
        <Card
          size="small"
          title={t('events.draw.step.results')}
          extra={
            <Link to={`/draws/${event.id}`} target="_blank" data-testid="draw-public-link">
              <ExportOutlined /> {t('events.draw.publicPage')}
            </Link>
          }
        >
          {published ? <DrawResults eventId={event.id} draws={published.draws} sessionLabel={sessionLabel} /> : <Skeleton active />}
        </Card>
      )}
      {dialog === 'plan' && (
        <DrawPlanModal
          event={event}
          plan={plan}
          onClose={() => setDialog(null)}
          onDone={(next) => {
            setDialog(null);
            changed(next);
          }}
        />
      )}
      {dialog === 'seed' && (
        <FormModal
          title={t('events.draw.seedDialog.title')}
          form={seedForm}
          initialValues={{}}
          isDanger
          submit={async () => {
            const v = await validFields(seedForm);
            return v?.seed ? drawsApi.enterSeed(event.id, { seed: v.seed.trim() }) : null;
          }}
          onClose={() => setDialog(null)}
          onDone={(next) => {
            setDialog(null);
            changed(next);
          }}
          successText={t('events.draw.seedDialog.done')}
          okText={t('events.draw.seedDialog.ok')}
          testIds={{ modal: 'draw-seed-form', submit: 'draw-seed-ok', error: 'draw-seed-error' }}
        >
          <Alert type="warning" showIcon message={t('events.draw.seedDialog.once')} style={{ marginBottom: 16 }} />
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{t('events.draw.seedDialog.source', { source: plan?.seedSource ?? '' })}</Typography.Text>
            <Form.Item
              name="seed"
              label={t('events.draw.seed')}
              rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('events.draw.seed') }) }]}
            >
              <Input maxLength={DRAW_LIMITS.seed} data-testid="draw-seed-input" />
            </Form.Item>
          </Space>
        </FormModal>
      )}
    </div>
  );
}
