import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportElsewhereRow } from '../../../common/imports.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { importsApi } from './imports.api.js';

const PAGE_SIZE = 20;

/**
 * Rows naming members of other unions: never moved silently. The cadre sees them (masked) and asks for all their
 * transfers in one action; each then waits for the member's consent and the releasing union's confirmation.
 */
export function ElsewhereTransfers({ jobId, count }: { jobId: number; count: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [isShown, setShown] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [requested, setRequested] = useState(false);
  const requestAll = () => {
    setBusy(true);
    importsApi
      .requestTransfers(jobId)
      .then((r) => {
        notify.success(t('imports.transfersRequested', { requested: r.requested, skipped: r.skipped }));
        setRequested(true);
        setShown(true);
      }, notify.error)
      .finally(() => setBusy(false));
  };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 12 }}
      message={t('imports.elsewhereHint', { count })}
      description={
        isShown ? (
          <ElsewhereTable jobId={jobId} refreshKey={String(requested)} />
        ) : (
          <Button type="link" onClick={() => setShown(true)} data-testid="elsewhere-show">
            {t('imports.elsewhereShow')}
          </Button>
        )
      }
      action={
        <Button type="primary" loading={isBusy} disabled={requested} onClick={requestAll} data-testid="elsewhere-request">
          {t('imports.elsewhereRequest')}
        </Button>
      }
      data-testid="elsewhere"
    />
  );
}

/** The listed rows, a page at a time in roster order (a district's roster may name thousands). */
function ElsewhereTable({ jobId, refreshKey }: { jobId: number; refreshKey: string }) {
  const { t } = useTranslation();
  // Once the transfers are asked for, the rows are read again to show each one's transfer status.
  const list = useList((_filter: object, cursor) => importsApi.elsewhere(jobId, cursor, PAGE_SIZE), {
    initial: {},
    scope: `${jobId}:${refreshKey}`,
  });
  return (
    <ListPage<object, ImportElsewhereRow>
      list={list}
      testId="elsewhere"
      rowKey="rowNumber"
      size="small"
      columns={[
        { title: t('imports.row'), dataIndex: 'rowNumber', width: 70 },
        { title: t('member.field.name'), dataIndex: 'maskedName' },
        { title: t('member.field.idNumber'), dataIndex: 'idNumberMasked', render: (v: string) => <span className="mono">{v}</span> },
        {
          title: t('transfer.field.status'),
          dataIndex: 'transferStatus',
          render: (s: ImportElsewhereRow['transferStatus']) => (s ? t(`transfer.status.${s}`) : t('common.none')),
        },
      ]}
    />
  );
}
