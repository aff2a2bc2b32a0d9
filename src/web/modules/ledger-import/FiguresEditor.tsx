import { Checkbox, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FigureRow } from './draft.js';

/** The proposed figures, each kept or dropped, its value, unit and what it counts correctable. */
export function FiguresEditor({
  rows,
  onChange,
  disabled,
}: {
  rows: FigureRow[];
  onChange: (rows: FigureRow[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<FigureRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {rows.map((r, i) => (
        <Space key={i} wrap data-testid={`ledger-import-figure-${i}`}>
          <Checkbox checked={r.include} disabled={disabled} onChange={(e) => set(i, { include: e.target.checked })}>
            {t('ledgerImport.field.include')}
          </Checkbox>
          <InputNumber
            aria-label={t('ledgerImport.field.value')}
            value={r.value}
            min={0}
            disabled={disabled}
            onChange={(v) => set(i, { value: v ?? 0 })}
          />
          <Input
            aria-label={t('ledgerImport.field.unit')}
            placeholder={t('ledgerImport.field.unit')}
            value={r.unit}
            style={{ width: 70 }}
            disabled={disabled}
            onChange={(e) => set(i, { unit: e.target.value })}
          />
          <Input
            aria-label={t('ledgerImport.field.counts')}
            placeholder={t('ledgerImport.field.counts')}
            value={r.counts}
            style={{ width: 160 }}
            disabled={disabled}
            onChange={(e) => set(i, { counts: e.target.value })}
          />
          <Checkbox checked={r.approximate} disabled={disabled} onChange={(e) => set(i, { approximate: e.target.checked })}>
            {t('ledgerImport.field.approximate')}
          </Checkbox>
          <Typography.Text type="secondary">{r.snippet}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
