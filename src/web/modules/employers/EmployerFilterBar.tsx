import { Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { industrySections, type Employer, type IndustrySection } from '../../../common/employers.js';
import type { ListState } from '../../app/ListPage.js';
import type { EmployerFilters as Filters } from './employers.api.js';

/** Name (applied on Enter), covered or not, a minimum headcount (applied on Enter or leaving the box), industry. */
export function EmployerFilterBar({ list }: { list: ListState<Filters, Employer> }) {
  const { t } = useTranslation();
  const { draft, apply, edit } = list;
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('employer.searchName')}
        value={draft.q ?? ''}
        onChange={(e) => edit({ q: e.target.value || undefined })}
        onSearch={(q) => apply({ q: q.trim() || undefined })}
        style={{ width: 220 }}
        data-testid="employer-filter-q"
      />
      <Select
        allowClear
        placeholder={t('employer.field.covered')}
        value={draft.covered}
        onChange={(covered: 'yes' | 'no' | undefined) => apply({ covered })}
        options={[
          { value: 'yes', label: t('employer.covered.yes') },
          { value: 'no', label: t('employer.covered.no') },
        ]}
        style={{ width: 130 }}
        data-testid="employer-filter-covered"
      />
      <InputNumber
        min={0}
        precision={0}
        placeholder={t('employer.field.minHeadcount')}
        value={draft.minHeadcount ?? null}
        onChange={(n) => edit({ minHeadcount: n ?? undefined })}
        onPressEnter={() => apply({})}
        onBlur={() => apply({})}
        style={{ width: 150 }}
        data-testid="employer-filter-min-headcount"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('employer.field.industry')}
        value={draft.industry}
        onChange={(industry: IndustrySection | undefined) => apply({ industry })}
        options={industrySections.map((s) => ({ value: s, label: `${s} ${t(`employer.industry.${s}`)}` }))}
        style={{ width: 220 }}
        popupMatchSelectWidth={false}
        data-testid="employer-filter-industry"
      />
    </>
  );
}
