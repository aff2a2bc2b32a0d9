import { ColumnHeightOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Dropdown, Popover, Space, Tooltip, type TableColumnsType, type TableProps } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Density = NonNullable<TableProps['size']>;
type Settings = { density?: Density; hidden?: string[] };

const storageKey = (testId: string) => `gonghui.table.${testId}`;

function readSettings(testId: string): Settings {
  try {
    const raw = window.localStorage.getItem(storageKey(testId));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Settings) : {};
  } catch {
    return {};
  }
}

/** A column's key for the settings: its `key`, else its `dataIndex`, else its place. */
function columnKey<T>(column: TableColumnsType<T>[number], index: number): string {
  if (column.key !== undefined) return String(column.key);
  const dataIndex = 'dataIndex' in column ? column.dataIndex : undefined;
  if (typeof dataIndex === 'string' || typeof dataIndex === 'number') return String(dataIndex);
  if (Array.isArray(dataIndex)) return dataIndex.join('.');
  return `#${index}`;
}

const titleText = (title: unknown, fallback: string): ReactNode =>
  typeof title === 'string' || typeof title === 'number'
    ? title
    : typeof title === 'function'
      ? fallback
      : ((title as ReactNode) ?? fallback);

/**
 * The controls of every table (列设置, 行高, 刷新), remembered per table in the browser: the columns shown, in their
 * order, and the density. A table without a title on a column (a selection or an action column) keeps it.
 */
export function useTableSettings<T>(testId: string, columns: TableColumnsType<T>, defaultSize: Density, onReload: () => void) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Settings>(() => readSettings(testId));
  const save = useCallback(
    (next: Settings) => {
      setSettings(next);
      try {
        window.localStorage.setItem(storageKey(testId), JSON.stringify(next));
      } catch {
        // A browser that refuses storage still applies the setting for this page.
      }
    },
    [testId],
  );
  const hidden = useMemo(() => new Set(settings.hidden ?? []), [settings.hidden]);
  const keyed = useMemo(() => columns.map((column, i) => ({ column, key: columnKey(column, i) })), [columns]);
  const shown = useMemo(() => keyed.filter((c) => !hidden.has(c.key)).map((c) => c.column), [keyed, hidden]);
  const size = settings.density ?? defaultSize;
  /** The width the hidden columns no longer take (a hidden column without a width counts as 150). */
  const hiddenWidth = keyed
    .filter((c) => hidden.has(c.key))
    .reduce((sum, { column }) => sum + (typeof column.width === 'number' ? column.width : 150), 0);

  const toggle = (key: string, isVisible: boolean) => {
    const next = new Set(hidden);
    if (isVisible) next.delete(key);
    else next.add(key);
    save({ ...settings, hidden: [...next] });
  };

  const columnList = (
    <Space direction="vertical" size={4} data-testid={`${testId}-column-settings`}>
      <Checkbox
        checked={hidden.size === 0}
        indeterminate={hidden.size > 0 && hidden.size < keyed.length}
        onChange={(e) => save({ ...settings, hidden: e.target.checked ? [] : keyed.slice(1).map((c) => c.key) })}
      >
        {t('common.table.showAllColumns')}
      </Checkbox>
      {keyed.map(({ column, key }, i) => (
        <Checkbox
          key={key}
          checked={!hidden.has(key)}
          // The first column names the row: it stays.
          disabled={i === 0}
          onChange={(e) => toggle(key, e.target.checked)}
          data-testid={`${testId}-column-${key}`}
        >
          {titleText(column.title, key)}
        </Checkbox>
      ))}
    </Space>
  );

  const densities: { key: Density; label: string }[] = [
    { key: 'large', label: t('common.table.densityLarge') },
    { key: 'middle', label: t('common.table.densityMiddle') },
    { key: 'small', label: t('common.table.densitySmall') },
  ];

  const toolbar = (
    <Space size={4} data-testid={`${testId}-toolbar`}>
      <Tooltip title={t('common.refresh')}>
        <Button
          type="text"
          icon={<ReloadOutlined />}
          onClick={onReload}
          aria-label={t('common.refresh')}
          data-testid={`${testId}-refresh`}
        />
      </Tooltip>
      <Dropdown
        trigger={['click']}
        menu={{
          selectable: true,
          selectedKeys: [size],
          items: densities.map((d) => ({ key: d.key, label: d.label })),
          onClick: ({ key }) => save({ ...settings, density: key as Density }),
        }}
      >
        <Tooltip title={t('common.table.density')}>
          <Button type="text" icon={<ColumnHeightOutlined />} aria-label={t('common.table.density')} data-testid={`${testId}-density`} />
        </Tooltip>
      </Dropdown>
      <Popover trigger="click" placement="bottomRight" title={t('common.table.columns')} content={columnList}>
        <Tooltip title={t('common.table.columns')}>
          <Button type="text" icon={<SettingOutlined />} aria-label={t('common.table.columns')} data-testid={`${testId}-columns`} />
        </Tooltip>
      </Popover>
    </Space>
  );

  return { columns: shown, size, toolbar, hiddenWidth };
}
