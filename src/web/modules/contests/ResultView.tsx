import { Alert, Descriptions, List, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContestDetail, ContestResult, Entry } from '../../../common/contests.js';
import { CardTable } from '../../app/CardTable.js';
import { useRuleLocale } from './RulesPanel.js';

type Ranked = ContestResult['ranking'][number];

const balances = ['complete', 'declared', 'unbalanced'] as const;
const balanceOf = (b: string): (typeof balances)[number] => balances.find((x) => x === b) ?? 'unbalanced';

/** Which rule ran, in words: trimmed or plain mean (for how many entries), normalisation applied or not and why. */
export function RuleRan({ contest, result }: { contest: ContestDetail; result: ContestResult }) {
  const { t } = useTranslation();
  const locale = useRuleLocale();
  const r = result.rule;
  const skipped = contest.normalisation === 'robust-z' && r.normalisation === 'none';
  return (
    <Alert
      type="info"
      showIcon
      data-testid="result-rule"
      message={t('contests.results.ruleRan')}
      description={
        <Space direction="vertical" size={4}>
          <span data-testid="result-rule-summary">{result.summary[locale]}</span>
          <Space wrap>
            {r.trimmedEntries > 0 && <Tag color="blue">{t('contests.results.trimmed', { count: r.trimmedEntries })}</Tag>}
            {r.plainMeanEntries > 0 && <Tag>{t('contests.results.plain', { count: r.plainMeanEntries })}</Tag>}
            <Tag color={r.normalisation === 'none' ? 'default' : 'purple'}>{t(`contests.results.normalised.${r.normalisation}`)}</Tag>
            {skipped && <Tag color="orange">{t('contests.results.normalisationSkipped')}</Tag>}
          </Space>
          {r.normalisation === 'robust-z' && (
            <span data-testid="result-rule-balance">
              {t(`contests.results.balance.${balanceOf(r.balance)}`, { design: r.balancedDesign ?? '' })}
            </span>
          )}
        </Space>
      }
    />
  );
}

/** The ranking with awards and the showcase, the shortfalls stated, the unit awards. */
export function ResultView({ contest, result, entries }: { contest: ContestDetail; result: ContestResult; entries: Entry[] }) {
  const { t } = useTranslation();
  const entry = new Map(entries.map((e) => [e.id, e]));
  const unitName = new Map(entries.map((e) => [e.orgId, e.orgName]));
  const awards = new Map<number, string[]>();
  for (const f of [...result.ladder, ...result.criterionPrizes])
    for (const id of f.winners) awards.set(id, [...(awards.get(id) ?? []), f.name]);
  const showcase = new Set(result.showcase);
  const tiers = [...result.ladder, ...result.criterionPrizes, ...(result.unitAward ? [result.unitAward] : [])];
  const short = tiers.filter((f) => f.shortfall > 0);
  const columns: TableColumnsType<Ranked> = [
    { title: t('contests.results.rank'), dataIndex: 'rank', width: 60, align: 'right' },
    {
      title: t('contests.entries.title'),
      key: 'title',
      width: 200,
      render: (_: unknown, r: Ranked) => entry.get(r.entryId)?.title ?? `#${r.entryId}`,
    },
    { title: t('contests.entries.unit'), key: 'unit', width: 180, render: (_: unknown, r: Ranked) => entry.get(r.entryId)?.orgName },
    { title: t('contests.results.score'), dataIndex: 'score', width: 90, align: 'right' },
    {
      title: t('contests.results.awards'),
      key: 'awards',
      render: (_: unknown, r: Ranked) => (
        <Space wrap size={2} data-testid={`result-awards-${r.entryId}`}>
          {(awards.get(r.entryId) ?? []).map((a) => (
            <Tag key={a} color="gold">
              {a}
            </Tag>
          ))}
          {showcase.has(r.entryId) && <Tag color="green">{t('contests.results.showcase')}</Tag>}
          {r.decidedByChief && <Tag color="orange">{t('contests.results.decidedByChief')}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <RuleRan contest={contest} result={result} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="result-tiers">
        {tiers.map((f) => (
          <Descriptions.Item key={f.tierId} label={f.name}>
            {t('contests.results.filled', { filled: f.winners.length, quota: f.quota })}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('contests.results.showcase')}>{result.showcase.length}</Descriptions.Item>
      </Descriptions>
      {short.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="result-shortfalls"
          message={short.map((f) => t('contests.results.shortfall', { name: f.name, count: f.shortfall })).join('；')}
        />
      )}
      <CardTable
        title={t('contests.results.ranking')}
        columns={columns}
        rows={result.ranking}
        rowKey="entryId"
        scrollX={700}
        testId="result-ranking"
      />
      {result.unitAward && (
        <List
          header={result.unitAward.name}
          size="small"
          bordered
          data-testid="result-unit-award"
          dataSource={result.unitAward.winners}
          renderItem={(orgId) => <List.Item>{unitName.get(orgId) ?? `#${orgId}`}</List.Item>}
        />
      )}
      <Typography.Text type="secondary">{t('contests.results.scoreNote')}</Typography.Text>
    </Space>
  );
}
