import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEDGER_LIMITS, type LedgerOrgRef } from '../../../common/ledger.js';
import { OrgSearch } from '../orgs/OrgSearch.js';

/** 协办单位: nodes of the tree picked with the organisation search, shown as tags that can be removed. */
export function CoOrganisersPicker({
  value = [],
  onChange,
  excludeOrgId,
  testId = 'ledger-co-org-search',
}: {
  value?: LedgerOrgRef[];
  onChange?: (next: LedgerOrgRef[]) => void;
  /** The organising node, which cannot also co-organise (none yet: any node may be picked). */
  excludeOrgId: number | undefined;
  /** The search box's test id (several pickers on one page: a card of each proposed entry). */
  testId?: string;
}) {
  const { t } = useTranslation();
  const picked = new Set(value.map((o) => o.orgId));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.length > 0 && (
        <div data-testid="ledger-co-orgs">
          {value.map((o) => (
            <Tag
              key={o.orgId}
              closable
              onClose={() => onChange?.(value.filter((x) => x.orgId !== o.orgId))}
              data-testid={`ledger-co-org-${o.orgId}`}
            >
              {o.name}
            </Tag>
          ))}
        </div>
      )}
      {value.length < LEDGER_LIMITS.coOrganisers && (
        <OrgSearch
          testId={testId}
          placeholder={t('ledger.coOrgSearch')}
          accept={(hit) => hit.id !== excludeOrgId && !picked.has(hit.id)}
          onPick={(hit) => onChange?.([...value, { orgId: hit.id, name: hit.name }])}
        />
      )}
    </Space>
  );
}
