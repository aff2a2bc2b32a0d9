import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListTotal, Page } from '../../common/paging.js';
import { useNotify } from './notify.js';

export type CursorPages<T> = {
  items: T[];
  isLoading: boolean;
  pageIndex: number;
  hasNext: boolean;
  hasPrev: boolean;
  /** How many rows the list holds, as its first page answered (undefined while loading or for a list without one). */
  total: ListTotal | undefined;
  next: () => void;
  prev: () => void;
  reload: () => void;
};

/**
 * Keyset paging with a stack of cursors: page n is fetched with the cursor that page n-1 answered,
 * so "previous" pops the stack. The stack starts again whenever `resetKey` changes (new filters).
 */
export function useCursorPages<T>(load: (cursor: string | undefined) => Promise<Page<T>>, resetKey: string): CursorPages<T> {
  const notify = useNotify();
  const loadRef = useRef(load);
  loadRef.current = load;
  const [paging, setPaging] = useState<{ key: string; stack: (string | undefined)[] }>({ key: resetKey, stack: [undefined] });
  const stack = paging.key === resetKey ? paging.stack : [undefined];
  const [page, setPage] = useState<Page<T>>({ items: [], nextCursor: null });
  // The first page carries the total; later pages keep it.
  const [total, setTotal] = useState<{ key: string; total: ListTotal | undefined }>({ key: resetKey, total: undefined });
  const [isLoading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);

  const cursor = stack[stack.length - 1];
  useEffect(() => {
    let isCurrent = true;
    setLoading(true);
    loadRef
      .current(cursor)
      .then((answer) => {
        if (!isCurrent) return;
        setPage(answer);
        if (answer.total || cursor === undefined) setTotal({ key: resetKey, total: answer.total });
      })
      .catch((error: unknown) => {
        if (isCurrent) {
          setPage({ items: [], nextCursor: null });
          notify.error(error);
        }
      })
      .finally(() => isCurrent && setLoading(false));
    return () => {
      isCurrent = false;
    };
    // Re-run only when the page or the filters change (notify is stable).
  }, [cursor, stack.length, resetKey, tick]);

  const next = useCallback(() => {
    const nextCursor = page.nextCursor;
    if (nextCursor) setPaging({ key: resetKey, stack: [...stack, nextCursor] });
  }, [page.nextCursor, resetKey, stack]);
  const prev = useCallback(() => {
    if (stack.length > 1) setPaging({ key: resetKey, stack: stack.slice(0, -1) });
  }, [resetKey, stack]);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  return {
    items: page.items,
    isLoading,
    pageIndex: stack.length,
    hasNext: page.nextCursor !== null,
    hasPrev: stack.length > 1,
    total: total.key === resetKey ? total.total : undefined,
    next,
    prev,
    reload,
  };
}

/** "共 N 条" / "10,000 条以上" / "约 N 条": the total a list's first page answered. */
export function TotalText({ total }: { total: ListTotal | undefined }) {
  const { t, i18n } = useTranslation();
  if (!total) return null;
  const text = t(`common.total.${total.kind}`, { count: total.count, formatted: total.count.toLocaleString(i18n.language) });
  const shown = (
    <Typography.Text type="secondary" data-testid="list-total" data-kind={total.kind}>
      {text}
    </Typography.Text>
  );
  return total.kind === 'rollup' ? <Tooltip title={t('common.total.rollupHint')}>{shown}</Tooltip> : shown;
}

export function PagerBar<T>({ pages, testId }: { pages: CursorPages<T>; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }} data-testid={testId}>
      <TotalText total={pages.total} />
      <Button icon={<LeftOutlined />} disabled={!pages.hasPrev || pages.isLoading} onClick={pages.prev} data-testid="pager-prev">
        {t('common.prevPage')}
      </Button>
      <Typography.Text type="secondary">{t('common.pageNo', { page: pages.pageIndex })}</Typography.Text>
      <Button disabled={!pages.hasNext || pages.isLoading} onClick={pages.next} data-testid="pager-next">
        {t('common.nextPage')}
        <RightOutlined />
      </Button>
    </Space>
  );
}
