import { Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayOf, monthOf } from '../../../common/beijing-time.js';
import { maskName } from '../../../common/identity.js';
import type { RankingRow } from '../../../common/points.programmes.js';
import { useNotify } from '../../app/notify.js';
import { programmesApi } from './programmes.api.js';
import { DatePicker, dayjs } from '../../app/dates.js';

const DAY = 'YYYY-MM-DD';
/** Members shown: the route's default, enough for a notice board. */
const RANKING_ROWS = 20;

/** This month on Beijing's calendar, up to today: the ranking's window when the page opens. */
export function thisBeijingMonth(now = new Date()): [string, string] {
  return [`${monthOf(now)}-01`, dayOf(now)];
}

/** 积分排行: members by points EARNED (awards not reversed) in a window of Beijing days, not by balance. */
export function ProgrammeRanking({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [[from, to], setWindow] = useState<[string, string]>(() => thisBeijingMonth());
  const [rows, setRows] = useState<RankingRow[] | null>(null);
  useEffect(() => {
    let isCurrent = true;
    setRows(null);
    programmesApi
      .ranking(programmeId, from, to, RANKING_ROWS)
      .then((r) => isCurrent && setRows(r.items))
      .catch((error: unknown) => {
        if (isCurrent) setRows([]);
        notify.error(error);
      });
    return () => {
      isCurrent = false;
    };
  }, [programmeId, from, to, notify]);
  return (
    <div data-testid="programme-ranking">
      <div className="filters" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('programmes.rankingWindow')}</Typography.Text>{' '}
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(from, DAY), dayjs(to, DAY)]}
          format={DAY}
          // Both days are included: the route counts Beijing days from..to.
          onChange={(days) => {
            const [start, end] = days ?? [];
            if (start && end) setWindow([start.format(DAY), end.format(DAY)]);
          }}
          data-testid="ranking-days"
        />
      </div>
      <Table<RankingRow>
        size="small"
        rowKey="memberId"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('programmes.noRanking') }}
        columns={[
          { title: t('programmes.rank'), dataIndex: 'rank', width: 70 },
          { title: t('programmes.member'), dataIndex: 'name', width: 120, render: (name: string) => maskName(name) },
          { title: t('programmes.unit'), dataIndex: 'orgName' },
          { title: t('programmes.earned'), dataIndex: 'earned', width: 100, align: 'right' },
        ]}
      />
    </div>
  );
}
