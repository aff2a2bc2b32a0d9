import { DownloadOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVEAL_ACTIONS, type AuditRecord } from '../../../common/audit.js';
import { auditActionLabel, auditActions } from '../../../common/audit.actions.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { currentLocale } from '../../i18n/index.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { useAuditColumns } from './auditColumns.js';
import { usersApi, type AuditFilter } from './users.api.js';
import { DatePicker } from '../../app/dates.js';

const PAGE_SIZE = 50;
const REVEALS = 'reveals';

/** 操作日志: who did what to which record, in words, newest first; filtered by organisation, action, person, result and days; exported to Excel. */
export function AuditPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const locale = currentLocale();
  const list = useList((filter: AuditFilter, cursor) => usersApi.audit(filter, cursor, PAGE_SIZE), { initial: {} });
  const set = list.apply;
  const [isExporting, setExporting] = useState(false);
  const columns = useAuditColumns();
  const actionOptions = [
    { value: REVEALS, label: t('audit.actions.reveals') },
    ...auditActions().map((a) => ({ value: a, label: auditActionLabel(a, locale) })),
  ];
  const exportFile = () => {
    setExporting(true);
    usersApi
      .exportAudit(list.draft)
      .catch(notify.error)
      .finally(() => setExporting(false));
  };

  return (
    <ListPage
      list={list}
      columns={columns}
      testId="audit"
      containerTestId="audit-page"
      title={t('audit.title')}
      scrollX={1200}
      actions={
        <Button icon={<DownloadOutlined />} loading={isExporting} onClick={exportFile} data-testid="audit-export">
          {t('audit.export')}
        </Button>
      }
      filters={
        <>
          <OrgSearch
            testId="audit-org"
            keepName
            placeholder={t('audit.allOrgs')}
            onPick={(hit) => set({ orgId: hit.id })}
            onClear={() => set({ orgId: undefined })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('audit.filterAction')}
            style={{ width: 180 }}
            options={actionOptions}
            onChange={(a: string | undefined) => set({ action: a === REVEALS ? REVEAL_ACTIONS.join(',') : a })}
            data-testid="audit-action"
          />
          <Input.Search
            allowClear
            placeholder={t('audit.filterUsername')}
            style={{ width: 170 }}
            onSearch={(v) => set({ username: v.trim() || undefined })}
            data-testid="audit-username"
          />
          <Select
            allowClear
            placeholder={t('audit.filterResult')}
            style={{ width: 110 }}
            options={(['ok', 'denied', 'failed'] as const).map((r) => ({ value: r, label: t(`audit.results.${r}`) }))}
            onChange={(r: AuditRecord['result'] | undefined) => set({ result: r })}
            data-testid="audit-result"
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('audit.filterFrom'), t('audit.filterTo')]}
            style={{ width: 280 }}
            // The picker's end day is inclusive; the list's `to` is exclusive (Beijing days, half-open).
            onChange={(days) =>
              set({
                from: days?.[0]?.format('YYYY-MM-DD'),
                to: days?.[1] ? days[1].add(1, 'day').format('YYYY-MM-DD') : undefined,
              })
            }
            data-testid="audit-days"
          />
        </>
      }
    />
  );
}
