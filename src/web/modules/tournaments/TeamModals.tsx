import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddTeamsBody, DrawGroupsBody, type TournamentDetail } from '../../../common/tournaments.js';
import { FormModal } from '../../app/FormModal.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { tournamentsApi } from './tournaments.api.js';

/** "队名，组别，种子" per line (Chinese or ASCII commas) → teams; the number of the first bad line otherwise. */
export function parseTeamLines(text: string): AddTeamsBody['teams'] | { badLine: number } {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const teams: AddTeamsBody['teams'] = [];
  for (const [i, line] of lines.entries()) {
    const [name = '', category, seed] = line.split(/[,，\t]/).map((p) => p.trim());
    const seedNo = seed ? Number(seed) : undefined;
    if (!name || (seedNo !== undefined && !Number.isInteger(seedNo))) return { badLine: i + 1 };
    teams.push({ name, ...(category ? { category } : {}), ...(seedNo !== undefined ? { seed: seedNo } : {}) });
  }
  return teams;
}

/** 添加参赛队: one team per line, optionally all sent by one unit (a node of the tree). */
export function AddTeamsModal({ tournamentId, onClose, onDone }: { tournamentId: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ lines?: string }>();
  const [unitId, setUnitId] = useState<number | null>(null);
  return (
    <FormModal
      title={t('tournaments.team.add')}
      form={form}
      isEnterSubmit={false}
      submit={(v) => {
        const teams = parseTeamLines(v.lines ?? '');
        const body = Array.isArray(teams)
          ? AddTeamsBody.safeParse({ teams: teams.map((tm) => (unitId ? { ...tm, orgId: unitId } : tm)) })
          : null;
        if (!body?.success) {
          const line = Array.isArray(teams) ? 1 : teams.badLine;
          form.setFields([{ name: 'lines', errors: [t('tournaments.team.badLine', { line })] }]);
          return null;
        }
        return tournamentsApi.addTeams(tournamentId, body.data);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('tournaments.team.added')}
      testIds={{ modal: 'teams-form', submit: 'teams-ok', error: 'teams-error' }}
    >
      <Form.Item name="lines" label={t('tournaments.team.lines')} extra={t('tournaments.team.addHint')}>
        <Input.TextArea rows={10} data-testid="teams-lines" />
      </Form.Item>
      <Form.Item label={t('tournaments.team.unitOptional')}>
        <OrgSearch keepName onPick={(hit) => setUnitId(hit.id)} onClear={() => setUnitId(null)} testId="teams-unit" />
      </Form.Item>
    </FormModal>
  );
}

type DrawValues = { mode: 'categories' | 'groups'; categories?: string[]; groups?: number };

/** 编排小组赛: groups by category (in the order given) or a number of groups dealt by seed; fixtures follow. */
export function DrawGroupsModal({
  tournament,
  onClose,
  onDone,
}: {
  tournament: TournamentDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DrawValues>();
  const categories = [...new Set(tournament.teams.flatMap((tm) => (tm.category ? [tm.category] : [])))];
  const mode = Form.useWatch('mode', form) ?? (categories.length > 0 ? 'categories' : 'groups');
  return (
    <FormModal
      title={t('tournaments.draw.groups')}
      form={form}
      initialValues={{ mode: categories.length > 0 ? 'categories' : 'groups', categories, groups: 2 }}
      submit={(v) => {
        const body = DrawGroupsBody.safeParse(v.mode === 'categories' ? { categories: v.categories ?? [] } : { groups: v.groups });
        if (!body.success) {
          form.setFields([
            {
              name: v.mode,
              errors: [t('validation.invalid', { field: t(`tournaments.draw.${v.mode === 'groups' ? 'groupCount' : 'categories'}`) })],
            },
          ]);
          return null;
        }
        return tournamentsApi.drawGroups(tournament.id, body.data);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('tournaments.draw.drawn')}
      testIds={{ modal: 'groups-form', submit: 'groups-ok', error: 'groups-error' }}
    >
      <Form.Item name="mode">
        <Radio.Group
          options={[
            { value: 'categories', label: t('tournaments.draw.byCategory'), disabled: categories.length === 0 },
            { value: 'groups', label: t('tournaments.draw.byCount') },
          ]}
        />
      </Form.Item>
      {mode === 'categories' ? (
        <Form.Item name="categories" label={t('tournaments.draw.categories')}>
          <Select mode="multiple" options={categories.map((c) => ({ value: c, label: c }))} data-testid="groups-categories" />
        </Form.Item>
      ) : (
        <Form.Item name="groups" label={t('tournaments.draw.groupCount')}>
          <InputNumber min={1} max={16} precision={0} data-testid="groups-count" />
        </Form.Item>
      )}
    </FormModal>
  );
}
