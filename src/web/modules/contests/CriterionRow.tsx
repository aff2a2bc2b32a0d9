import { Button, InputNumber, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../common/contests.js';
import { scoreProblem } from './sheetMath.js';

/** One criterion of a score sheet: its maximum, weight and decimals, the score input, what is wrong with it; 修改 once submitted. */
export function CriterionRow({
  c,
  value,
  isLocked,
  onChange,
  onAmend,
}: {
  c: Criterion;
  value: number | null;
  isLocked: boolean;
  onChange: (v: number | null) => void;
  onAmend: () => void;
}) {
  const { t } = useTranslation();
  const problem = scoreProblem(c, value);
  return (
    <List.Item data-testid={`sheet-row-${c.id}`}>
      <div style={{ width: '100%' }}>
        <Typography.Text strong>{c.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          {t('contests.sheet.bounds', { max: c.maxScore, weight: c.weight, decimals: c.decimals })}
        </Typography.Text>
        <Space style={{ display: 'flex', marginTop: 6 }}>
          <InputNumber
            value={value}
            onChange={(v) => onChange(typeof v === 'number' ? v : null)}
            disabled={isLocked}
            step={10 ** -c.decimals}
            inputMode="decimal"
            status={problem ? 'error' : undefined}
            style={{ width: 140 }}
            data-testid={`score-input-${c.id}`}
          />
          {isLocked && (
            <Button size="small" onClick={onAmend} data-testid={`sheet-amend-${c.id}`}>
              {t('contests.sheet.amend')}
            </Button>
          )}
        </Space>
        {problem && (
          <Typography.Text type="danger" data-testid={`score-problem-${c.id}`}>
            {t(`contests.sheet.problem.${problem}`, { max: c.maxScore, decimals: c.decimals })}
          </Typography.Text>
        )}
      </div>
    </List.Item>
  );
}
