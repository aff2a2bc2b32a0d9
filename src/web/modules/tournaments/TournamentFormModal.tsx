import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CreateTournamentBody,
  heatTieRules,
  tieBreaks,
  tournamentKinds,
  type TournamentDetail,
  type TournamentKind,
} from '../../../common/tournaments.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { tournamentsApi } from './tournaments.api.js';

type Values = {
  name?: string;
  kind: TournamentKind;
  tieBreaks: (typeof tieBreaks)[number][];
  qualifiers?: number;
  lanes?: number;
  finalists?: number;
  byPlace?: number;
  heatTieRule: (typeof heatTieRules)[number];
  prizes?: number;
  merits?: number;
  lotsSeed?: string;
};

/** 新建赛事: name, kind and its declared rules — the tie-break order for a league, lanes and progression for heats. */
export function TournamentFormModal({
  orgId,
  onClose,
  onDone,
}: {
  orgId: number;
  onClose: () => void;
  onDone: (t: TournamentDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'league_knockout';
  const labels = Object.fromEntries(
    ['name', 'qualifiers', 'lanes', 'finalists', 'byPlace', 'prizes', 'merits', 'tieBreaks', 'lotsSeed'].map((k) => [
      k,
      t(`tournaments.field.${k}` as 'tournaments.field.name'),
    ]),
  );
  const number = (name: keyof Values, max: number) => (
    <Form.Item name={name} label={t(`tournaments.field.${name}` as 'tournaments.field.name')}>
      <InputNumber min={0} max={max} precision={0} data-testid={`tournament-${name}`} />
    </Form.Item>
  );
  return (
    <FormModal
      title={t('tournaments.create')}
      form={form}
      initialValues={{ kind: 'league_knockout', tieBreaks: [...tieBreaks], heatTieRule: 'lots', qualifiers: 2 }}
      width={640}
      submit={(v) => {
        const league = v.kind === 'league_knockout';
        const body = parseWithSchema(
          CreateTournamentBody,
          {
            orgId,
            name: v.name,
            kind: v.kind,
            ...(league ? { tieBreaks: v.tieBreaks, qualifiers: v.qualifiers ?? undefined } : {}),
            ...(league
              ? {}
              : {
                  lanes: v.lanes ?? undefined,
                  finalists: v.finalists ?? undefined,
                  byPlace: v.byPlace ?? undefined,
                  heatTieRule: v.heatTieRule,
                }),
            prizes: v.prizes ?? 0,
            merits: v.merits ?? 0,
            ...(v.lotsSeed ? { lotsSeed: v.lotsSeed } : {}),
          },
          form,
          labels,
          t,
        );
        return body && tournamentsApi.create(body);
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('common.ok')}
      testIds={{ modal: 'tournament-form', submit: 'tournament-ok', error: 'tournament-error' }}
    >
      <Form.Item name="name" label={t('tournaments.field.name')} required>
        <Input data-testid="tournament-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('tournaments.field.kind')} required>
        <Select options={tournamentKinds.map((k) => ({ value: k, label: t(`tournaments.kind.${k}`) }))} data-testid="tournament-kind" />
      </Form.Item>
      {kind === 'league_knockout' ? (
        <>
          <Form.Item name="tieBreaks" label={t('tournaments.field.tieBreaks')}>
            <Select
              mode="multiple"
              options={tieBreaks.map((k) => ({ value: k, label: t(`tournaments.tieBreak.${k}`) }))}
              data-testid="tournament-tie-breaks"
            />
          </Form.Item>
          {number('qualifiers', 64)}
        </>
      ) : (
        <>
          <Space wrap>
            {number('lanes', 12)}
            {number('finalists', 12)}
            {number('byPlace', 12)}
          </Space>
          <Form.Item name="heatTieRule" label={t('tournaments.field.heatTieRule')}>
            <Select options={heatTieRules.map((k) => ({ value: k, label: t(`tournaments.heatTieRule.${k}`) }))} />
          </Form.Item>
        </>
      )}
      <Space wrap>
        {number('prizes', 12)}
        {number('merits', 12)}
      </Space>
      <Form.Item name="lotsSeed" label={t('tournaments.field.lotsSeed')}>
        <Input data-testid="tournament-seed" />
      </Form.Item>
    </FormModal>
  );
}
