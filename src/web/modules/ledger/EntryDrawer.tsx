import { Descriptions, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry, LedgerEntryDetail } from '../../../common/ledger.js';
import { formatCount } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { EntryPhotos } from './EntryPhotos.js';
import { ledgerApi } from './ledger.api.js';
import { PeopleReached, periodOf } from './ledgerColumns.js';

/** The source text with the quoted words marked where they occur (the first time), so a reader sees where they came from. */
export function markSnippet(text: string, snippet: string | null): ReactNode {
  const at = snippet ? text.indexOf(snippet) : -1;
  if (!snippet || at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark data-testid="ledger-snippet-mark">{snippet}</mark>
      {text.slice(at + snippet.length)}
    </>
  );
}

/** One entry in full: its facts, figures with their snippets, its photos, and the source article it was taken from. */
export function EntryDrawer({ entry, canWrite, onClose }: { entry: LedgerEntry; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [detail, setDetail] = useState<LedgerEntryDetail | null>(null);
  useEffect(() => {
    let isCurrent = true;
    ledgerApi
      .entry(entry.id)
      .then((d) => isCurrent && setDetail(d))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [entry.id, notify]);
  const organisers = [entry.orgName, ...entry.coOrganisers.map((o) => o.name), ...entry.otherOrganisers].join('、');
  return (
    <Drawer open width={640} title={entry.title} onClose={onClose} data-testid="ledger-drawer">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('ledger.field.date')}>{periodOf(entry)}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.field.kind')}>{t(`ledger.kinds.${entry.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.field.organisers')}>{organisers}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.field.place')}>{entry.place ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.field.peopleReached')}>
          <PeopleReached entry={entry} />
        </Descriptions.Item>
        <Descriptions.Item label={t('ledger.field.figures')}>
          <Space direction="vertical" size={2}>
            {entry.figures.length === 0 && t('common.none')}
            {entry.figures.map((f) => (
              <span key={f.id}>
                {f.counts}: {f.approximate && `${t('ledger.figure.approx')} `}
                {formatCount(f.value)}
                {f.unit}
                {f.snippet && <Tag style={{ marginLeft: 8 }}>{f.snippet}</Tag>}
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('ledger.field.source')}>
          {t(`ledger.source.${entry.source}`)}
          {entry.sourceRef && ` · ${entry.sourceRef}`}
        </Descriptions.Item>
        {entry.summary && <Descriptions.Item label={t('ledger.field.summary')}>{entry.summary}</Descriptions.Item>}
        {entry.sourceSnippet && <Descriptions.Item label={t('ledger.detail.snippet')}>{entry.sourceSnippet}</Descriptions.Item>}
      </Descriptions>
      <EntryPhotos entryId={entry.id} canWrite={canWrite} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('ledger.detail.sourceText')}
      </Typography.Title>
      {!detail ? (
        <Skeleton active />
      ) : detail.sourceText ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="ledger-source-text">
          {markSnippet(detail.sourceText, detail.sourceSnippet)}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('ledger.detail.noSource')}</Typography.Text>
      )}
    </Drawer>
  );
}
