import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, InputNumber, Skeleton, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useOrgTree } from '../orgs/treeStore.js';
import { DraftsList } from './DraftsList.js';
import { ProposalCard } from './ProposalCard.js';
import { useLedgerImport } from './useLedgerImport.js';

/** 由报道生成台账: paste or upload a page of the union paper, correct each proposed entry, confirm or discard it. */
export function LedgerImportPage() {
  const { t } = useTranslation();
  const { roots } = useOrgTree();
  const [params] = useSearchParams();
  const root = roots?.[0];
  const orgId = Number(params.get('org')) || root?.id;
  const { draftId, draft, isBusy, propose, confirm, discard } = useLedgerImport();
  const [text, setText] = useState('');
  const [year, setYear] = useState(new Date().getFullYear());

  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  const orgName = draft?.orgName ?? (root?.id === orgId ? root.name : undefined);

  return (
    <div data-testid="ledger-import-page">
      <Typography.Title level={3}>{t('ledgerImport.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('ledgerImport.intro')}</Typography.Paragraph>
      {orgName && <Typography.Paragraph strong>{t('ledgerImport.forOrg', { name: orgName })}</Typography.Paragraph>}
      <Card size="small" title={t('ledgerImport.drafts.title')} style={{ marginBottom: 16 }} data-testid="ledger-import-drafts">
        <Typography.Paragraph type="secondary">{t('ledgerImport.drafts.intro')}</Typography.Paragraph>
        <DraftsList
          orgId={orgId}
          openId={draftId}
          refreshKey={draft ? `${draft.id}:${draft.proposals.map((p) => p.status).join(',')}` : ''}
        />
      </Card>
      <Input.TextArea
        data-testid="ledger-import-text"
        aria-label={t('ledgerImport.pasteLabel')}
        placeholder={t('ledgerImport.pastePlaceholder')}
        autoSize={{ minRows: 6, maxRows: 16 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Space wrap style={{ margin: '12px 0' }}>
        <Button
          type="primary"
          data-testid="ledger-import-propose"
          loading={isBusy}
          disabled={text.trim() === ''}
          onClick={() => void propose(orgId, new File([text], t('ledgerImport.pastedName'), { type: 'text/plain' }))}
        >
          {t('ledgerImport.propose')}
        </Button>
        <Upload
          accept=".txt,text/plain"
          showUploadList={false}
          beforeUpload={(file) => {
            void propose(orgId, file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={isBusy} data-testid="ledger-import-upload">
            {t('ledgerImport.upload')}
          </Button>
        </Upload>
        <span title={t('ledgerImport.yearHint')}>
          {t('ledgerImport.year')}{' '}
          <InputNumber data-testid="ledger-import-year" min={1900} max={2100} value={year} onChange={(v) => setYear(v ?? year)} />
        </span>
      </Space>
      {draft && (
        <>
          <Typography.Title level={4}>{t('ledgerImport.proposals', { count: draft.proposals.length })}</Typography.Title>
          <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="ledger-import-proposals">
            {draft.proposals.map((item) => (
              <ProposalCard
                key={`${draft.id}-${item.position}-${year}`}
                source={draft.sourceText}
                item={item}
                year={year}
                onConfirm={(body) => confirm(item.position, body)}
                onDiscard={() => discard(item.position)}
              />
            ))}
          </Space>
        </>
      )}
    </div>
  );
}
