import { Button, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { meetingKinds, type Meeting } from '../../../common/outreach.js';
import { DateInput } from '../../app/DateInput.js';
import type { ListState } from '../../app/ListPage.js';
import { thisYear } from './outreach.api.js';
import type { OutreachFilter } from './useOutreach.js';

/** The period (from – to, or this year) and the meeting kind; a half-typed period is marked, not applied. */
export function OutreachFilters({ list, isPeriodValid }: { list: ListState<OutreachFilter, Meeting>; isPeriodValid: boolean }) {
  const { t } = useTranslation();
  const { from, to, kind } = list.draft;
  const status = isPeriodValid ? undefined : 'error';
  return (
    <>
      <Typography.Text>{t('outreach.period')}</Typography.Text>
      <DateInput
        value={from}
        onChange={(day) => list.apply({ from: day ?? '' })}
        status={status}
        style={{ width: 150 }}
        testId="outreach-from"
      />
      <span>–</span>
      <DateInput value={to} onChange={(day) => list.apply({ to: day ?? '' })} status={status} style={{ width: 150 }} testId="outreach-to" />
      <Button onClick={() => list.apply(thisYear())}>{t('outreach.thisYear')}</Button>
      <Select
        allowClear
        placeholder={t('outreach.kind')}
        value={kind}
        onChange={(k: Meeting['kind'] | undefined) => list.apply({ kind: k })}
        options={meetingKinds.map((k) => ({ value: k, label: t(`outreach.meetingKind.${k}`) }))}
        style={{ width: 150 }}
        data-testid="outreach-kind"
      />
    </>
  );
}
