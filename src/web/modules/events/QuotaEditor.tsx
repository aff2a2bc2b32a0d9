import { Button, InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgSearch } from '../orgs/OrgSearch.js';

/** One unit's quota being edited: `taken` places already held (0 for a new session) — the places never go below. */
export type QuotaRow = { orgId: number; orgName: string; places: number | null; taken: number };

/**
 * The units and places of a set of quotas (单位名额): units picked by the org search, places each, a unit with places
 * taken kept. Serves the quota dialog of a session and the new event's form (the same quotas for every session).
 */
export function QuotaEditor({ rows, onChange, max }: { rows: QuotaRow[]; onChange: (rows: QuotaRow[]) => void; max?: number }) {
  const { t } = useTranslation();
  const setPlaces = (orgId: number, places: number | null) => onChange(rows.map((r) => (r.orgId === orgId ? { ...r, places } : r)));
  return (
    <>
      <OrgSearch
        placeholder={t('events.quota.search')}
        onPick={(hit) => {
          if (!rows.some((r) => r.orgId === hit.id)) onChange([...rows, { orgId: hit.id, orgName: hit.name, places: 1, taken: 0 }]);
        }}
        testId="quota-unit-search"
        style={{ width: '100%', marginBottom: 8 }}
      />
      <Table
        rowKey="orgId"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="quota-rows"
        locale={{ emptyText: t('events.quota.none') }}
        columns={[
          { title: t('events.quota.unit'), dataIndex: 'orgName' },
          {
            title: t('events.quota.places'),
            key: 'places',
            width: 140,
            render: (_: unknown, r: QuotaRow) => (
              <InputNumber
                min={Math.max(1, r.taken)}
                max={max}
                precision={0}
                value={r.places}
                onChange={(v) => setPlaces(r.orgId, v)}
                data-testid={`quota-places-${r.orgId}`}
              />
            ),
          },
          {
            key: 'remove',
            width: 80,
            render: (_: unknown, r: QuotaRow) => (
              <Button size="small" type="link" disabled={r.taken > 0} onClick={() => onChange(rows.filter((x) => x.orgId !== r.orgId))}>
                {t('events.quota.remove')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
