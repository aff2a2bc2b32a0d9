import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic, Tooltip } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { QUALITY_WEIGHTS, type Coverage } from '../../../common/coverage.js';
import { formatCount, formatPercent, formatScore } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { coverageApi } from './coverage.api.js';

/** The figures leaders look at first: 基层工会数, 覆盖企业数, 会员数, 职工数, 入会率, 建会率, 数据质量. */
export function CoverageCards({ coverage, below }: { coverage: Coverage | null; below?: Partial<Record<string, ReactNode>> }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'grassrootsUnions', label: t('coverage.grassrootsUnions'), value: coverage && formatCount(coverage.grassrootsUnions) },
    { key: 'employersCovered', label: t('coverage.employersCovered'), value: coverage && formatCount(coverage.employersCovered) },
    { key: 'members', label: t('coverage.members'), value: coverage && formatCount(coverage.members) },
    { key: 'employees', label: t('coverage.employees'), value: coverage && formatCount(coverage.employees) },
    {
      key: 'membershipRate',
      label: t('coverage.membershipRate'),
      help: t('coverage.membershipRateHelp'),
      value: coverage && formatPercent(coverage.membershipRate),
    },
    {
      key: 'unionisationRate',
      label: t('coverage.unionisationRate'),
      help: t('coverage.unionisationRateHelp'),
      value: coverage && formatPercent(coverage.unionisationRate),
    },
    {
      key: 'qualityScore',
      label: t('quality.score'),
      help: qualityHelp(t),
      value: coverage && formatScore(coverage.qualityScore),
    },
  ];
  return (
    <Row gutter={[12, 12]} className="stat-grid" data-testid="coverage-cards">
      {cards.map((card) => (
        <Col key={card.key} xs={12} sm={8} md={6} xl={{ flex: '1 1 0' }}>
          <Card size="small" data-testid={`stat-${card.key}`}>
            {coverage ? (
              <>
                <Statistic
                  title={
                    <span>
                      {card.label}
                      {card.help && (
                        <Tooltip title={card.help}>
                          <QuestionCircleOutlined style={{ marginInlineStart: 4 }} />
                        </Tooltip>
                      )}
                    </span>
                  }
                  value={card.value ?? ''}
                />
                {below?.[card.key]}
              </>
            ) : (
              <Skeleton active paragraph={false} />
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The tooltip that explains the data-quality score by its weights (QUALITY_WEIGHTS, as percentages). */
export function qualityHelp(t: TFunction): string {
  const percent = (w: number) => Math.round(w * 100);
  return t('quality.help', {
    completeness: percent(QUALITY_WEIGHTS.completeness),
    validIds: percent(QUALITY_WEIGHTS.validIds),
    uniqueIds: percent(QUALITY_WEIGHTS.uniqueIds),
  });
}

/** Loads and shows the coverage of one organisation (the 概况 tab). */
export function OrgCoverage({ orgId }: { orgId: number }) {
  const notify = useNotify();
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  useEffect(() => {
    let isCurrent = true;
    setCoverage(null);
    coverageApi
      .get(orgId)
      .then((c) => isCurrent && setCoverage(c))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, notify]);
  return <CoverageCards coverage={coverage} />;
}
