import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskName } from '../../../common/identity.js';
import type { Member } from '../../../common/members.js';
import { useNotify } from '../../app/notify.js';
import { membersApi } from '../members/members.api.js';

/** Wait after the last key before asking: a cadre typing 王骑手 sends one search, not three. */
export const MEMBER_SEARCH_DEBOUNCE_MS = 300;
const HITS = 20;

/**
 * A member of a node's subtree picked by name (pinyin, initials, phone tail or card number, as the members list
 * searches), shown masked with their union. The value is the member's id. The server scopes the search to the subtree
 * of `orgId` and to what the caller may see.
 */
export function MemberSearch({
  orgId,
  value,
  onChange,
  testId,
  style,
  placeholder,
}: {
  orgId: number;
  value?: number | undefined;
  onChange?: (memberId: number | undefined) => void;
  testId?: string;
  style?: React.CSSProperties;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Member[]>([]);
  const [isSearching, setSearching] = useState(false);
  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      setSearching(true);
      membersApi
        .list(orgId, { q, status: 'member' }, undefined, HITS)
        .then((page) => isCurrent && setHits(page.items))
        .catch((error: unknown) => isCurrent && notify.error(error))
        .finally(() => isCurrent && setSearching(false));
    }, MEMBER_SEARCH_DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [text, orgId, notify]);
  return (
    <Select<number>
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onSearch={setText}
      onChange={(id) => onChange?.(id)}
      notFoundContent={isSearching ? <Spin size="small" /> : text.trim() ? t('programmes.noMember') : null}
      placeholder={placeholder ?? t('programmes.memberSearch')}
      style={style ?? { width: 320 }}
      popupMatchSelectWidth={false}
      data-testid={testId}
      // Masked name, union and masked phone: enough to tell two 张** apart without showing who they are.
      options={hits.map((m) => ({ value: m.id, label: [maskName(m.name), m.orgName, m.phoneMasked].filter(Boolean).join(' · ') }))}
    />
  );
}
