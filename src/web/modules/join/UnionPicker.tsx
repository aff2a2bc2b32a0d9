import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publicApi, type PublicUnion } from './public.api.js';

const DEBOUNCE_MS = 300;
const OPTION_PREFIX = 'union:';

function KindLabel({ union }: { union: PublicUnion }) {
  const { t } = useTranslation();
  const label =
    union.kind === 'joint_union' || union.kind === 'grassroots_union' || union.kind === 'branch' ? t(`join.unionKind.${union.kind}`) : '';
  return (
    <Tag color={union.kind === 'joint_union' ? 'cyan' : 'green'} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

/** Finds the union to apply to; joint unions for gig workers come first, each with the federation above it. */
export function UnionPicker({
  value,
  onChange,
  hasError,
}: {
  value: PublicUnion | null;
  onChange: (union: PublicUnion | null) => void;
  hasError?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<PublicUnion[]>([]);
  const [hasSearched, setSearched] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  if (value) {
    return (
      <div className="picked-union" data-testid="picked-union">
        <div style={{ minWidth: 0 }}>
          <div className="picked-union-name">{value.name}</div>
          <div className="picked-union-parent">
            <KindLabel union={value} /> {t('join.unionUnder', { parent: value.parentName })}
          </div>
        </div>
        <Button onClick={() => onChange(null)} data-testid="change-union">
          {t('join.unionChange')}
        </Button>
      </div>
    );
  }

  const search = (q: string) => {
    clearTimeout(timer.current);
    if (!q.trim()) {
      setHits([]);
      setSearched(false);
      return;
    }
    timer.current = setTimeout(() => {
      publicApi
        .unions(q.trim())
        .then(({ items }) => {
          setHits(items);
          setSearched(true);
        })
        .catch(() => {
          setHits([]);
          setSearched(true);
        });
    }, DEBOUNCE_MS);
  };

  return (
    <AutoComplete
      value={text}
      style={{ width: '100%' }}
      prefix={<SearchOutlined />}
      placeholder={t('join.unionPlaceholder')}
      status={hasError ? 'error' : undefined}
      allowClear
      data-testid="union-search"
      notFoundContent={hasSearched ? t('join.unionNone') : null}
      options={hits.map((union) => ({
        value: `${OPTION_PREFIX}${union.id}`,
        label: (
          <div className="union-option" data-testid={`union-option-${union.id}`}>
            <div className="union-option-name">{union.name}</div>
            <div className="union-option-parent">
              <KindLabel union={union} /> {t('join.unionUnder', { parent: union.parentName })}
            </div>
          </div>
        ),
      }))}
      onChange={(next: string) => {
        if (next.startsWith(OPTION_PREFIX)) return;
        setText(next);
        search(next);
      }}
      onSelect={(picked: string) => {
        const union = hits.find((h) => `${OPTION_PREFIX}${h.id}` === picked);
        if (union) onChange(union);
      }}
    />
  );
}
