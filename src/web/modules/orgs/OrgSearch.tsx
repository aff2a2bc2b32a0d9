import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgKind, OrgSearchHit } from '../../../common/orgs.js';
import { useNotify } from '../../app/notify.js';
import { KindTag } from './KindTag.js';
import { orgsApi } from './orgs.api.js';

type Props = {
  onPick: (hit: OrgSearchHit) => void;
  /** Asks the server for one kind only. */
  kind?: OrgKind;
  /** Further client-side filter, e.g. the kinds a moved node may sit under. */
  accept?: (hit: OrgSearchHit) => boolean;
  placeholder?: string;
  /** Keep the picked name in the box (a picker) rather than clearing it (a navigator). */
  keepName?: boolean;
  /** The text shown before anything is typed, e.g. the current value of a picker. */
  initialText?: string;
  /** Called when the box is emptied (a picker whose value may be removed). */
  onClear?: () => void;
  testId: string;
  style?: CSSProperties;
};

const OPTION_PREFIX = 'org:';
const DEBOUNCE_MS = 250;

/** Finds organisations by name or pinyin initials (dc → 东城区总工会); each hit shows its trail to tell namesakes apart. */
export function OrgSearch({ onPick, kind, accept, placeholder, keepName = false, initialText = '', onClear, testId, style }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [text, setText] = useState(initialText);
  const [hits, setHits] = useState<OrgSearchHit[]>([]);
  const [hasSearched, setSearched] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const acceptRef = useRef(accept);
  acceptRef.current = accept;

  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (q: string) => {
    clearTimeout(timer.current);
    if (!q.trim()) {
      setHits([]);
      setSearched(false);
      return;
    }
    timer.current = setTimeout(() => {
      orgsApi
        .search(q.trim(), kind)
        .then(({ items }) => {
          const filter = acceptRef.current;
          setHits(filter ? items.filter(filter) : items);
          setSearched(true);
        })
        .catch(notify.error);
    }, DEBOUNCE_MS);
  };

  const options = hits.map((hit) => ({
    value: `${OPTION_PREFIX}${hit.id}`,
    label: (
      <div data-testid={`org-option-${hit.id}`} style={{ lineHeight: 1.4, padding: '2px 0' }}>
        <Space size={6}>
          <span>{hit.name}</span>
          <KindTag kind={hit.kind} />
        </Space>
        {hit.trail.length > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
            {hit.trail.join(' / ')}
          </Typography.Text>
        )}
      </div>
    ),
  }));

  return (
    <AutoComplete
      data-testid={testId}
      value={text}
      options={options}
      style={style ?? { width: '100%' }}
      popupMatchSelectWidth={false}
      notFoundContent={hasSearched ? t('org.noMatch') : null}
      onChange={(value: string) => {
        if (value.startsWith(OPTION_PREFIX)) return;
        setText(value);
        if (!value) onClear?.();
        search(value);
      }}
      onSelect={(value: string) => {
        const hit = hits.find((h) => `${OPTION_PREFIX}${h.id}` === value);
        if (!hit) return;
        // A search still pending from the last keystroke would open the list again over the picked name.
        clearTimeout(timer.current);
        setText(keepName ? hit.name : '');
        if (!keepName) setHits([]);
        onPick(hit);
      }}
    >
      <Input prefix={<SearchOutlined />} placeholder={placeholder ?? t('org.searchPlaceholder')} allowClear />
    </AutoComplete>
  );
}
