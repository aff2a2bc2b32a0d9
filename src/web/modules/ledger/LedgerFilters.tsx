import { Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ledgerKinds, type LedgerEntry, type LedgerKind, type LedgerReach } from '../../../common/ledger.js';
import type { ListState } from '../../app/ListPage.js';
import { ledgerYears, type LedgerFilter } from './ledger.api.js';

/** The year, the kind, and whether the node's own entries or its whole subtree's are listed. */
export function LedgerFilters({ list }: { list: ListState<LedgerFilter, LedgerEntry> }) {
  const { t } = useTranslation();
  const { year, kind, reach } = list.draft;
  return (
    <>
      <YearSelect value={year} onChange={(y) => list.apply({ year: y })} />
      <Select<LedgerKind>
        allowClear
        placeholder={t('ledger.allKinds')}
        value={kind}
        onChange={(k) => list.apply({ kind: k })}
        options={ledgerKinds.map((k) => ({ value: k, label: t(`ledger.kinds.${k}`) }))}
        style={{ width: 180 }}
        data-testid="ledger-kind-filter"
      />
      <Segmented<LedgerReach>
        value={reach}
        onChange={(r) => list.apply({ reach: r })}
        options={[
          { value: 'node', label: t('ledger.reach.node') },
          { value: 'subtree', label: t('ledger.reach.subtree') },
        ]}
        data-testid="ledger-reach"
      />
    </>
  );
}

export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      options={ledgerYears().map((y) => ({ value: y, label: t('ledger.yearValue', { year: y }) }))}
      style={{ width: 110 }}
      aria-label={t('ledger.year')}
      data-testid="ledger-year"
    />
  );
}
