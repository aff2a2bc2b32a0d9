import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../common/events.js';
import { DRAW_LIMITS, type EventDraws } from '../../../common/events.draw.js';
import type { Programme } from '../../../common/points.programmes.js';
import { useAuth } from '../../app/auth.js';
import { DateInput } from '../../app/DateInput.js';
import { FormModal } from '../../app/FormModal.js';
import { validFields } from '../../app/zodForm.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { programmesApi } from '../points/programmes.api.js';
import { drawsApi } from './events.api.js';
import { beijingMinute } from './sessionRows.js';

/** The Beijing day (YYYY-MM-DD) of an instant; the plan answers its window as [start of `from`, end of `to`). */
export const beijingDayOf = (iso: string, offsetMs = 0): string =>
  new Date(Date.parse(iso) + offsetMs + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** The plan's points window as the Beijing days declared (both included). */
export const rankingDays = (r: { from: string; to: string }) => ({ from: beijingDayOf(r.from), to: beijingDayOf(r.to, -1) });

/** Names of the units of a plan's quotas (the plan holds ids only); an id shows as #id until its name arrives. */
export function useOrgNames(ids: readonly number[]): (orgId: number) => string {
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  useEffect(() => {
    if (!key) return;
    void Promise.all(
      key.split(',').map((id) =>
        orgsApi
          .get(Number(id))
          .then((o): [number, string] => [o.id, o.name])
          .catch((): [number, string] => [Number(id), `#${id}`]),
      ),
    ).then((pairs) => setNames(new Map(pairs)));
  }, [key]);
  return (orgId) => names.get(orgId) ?? `#${orgId}`;
}

type QuotaRow = { sessionId?: number; orgId?: number; quota?: number | null };
type Values = { seedSource?: string; programmeId?: number; from?: string; to?: string; quotas?: QuotaRow[] };

/** A unit picked by name (the organisations' search) as a form control holding its id. */
function UnitPicker({
  value,
  onChange,
  nameOf,
}: {
  value?: number;
  onChange?: (orgId: number | undefined) => void;
  nameOf: (orgId: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <OrgSearch
      keepName
      initialText={value ? nameOf(value) : ''}
      placeholder={t('events.draw.plan.unit')}
      onPick={(hit) => onChange?.(hit.id)}
      onClear={() => onChange?.(undefined)}
      testId="draw-quota-unit"
      style={{ width: 220 }}
    />
  );
}

/**
 * 公布抽签规则: the public source of the seed (named before anyone can know it), quotas per session and unit, and for a
 * points ranking the programme and the days whose earned points count. Correctable until the first freeze.
 */
export function DrawPlanModal({
  event,
  plan,
  onClose,
  onDone,
}: {
  event: EventDetail;
  plan: EventDraws['plan'];
  onClose: () => void;
  onDone: (draws: EventDraws) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { me } = useAuth();
  const [programmes, setProgrammes] = useState<Programme[]>([]);
  const nameOf = useOrgNames(plan?.quotas.map((q) => q.orgId) ?? []);
  const isRanking = event.selection === 'points_ranking';
  const hasQuotas = event.selection !== 'preferences';
  // The programme may belong to a higher union than the event (a district's points for a street's trip): list those
  // under each of the caller's grants as well as under the event's own union.
  const roots = [...new Set([event.orgId, ...(me?.grants ?? []).map((g) => g.orgId)])].join(',');
  useEffect(() => {
    if (!isRanking) return;
    Promise.all(roots.split(',').map((orgId) => programmesApi.list(Number(orgId), undefined, 100).catch(() => ({ items: [] }))))
      .then((pages) => setProgrammes([...new Map(pages.flatMap((p) => p.items).map((p) => [p.id, p])).values()]))
      .catch(() => setProgrammes([]));
  }, [isRanking, roots]);
  const initialValues: Values = {
    seedSource: plan?.seedSource,
    quotas: plan?.quotas ?? [],
    ...(plan?.ranking ? { programmeId: plan.ranking.programmeId, ...rankingDays(plan.ranking) } : {}),
  };
  const submit = async (): Promise<EventDraws | null> => {
    const v = await validFields(form);
    if (!v) return null;
    const quotas = (v.quotas ?? []).flatMap((q) =>
      q.sessionId && q.orgId && q.quota ? [{ sessionId: q.sessionId, orgId: q.orgId, quota: q.quota }] : [],
    );
    return drawsApi.declarePlan(event.id, {
      seedSource: (v.seedSource ?? '').trim(),
      quotas,
      ...(isRanking && v.programmeId && v.from && v.to ? { ranking: { programmeId: v.programmeId, from: v.from, to: v.to } } : {}),
    });
  };
  const required = (label: string) => [{ required: true, message: t('validation.required', { field: label }) }];
  return (
    <FormModal
      title={t('events.draw.plan.title')}
      form={form}
      initialValues={initialValues}
      submit={() => submit()}
      onClose={onClose}
      onDone={onDone}
      successText={t('events.draw.plan.done')}
      okText={t('common.ok')}
      width={720}
      isEnterSubmit={false}
      testIds={{ modal: 'draw-plan-form', submit: 'draw-plan-ok', error: 'draw-plan-error' }}
    >
      <Form.Item
        name="seedSource"
        label={t('events.draw.seedSource')}
        extra={t('events.draw.plan.seedSourceHelp')}
        rules={[...required(t('events.draw.seedSource')), { max: DRAW_LIMITS.text }]}
      >
        <Input placeholder={t('events.draw.plan.seedSourceExample')} maxLength={DRAW_LIMITS.text} data-testid="draw-seed-source" />
      </Form.Item>
      {isRanking && (
        <>
          <Form.Item name="programmeId" label={t('events.draw.plan.programme')} rules={required(t('events.draw.plan.programme'))}>
            <Select options={programmes.map((p) => ({ value: p.id, label: `${p.name} · ${p.orgName}` }))} data-testid="draw-programme" />
          </Form.Item>
          <Space>
            <Form.Item name="from" label={t('events.draw.plan.from')} rules={required(t('events.draw.plan.from'))}>
              <DateInput testId="draw-from" />
            </Form.Item>
            <Form.Item name="to" label={t('events.draw.plan.to')} rules={required(t('events.draw.plan.to'))}>
              <DateInput testId="draw-to" />
            </Form.Item>
          </Space>
        </>
      )}
      {hasQuotas && (
        <>
          <Typography.Paragraph type="secondary">{t('events.draw.plan.quotasHelp')}</Typography.Paragraph>
          <Form.List name="quotas">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'sessionId']} rules={required(t('events.field.sessions'))}>
                      <Select
                        style={{ width: 220 }}
                        placeholder={t('events.field.sessions')}
                        options={event.sessions.map((s) => ({ value: s.id, label: `${beijingMinute(s.startsAt)} ${s.place}` }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'orgId']} rules={required(t('events.draw.plan.unit'))}>
                      <UnitPicker nameOf={nameOf} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'quota']} rules={required(t('events.draw.plan.quota'))}>
                      <InputNumber min={1} max={DRAW_LIMITS.places} precision={0} placeholder={t('events.draw.plan.quota')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('events.remove')} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="draw-quota-add">
                  {t('events.draw.plan.addQuota')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
    </FormModal>
  );
}
