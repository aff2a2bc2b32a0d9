import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../common/paging.js';
import { useNotify } from './notify.js';

export type CursorPages<T> = {
  items: T[];
  isLoading: boolean;
  pageIndex: number;
  hasNext: boolean;
  hasPrev: boolean;
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
  const [isLoading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);

  const cursor = stack[stack.length - 1];
  useEffect(() => {
    let isCurrent = true;
    setLoading(true);
    loadRef
      .current(cursor)
      .then((answer) => isCurrent && setPage(answer))
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
    next,
    prev,
    reload,
  };
}

export function PagerBar<T>({ pages, testId }: { pages: CursorPages<T>; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }} data-testid={testId}>
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
