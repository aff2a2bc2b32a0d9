import { Alert, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateContestBody, UpdateContestBody, type ContestDetail } from '../../../common/contests.js';
import { FormModal } from '../../app/FormModal.js';
import type { TFunction } from 'i18next';
import { issueMessage } from '../../app/zodForm.js';
import { contestsApi } from './contests.api.js';
import { RulesFields } from './RulesFields.js';

type Row = Record<string, unknown>;
type Values = {
  name?: string;
  normalisation?: string;
  panelSize?: number | null;
  showcaseSize?: number | null;
  noticeDays?: number | null;
  criteria?: Row[];
  tiers?: Row[];
};

const clean = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined && v !== ''));

function toBody(v: Values): Row {
  const tiers = (v.tiers ?? []).map((r) => {
    const row = clean(r);
    return { ...row, criterionIndex: typeof row.criterionIndex === 'number' ? row.criterionIndex - 1 : undefined };
  });
  return clean({ ...v, criteria: (v.criteria ?? []).map(clean), tiers });
}

function fromContest(c: ContestDetail): Values {
  return {
    ...c,
    criteria: c.criteria.map((k) => ({ ...k })),
    tiers: c.tiers.map((tier) => ({
      ...tier,
      criterionIndex: tier.criterionId === null ? null : c.criteria.findIndex((k) => k.id === tier.criterionId) + 1,
    })),
  };
}

const fieldKeys = ['name', 'normalisation', 'panelSize', 'showcaseSize', 'noticeDays', 'criteria', 'tiers'] as const;
const rowKeys = ['name', 'weight', 'maxScore', 'decimals', 'tieBreakRank', 'kind', 'quota', 'criterionIndex', 'unitRule'] as const;
const isOf = <K extends string>(keys: readonly K[], k: string | undefined): k is K => keys.includes(k as K);

/** A refused value in words: the field, or the list, its row and the row's field. */
function problemText(issue: Parameters<typeof issueMessage>[0], values: Row, t: TFunction): string {
  const [field, row, sub] = issue.path.map(String);
  const fieldLabel = isOf(fieldKeys, field) ? t(`contests.field.${field}`) : (field ?? '');
  if (row === undefined) return issueMessage(issue, fieldLabel, values[field ?? ''], t);
  const subLabel = isOf(rowKeys, sub) ? t(`contests.rowField.${sub}`) : '';
  return issueMessage(issue, t('contests.field.rowOf', { list: fieldLabel, row: Number(row) + 1, field: subLabel }), 1, t);
}

const blank: Values = {
  normalisation: 'none',
  panelSize: 5,
  noticeDays: 7,
  criteria: [{ weight: 1, maxScore: 10, decimals: 2 }],
  tiers: [],
};

/** 新建 / 修改竞赛: the rules declared before judging — criteria with weights and maxima, tiers and quotas, tie-break chain. */
export function ContestFormModal({
  orgId,
  contest,
  onClose,
  onDone,
}: {
  orgId: number;
  contest?: ContestDetail;
  onClose: () => void;
  onDone: (c: ContestDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [problems, setProblems] = useState<string[]>([]);
  return (
    <FormModal
      title={contest ? t('contests.edit') : t('contests.create')}
      form={form}
      initialValues={contest ? fromContest(contest) : blank}
      width={880}
      submit={(v) => {
        const values = toBody(v);
        const parsed = contest ? UpdateContestBody.safeParse(values) : CreateContestBody.safeParse({ ...values, orgId });
        if (!parsed.success) {
          setProblems(parsed.error.issues.map((issue) => problemText(issue, values, t)));
          return null;
        }
        setProblems([]);
        return contest
          ? contestsApi.update(contest.id, parsed.data as UpdateContestBody)
          : contestsApi.create(parsed.data as CreateContestBody);
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('common.ok')}
      isEnterSubmit={false}
      testIds={{ modal: 'contest-modal', submit: 'contest-ok', error: 'contest-error' }}
    >
      {problems.length > 0 && (
        <Alert type="error" showIcon message={problems.join('；')} style={{ marginBottom: 12 }} data-testid="contest-problems" />
      )}
      <RulesFields />
    </FormModal>
  );
}
