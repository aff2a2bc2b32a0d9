import { Descriptions, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContestDetail, Criterion, Tier } from '../../../common/contests.js';
import { CardTable } from '../../app/CardTable.js';
import { RulesPanel } from './RulesPanel.js';
import { beijingDay } from './time.js';

/** The declared chain: criteria by their tie-break place, then the chief judge's recorded decision. */
export function useTieBreakText(contest: ContestDetail): string {
  const { t } = useTranslation();
  const chain = contest.criteria.filter((c) => c.tieBreakRank !== null).sort((a, b) => (a.tieBreakRank ?? 0) - (b.tieBreakRank ?? 0));
  return [...chain.map((c) => c.name), t('contests.settings.chiefDecision')].join(' → ');
}

/** 基本设置: the rules as declared — criteria, tiers and quotas, tie-break chain, showcase, normalisation, notice. */
export function ContestSettingsTab({ contest }: { contest: ContestDetail }) {
  const { t } = useTranslation();
  const tieBreak = useTieBreakText(contest);
  const criterionColumns: TableColumnsType<Criterion> = [
    { title: t('contests.rowField.name'), dataIndex: 'name' },
    { title: t('contests.rowField.weight'), dataIndex: 'weight', width: 80, align: 'right' },
    { title: t('contests.rowField.maxScore'), dataIndex: 'maxScore', width: 80, align: 'right' },
    { title: t('contests.rowField.decimals'), dataIndex: 'decimals', width: 80, align: 'right' },
    {
      title: t('contests.rowField.tieBreakRank'),
      dataIndex: 'tieBreakRank',
      width: 100,
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
  ];
  const tierColumns: TableColumnsType<Tier> = [
    { title: t('contests.rowField.name'), dataIndex: 'name' },
    { title: t('contests.rowField.kind'), dataIndex: 'kind', width: 120, render: (k: Tier['kind']) => t(`contests.tierKind.${k}`) },
    { title: t('contests.rowField.quota'), dataIndex: 'quota', width: 80, align: 'right' },
    {
      title: t('contests.settings.basis'),
      key: 'basis',
      width: 180,
      render: (_: unknown, tier: Tier) =>
        tier.criterionId !== null
          ? contest.criteria.find((c) => c.id === tier.criterionId)?.name
          : tier.unitRule && t(`contests.unitRule.${tier.unitRule}`),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="contest-settings">
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('contests.field.normalisation')}>
          {t(`contests.normalisation.${contest.normalisation}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('contests.field.panelSize')}>{contest.panelSize}</Descriptions.Item>
        <Descriptions.Item label={t('contests.field.showcaseSize')}>{contest.showcaseSize ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('contests.field.noticeDays')}>
          {contest.noticeDays}
          {contest.noticeEndsAt && (
            <Tag style={{ marginLeft: 8 }}>{t('contests.results.noticeEnds', { date: beijingDay(contest.noticeEndsAt) })}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('contests.settings.tieBreak')} span={2}>
          <span data-testid="contest-tie-break">{tieBreak}</span>
        </Descriptions.Item>
      </Descriptions>
      <CardTable
        title={t('contests.field.criteria')}
        columns={criterionColumns}
        rows={contest.criteria}
        rowKey="id"
        scrollX={500}
        testId="contest-criteria"
      />
      <CardTable
        title={t('contests.field.tiers')}
        columns={tierColumns}
        rows={contest.tiers}
        rowKey="id"
        scrollX={500}
        testId="contest-tiers"
      />
      <RulesPanel isOpen />
    </Space>
  );
}
